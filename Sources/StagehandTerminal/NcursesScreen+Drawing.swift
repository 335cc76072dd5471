import CNcursesw
import StagehandBoard

extension NcursesScreen {
    /// A style resolved for ncurses: attribute bits and a colour pair number.
    struct Ink: Sendable {
        var attributes: attr_t
        var pair: Int16
    }

    /// Writes the cells that differ from the frame shown before, then sends the
    /// update. The first frame, and any frame after the screen changed size, is
    /// written in full. Nothing is sent once the terminal is stopped or gone.
    public func draw(_ frame: Frame) {
        guard !isStopped, !hasHungUp else { return }
        let screenSize = size
        var previous: Frame?
        if let shown, shown.screenSize == screenSize {
            previous = shown.frame
        } else {
            // Whatever the frame does not cover must not keep old content.
            werase(window)
        }
        for run in ChangedRun.runs(from: previous, to: frame, screenSize: screenSize) {
            write(run)
        }
        shown = (frame, screenSize)
        wnoutrefresh(window)
        doupdate()
    }

    private func write(_ run: ChangedRun) {
        var column = run.column
        var index = 0
        while index < run.cells.count {
            let cell = run.cells[index]
            let isWide = !cell.isContinuation && index + 1 < run.cells.count && run.cells[index + 1].isContinuation
            let span = isWide ? 2 : 1
            // A continuation cell without its glyph before it is drawn blank.
            let glyph =
                cell.isContinuation
                ? .blank
                : DrawnGlyph.fitting(cell.glyph, span: span, unicode: supportsUnicode) { scalar in
                    Int(stagehand_wcwidth(wchar_t(bitPattern: scalar.value)))
                }
            let ink = ink(for: cell.style)
            put(glyph, row: run.row, column: column, ink: ink)
            for padding in glyph.width..<span {
                put(.blank, row: run.row, column: column + padding, ink: ink)
            }
            column += span
            index += span
        }
    }

    private func put(_ glyph: DrawnGlyph, row: Int, column: Int, ink: Ink) {
        let characters = glyph.scalars.map { wchar_t(bitPattern: $0.value) } + [0]
        var character = cchar_t()
        setcchar(&character, characters, ink.attributes, ink.pair, nil)
        mvwadd_wch(window, Int32(row), Int32(column), &character)
    }

    /// Colour pairs are made as styles first appear, then remembered.
    private func ink(for style: Style) -> Ink {
        if let known = inks[style] { return known }
        let look = palette.look(for: style)
        let pair = colorPairs.number(for: .init(foreground: look.foreground, background: look.background))
        if pair.isNew { init_pair(pair.number, look.foreground, look.background) }
        let ink = Ink(attributes: look.attributes, pair: pair.number)
        inks[style] = ink
        return ink
    }
}
