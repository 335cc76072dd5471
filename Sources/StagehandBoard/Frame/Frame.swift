/// One cell of the screen. A wide glyph (⚡, 漢) fills its own cell and marks the
/// next one as its continuation, which is never drawn on its own.
public struct Cell: Equatable, Sendable {
    public var glyph: String
    public var style: Style
    public var isContinuation: Bool

    public init(glyph: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.glyph = glyph
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// What the board looks like: a grid of styled cells, rendered in memory. The
/// terminal driver draws only the cells that differ from the previous frame, and
/// tests compare `text` snapshots.
public struct Frame: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// For terminals without UTF-8: every glyph written is folded to ASCII.
    public let asciiOnly: Bool

    public init(width: Int, height: Int, asciiOnly: Bool = false) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.asciiOnly = asciiOnly
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from column `x` on row `y`, clipped to `maxWidth` columns and to
    /// the frame. Never splits a wide glyph and never writes into the bottom-right
    /// cell (terminals cannot draw it). Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width - max(x, 0), maxWidth ?? .max)
        var column = x
        var used = 0
        for character in asciiOnly ? DisplayWidth.ascii(text) : text {
            let glyph = DisplayWidth.printable(character)
            let glyphWidth = DisplayWidth.of(glyph)
            if glyphWidth == 0 { continue }
            if used + glyphWidth > limit { break }
            if y == height - 1 && column + glyphWidth >= width { break }
            if column >= 0 {
                clearWideNeighbours(x: column, y: y, span: glyphWidth)
                self[column, y] = Cell(glyph: String(glyph), style: style)
                if glyphWidth == 2 { self[column + 1, y] = Cell(glyph: "", style: style, isContinuation: true) }
            }
            column += glyphWidth
            used += glyphWidth
        }
        return used
    }

    /// Fills a rectangle with blanks of one style.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style = .plain) {
        for row in max(0, y)..<min(height, y + h) {
            for column in max(0, x)..<min(width, x + w) {
                self[column, row] = Cell(glyph: " ", style: style)
            }
        }
    }

    /// Restyles cells without changing their text (focus and selection highlights).
    public mutating func restyle(x: Int, y: Int, width w: Int, _ change: (inout Style) -> Void) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, x + w) {
            change(&cells[y * width + column].style)
        }
    }

    /// Overwriting half of a wide glyph would leave the other half dangling: blank it.
    private mutating func clearWideNeighbours(x: Int, y: Int, span: Int) {
        if self[x, y].isContinuation, x > 0 { self[x - 1, y] = Cell(glyph: " ", style: self[x - 1, y].style) }
        let end = x + span
        if end < width, self[end, y].isContinuation { self[end, y] = Cell(glyph: " ", style: self[end, y].style) }
    }

    /// The frame as plain text, one line per row, trailing blanks trimmed: what a
    /// person would read off the screen, and what snapshot tests compare.
    public var text: String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for row in 0..<height {
            var line = ""
            for column in 0..<width {
                let cell = self[column, row]
                if !cell.isContinuation { line += cell.glyph }
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
