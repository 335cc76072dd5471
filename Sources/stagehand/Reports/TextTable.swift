import StagehandBoard

/// Columns aligned by display width (names with accents, CJK or emoji line up), each
/// cell cut to 28 columns; a row may carry an indented note line under it.
enum TextTable {
    static let widest = 28

    static func render(header: [String], rows: [[String]], notes: [String?] = []) -> String {
        let cells = ([header] + rows).map { $0.map { DisplayWidth.truncate($0, to: widest) } }
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
