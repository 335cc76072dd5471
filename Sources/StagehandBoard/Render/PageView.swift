extension Board {
    /// A full-screen page under the header (profile, My work, Scheduled): its lines
    /// wrapped to the width, from `top` (a wrapped row), the cursor's line
    /// highlighted. The row above the bottom bar says how much more there is.
    static func drawPage(_ title: String, lines: [PageLine], cursor: PageCursor? = nil, top: Int = 0, state: BoardState, on frame: inout Frame) {
        let theme = state.theme
        frame.fill(x: 0, y: 1, width: frame.width, height: frame.height - 2, style: .plain)
        frame.fill(x: 0, y: 1, width: frame.width, height: 1, style: theme[.columnTitleFocused])
        frame.put(" " + title, x: 0, y: 1, style: theme[.columnTitleFocused], maxWidth: frame.width)
        var rows: [(text: String, style: Style, line: Int)] = []
        for (index, line) in lines.enumerated() {
            rows += wrap(line.text, width: pageWidth(state), hang: line.hang).map { ($0, line.style, index) }
        }
        let room = pageRoom(state)
        let first = min(max(0, cursor?.top ?? top), max(0, rows.count - room))
        for (offset, row) in rows.dropFirst(first).prefix(room).enumerated() {
            let y = 3 + offset
            if row.line == cursor?.line {
                frame.fill(x: 0, y: y, width: frame.width, height: 1, style: theme[.cardFocused])
                frame.put(">", x: 0, y: y, style: theme[.cardFocused])
            }
            frame.put(row.text, x: 1, y: y, style: row.line == cursor?.line ? theme[.cardFocused] : row.style, maxWidth: frame.width - 2)
        }
        let above = first
        let below = rows.count - first - room
        var more: [String] = []
        if above > 0 { more.append("↑ \(above) above") }
        if below > 0 { more.append("\(state.symbols.arrowDown) \(below) more") }
        if !more.isEmpty {
            let text = more.joined(separator: "  ")
            frame.put(state.symbols.isUnicode ? text : text.replacingOccurrences(of: "↑", with: "^"), x: 1, y: 3 + room, style: theme[.overflow])
        }
    }

    /// How many rows of a page, or of a list, one screen shows: a page step. The row
    /// under them says how much more there is.
    static func pageRoom(_ state: BoardState) -> Int {
        max(1, state.height - 5)
    }

    /// The columns a page's lines wrap to.
    static func pageWidth(_ state: BoardState) -> Int { max(1, state.width - 3) }
}
