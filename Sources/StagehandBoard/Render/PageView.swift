extension Board {
    /// A full-screen list under the header (profile, my work, scheduled), scrolled.
    static func drawPage(_ title: String, lines: [(String, Style)], scroll: Int, state: BoardState, on frame: inout Frame) {
        let theme = state.theme
        frame.fill(x: 0, y: 1, width: frame.width, height: frame.height - 2, style: .plain)
        frame.fill(x: 0, y: 1, width: frame.width, height: 1, style: theme[.columnTitleFocused])
        frame.put(" " + title, x: 0, y: 1, style: theme[.columnTitleFocused], maxWidth: frame.width)
        let wrapped = lines.flatMap { line in wrap(line.0, width: frame.width - 3).map { ($0, line.1) } }
        let room = pageRoom(state)
        let first = min(scroll, max(0, wrapped.count - room))
        for (offset, line) in wrapped.dropFirst(first).prefix(room).enumerated() {
            frame.put(line.0, x: 1, y: 3 + offset, style: line.1, maxWidth: frame.width - 2)
        }
        if first + room < wrapped.count {
            frame.put("\(state.symbols.arrowDown) \(wrapped.count - first - room) more", x: frame.width - 14, y: frame.height - 2, style: theme[.overflow])
        }
    }

    /// How many lines of a page, or rows of a list, one screen shows: a page step.
    static func pageRoom(_ state: BoardState) -> Int {
        max(1, state.height - 4)
    }
}
