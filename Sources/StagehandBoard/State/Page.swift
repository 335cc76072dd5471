import StagehandCore

/// One logical line of a page (the profile, My work): text, how it looks, and
/// what it is about, so that the keys on it know what they act on.
public struct PageLine: Sendable, Equatable {
    public var text: String
    public var style: Style
    public var item: PageItem?
    /// What the rows it wraps onto start with, so that they do not read as lines of their own.
    public var hang: String
    /// A section's title, which ↑ and ↓ step over.
    public var isHeading = false
    /// Words standing in for an empty section ("Nothing to do."), stepped over too.
    public var isPlaceholder = false

    public init(_ text: String, _ style: Style, item: PageItem? = nil, hang: String = "  ") {
        self.text = text
        self.style = style
        self.item = item
        self.hang = hang
    }

    public static func heading(_ text: String, _ style: Style) -> PageLine {
        var line = PageLine(text, style)
        line.isHeading = true
        return line
    }

    public static func placeholder(_ text: String, _ style: Style) -> PageLine {
        var line = PageLine(text, style)
        line.isPlaceholder = true
        return line
    }

    /// Whether the cursor stops here when stepping: not on a blank line, a heading or a placeholder.
    var isStop: Bool { !isHeading && !isPlaceholder && !text.isEmpty }
}

/// What a line of a page is about.
public enum PageItem: Sendable, Equatable {
    case task(TaskID)
    case evaluation(EvaluationRequestID)
    /// A line of news about a candidate.
    case candidate(CandidateID)

    func isSameKind(as other: PageItem) -> Bool {
        switch (self, other) {
        case (.task, .task), (.evaluation, .evaluation), (.candidate, .candidate): true
        default: false
        }
    }
}

/// The line a page's cursor is on, and the first screen row shown: the cursor moves
/// line by line and the page follows it.
public struct PageCursor: Sendable, Equatable {
    public var line: Int
    public var top: Int

    public init(line: Int = 0, top: Int = 0) {
        self.line = line
        self.top = top
    }

    /// On the first line that is about something, at the top of the page.
    public static func first(in lines: [PageLine]) -> PageCursor {
        PageCursor(line: lines.firstIndex { $0.item != nil } ?? 0)
    }

    /// After a step over `lines` wrapped to `width` with `room` rows on screen: the
    /// cursor's line, and a top row that keeps all of that line in view. Steps land
    /// on lines that hold something, not on blank lines or headings, except where
    /// only those are left to see (the top of the page, the end): Home shows the
    /// page from its first row, End to its last.
    public func moved(by step: ListStep, over lines: [PageLine], width: Int, room: Int) -> PageCursor {
        var next = self
        let target = step.apply(to: line, count: lines.count, page: room)
        let forward = target >= line && step != .first
        let after = lines.indices.contains(target) ? lines.indices[target...].first { lines[$0].isStop } : nil
        let before = lines.indices.contains(target) ? lines.indices[...target].last { lines[$0].isStop } : nil
        switch step {
        // Past the last line that holds something, or before the first, the page scrolls to show what is left.
        case .next: if let after { next.line = after } else { next.top += 1 }
        case .previous: if let before { next.line = before } else { next.top -= 1 }
        default: next.line = (forward ? after ?? before : before ?? after) ?? target
        }
        if step == .first { next.top = 0 }
        if step == .last { next.top = .max }
        return next.keptInView(lines: lines, width: width, room: room)
    }

    /// Scrolled so that the cursor's line shows whole.
    public func keptInView(lines: [PageLine], width: Int, room: Int) -> PageCursor {
        let heights = lines.map { Board.wrap($0.text, width: width, hang: $0.hang).count }
        let total = heights.reduce(0, +)
        let line = min(max(0, self.line), max(0, lines.count - 1))
        let start = heights.prefix(line).reduce(0, +)
        let end = start + (heights.indices.contains(line) ? heights[line] : 1)
        var top = self.top
        if start < top { top = start }
        if end > top + room { top = end - room }
        return PageCursor(line: line, top: min(max(0, top), max(0, total - room)))
    }
}
