import StagehandBoard

/// Columns aligned by display width (names with accents, CJK or emoji line up), each
/// cell of free text cut to 28 columns; a row may carry an indented note line under it.
enum TextTable {
    static let widest = 28

    /// - Parameter whole: columns never cut (a due time with its attempt, an id): cut,
    ///   they would no longer say what they mean.
    static func render(header: [String], rows: [[String]], notes: [String?] = [], whole: Set<Int> = []) -> String {
        let cells = ([header] + rows).map { row in
            row.enumerated().map { column, cell in whole.contains(column) ? cell : DisplayWidth.truncate(cell, to: widest) }
        }
        let widths = header.indices.map { column in cells.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - DisplayWidth.of(cell))
            }.joined(separator: "  ")
        }
        var lines = ["  " + line(cells[0])]
        for (index, row) in cells.dropFirst().enumerated() {
            lines.append("  " + line(row))
            if index < notes.count, let note = notes[index] { lines.append("  " + note) }
        }
        return lines.joined(separator: "\n")
    }
}
