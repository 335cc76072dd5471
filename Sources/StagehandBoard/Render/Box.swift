/// A bordered rectangle with a title, the building block of panes and dialogs.
struct Box {
    var x: Int
    var y: Int
    var width: Int
    var height: Int

    var innerX: Int { x + 2 }
    var innerWidth: Int { max(0, width - 4) }

    func draw(on frame: inout Frame, symbols: Symbols, style: Style, border: Style, title: String = "", right: String = "") {
        frame.fill(x: x, y: y, width: width, height: height, style: style)
        let line = String(repeating: symbols.horizontal, count: max(0, width - 2))
        frame.put(symbols.topLeft + line + symbols.topRight, x: x, y: y, style: border)
        frame.put(symbols.bottomLeft + line + symbols.bottomRight, x: x, y: y + height - 1, style: border)
        for row in (y + 1)..<(y + height - 1) {
            frame.put(symbols.vertical, x: x, y: row, style: border)
            frame.put(symbols.vertical, x: x + width - 1, y: row, style: border)
        }
        if !right.isEmpty {
            let text = " \(right) "
            let w = DisplayWidth.of(text)
            frame.put(text, x: x + width - 2 - w, y: y, style: border)
        }
        if !title.isEmpty {
            let room = width - 4 - (right.isEmpty ? 0 : DisplayWidth.of(right) + 3)
            frame.put(" " + DisplayWidth.truncate(title, to: max(0, room - 2)) + " ", x: x + 1, y: y, style: border)
        }
    }

    /// Writes one line of content inside the box, clipped to it.
    func line(_ row: Int, _ text: String, on frame: inout Frame, style: Style) {
        guard row >= 0, y + 1 + row < y + height - 1 else { return }
        frame.put(DisplayWidth.truncate(text, to: innerWidth), x: innerX, y: y + 1 + row, style: style, maxWidth: innerWidth)
    }

    /// A box of the given size centred on the screen.
    static func centred(width: Int, height: Int, in frame: Frame) -> Box {
        let w = min(width, frame.width - 2)
        let h = min(height, frame.height - 2)
        return Box(x: (frame.width - w) / 2, y: max(1, (frame.height - h) / 2), width: w, height: h)
    }
}
