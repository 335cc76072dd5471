/// One editing key in a text being typed, as readline and every shell line take it.
public enum TextEdit: Sendable, Equatable {
    case left, right
    /// Home or Ctrl-A; End or Ctrl-E: the ends of the line the cursor is on.
    case lineStart, lineEnd
    /// ↑ ↓ in a text of several lines.
    case lineUp, lineDown
    /// Backspace, Delete.
    case deleteBack, deleteForward
    /// Ctrl-W: the word before the cursor, and the spaces after it.
    case deleteWordBack
    /// Ctrl-U, Ctrl-K: the line before or after the cursor.
    case deleteToLineStart, deleteToLineEnd
}

/// A text and the place in it where the next key goes, counted in characters.
public struct TypedText: Sendable, Equatable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int

    /// `cursor` nil: at the end, where typing into a field starts.
    public init(_ text: String, cursor: Int? = nil) {
        characters = Array(text)
        self.cursor = min(max(cursor ?? characters.count, 0), characters.count)
    }

    public var text: String { String(characters) }
    public var isAtEnd: Bool { cursor == characters.count }

    public mutating func insert(_ character: Character) {
        characters.insert(character, at: cursor)
        cursor += 1
    }

    /// Does the edit; false when there is nothing to do (the cursor is already at
    /// the start, on the first line…), so that a key can mean something else there.
    @discardableResult
    public mutating func apply(_ edit: TextEdit) -> Bool {
        let before = (characters, cursor)
        switch edit {
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .lineStart: cursor = lineStart(of: cursor)
        case .lineEnd: cursor = lineEnd(of: cursor)
        case .lineUp:
            let start = lineStart(of: cursor)
            guard start > 0 else { return false }
            let above = lineStart(of: start - 1)
            cursor = min(above + (cursor - start), start - 1)
        case .lineDown:
            let end = lineEnd(of: cursor)
            guard end < characters.count else { return false }
            let below = end + 1
            cursor = min(below + (cursor - lineStart(of: cursor)), lineEnd(of: below))
        case .deleteBack:
            guard cursor > 0 else { return false }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .deleteForward:
            guard cursor < characters.count else { return false }
            characters.remove(at: cursor)
        case .deleteWordBack:
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            remove(start..<cursor)
        case .deleteToLineStart: remove(lineStart(of: cursor)..<cursor)
        case .deleteToLineEnd: remove(cursor..<lineEnd(of: cursor))
        }
        return before != (characters, cursor)
    }

    private mutating func remove(_ range: Range<Int>) {
        characters.removeSubrange(range)
        cursor = range.lowerBound
    }

    private func lineStart(of index: Int) -> Int {
        var start = index
        while start > 0, characters[start - 1] != "\n" { start -= 1 }
        return start
    }

    private func lineEnd(of index: Int) -> Int {
        var end = index
        while end < characters.count, characters[end] != "\n" { end += 1 }
        return end
    }
}
