/// Text being typed, laid out in screen rows. Unlike `wrap`, it keeps every
/// character (a long word breaks where the row ends) so that the cursor can be
/// drawn where the next key goes.
struct TypedTextRows: Equatable {
    /// Where the cursor is drawn: its row, its column in cells, and the character
    /// under it (nil past the end of the row).
    struct Cursor: Equatable {
        var row: Int
        var column: Int
        var character: Character?
    }

    var rows: [String]
    var cursor: Cursor?

    init(rows: [String], cursor: Cursor? = nil) {
        self.rows = rows
        self.cursor = cursor
    }

    /// Rows of at most `width` cells; words move to the next row whole when they fit in one.
    init(_ typed: TypedText, width: Int, showsCursor: Bool) {
        let width = max(1, width)
        let characters = typed.characters
        var rows: [String] = []
        var cursor: Cursor?
        var paragraphStart = 0
        while paragraphStart <= characters.count {
            let paragraphEnd = characters[paragraphStart...].firstIndex(of: "\n") ?? characters.count
            var rowStart = paragraphStart
            repeat {
                let rowEnd = Self.rowEnd(characters, from: rowStart, to: paragraphEnd, width: width)
                let row = characters[rowStart..<rowEnd]
                let lastRowOfParagraph = rowEnd == paragraphEnd
                let holdsCursor = typed.cursor >= rowStart && (typed.cursor < rowEnd || (lastRowOfParagraph && typed.cursor == rowEnd))
                if showsCursor, holdsCursor {
                    let column = DisplayWidth.of(String(characters[rowStart..<typed.cursor]))
                    if column >= width {
                        // A full row with the cursor after it: the cursor starts the next row.
                        rows.append(String(row))
                        cursor = Cursor(row: rows.count, column: 0, character: nil)
                        rows.append("")
                        break
                    }
                    cursor = Cursor(row: rows.count, column: column, character: typed.cursor < rowEnd ? characters[typed.cursor] : nil)
                }
                rows.append(String(row))
                rowStart = rowEnd
            } while rowStart < paragraphEnd
            paragraphStart = paragraphEnd + 1
        }
        self.rows = rows
        self.cursor = cursor
    }

    /// Where a row that starts at `start` ends: after the last space that fits, or
    /// where the width runs out when no space does.
    private static func rowEnd(_ characters: [Character], from start: Int, to end: Int, width: Int) -> Int {
        var used = 0
        var index = start
        var afterLastSpace: Int?
        while index < end {
            let cells = DisplayWidth.of(String(characters[index]))
            if used + cells > width { return afterLastSpace ?? max(index, start + 1) }
            if characters[index] == " " { afterLastSpace = index + 1 }
            used += cells
            index += 1
        }
        return end
    }
}

extension Board {
    /// How the cursor inside a text looks: the character under it in reverse video,
    /// underlined too, so that it shows on any terminal. Past the end it is a "_".
    static func cursorStyle(over style: Style) -> Style {
        var cursor = style
        cursor.reverse.toggle()
        cursor.underline = true
        return cursor
    }

    /// One line being typed, drawn at `x`: its text, "_" after it when the cursor is
    /// at the end, else the character under the cursor in the cursor's style.
    /// Returns the cells it took.
    @discardableResult
    static func drawTypedLine(_ typed: TypedText, x: Int, y: Int, style: Style, maxWidth: Int, on frame: inout Frame) -> Int {
        let laidOut = TypedTextRows(typed, width: .max, showsCursor: true)
        let text = laidOut.rows.joined(separator: " ")
        guard let cursor = laidOut.cursor, let character = cursor.character else {
            return frame.put(text + "_", x: x, y: y, style: style, maxWidth: maxWidth)
        }
        let width = frame.put(text, x: x, y: y, style: style, maxWidth: maxWidth)
        if cursor.column < maxWidth { frame.put(String(character), x: x + cursor.column, y: y, style: cursorStyle(over: style), maxWidth: maxWidth - cursor.column) }
        return width
    }
}
