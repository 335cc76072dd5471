import StagehandBoard

/// Consecutive cells of one row that differ from what the terminal shows. A run
/// never splits a wide glyph: it holds the glyph and its continuation cell
/// together.
struct ChangedRun: Equatable, Sendable {
    var row: Int
    var column: Int
    var cells: [Cell]

    /// The runs that turn `previous` into `next` on a screen of `screenSize`.
    /// Without a previous frame of the same size (first frame, after a resize)
    /// every row is one run. Cells outside the screen, and its bottom-right cell
    /// (which a terminal cannot write without scrolling), are left out.
    static func runs(from previous: Frame?, to next: Frame, screenSize: (width: Int, height: Int)) -> [ChangedRun] {
        let width = min(next.width, screenSize.width)
        let height = min(next.height, screenSize.height)
        guard width > 0, height > 0 else { return [] }
        let comparable = previous.flatMap { $0.width == next.width && $0.height == next.height ? $0 : nil }
        var runs: [ChangedRun] = []
        for row in 0..<height {
            let end = row == screenSize.height - 1 && width == screenSize.width ? width - 1 : width
            var changed = (0..<end).map { column in comparable.map { $0[column, row] != next[column, row] } ?? true }
            keepWideGlyphsWhole(&changed, row: row, in: next)
            var column = 0
            while column < end {
                guard changed[column] else { column += 1; continue }
                let start = column
                while column < end, changed[column] { column += 1 }
                runs.append(ChangedRun(row: row, column: start, cells: (start..<column).map { next[$0, row] }))
            }
        }
        return runs
    }

    /// A changed continuation cell means its glyph must be written again, and a
    /// changed wide glyph covers its continuation cell.
    private static func keepWideGlyphsWhole(_ changed: inout [Bool], row: Int, in frame: Frame) {
        for column in changed.indices where changed[column] {
            if frame[column, row].isContinuation, column > 0 { changed[column - 1] = true }
            if column + 1 < changed.count, frame[column + 1, row].isContinuation { changed[column + 1] = true }
        }
    }
}
