import StagehandCore

/// Where `?` puts every mode's keys: sections in the order of `KeyMode.allCases`,
/// spread over as many columns as fit. Drawing and scrolling both read it.
struct HelpLayout {
    let columns: [[(String, Style)]]
    let perColumn: Int
    let columnWidth: Int
    /// Rows of keys one screen shows.
    let rows: Int
    let box: Box

    init(_ state: BoardState) {
        let theme = state.theme
        var blocks: [[(String, Style)]] = KeyMode.allCases.map { mode in
            let labels = mode.rows.map { $0.label(unicode: state.symbols.isUnicode) }
            let width = min(14, (labels.map(DisplayWidth.of).max() ?? 0) + 2)
            return [(mode.title, theme[.columnTitle])]
                + zip(labels, mode.rows).map { label, row in
                    ("  " + label + String(repeating: " ", count: max(1, width - DisplayWidth.of(label))) + row.help, theme[.dialog])
                }
        }
        blocks.append([("Mouse", theme[.columnTitle]), ("  click focuses a card; drag it to a column to move it", theme[.dialog])])
        let count = state.width >= 170 ? 3 : state.width >= 100 ? 2 : 1
        columns = HelpLayout.spread(blocks, over: count)
        perColumn = columns.map(\.count).max() ?? 0
        columnWidth = min(60, (state.width - 6) / count)
        let frame = Frame(width: state.width, height: state.height)
        box = Box.centred(width: columnWidth * count + 4, height: min(perColumn + 2, state.height - 2), in: frame)
        rows = max(1, box.height - 2)
    }

    /// Spreads the help's sections over columns of about equal height, never splitting
    /// a section: a key read without its heading means nothing.
    static func spread(_ blocks: [[(String, Style)]], over count: Int) -> [[(String, Style)]] {
        let total = blocks.reduce(0) { $0 + $1.count + 1 }
        let target = (total + count - 1) / count
        var columns: [[(String, Style)]] = [[]]
        for block in blocks {
            if let last = columns.last, !last.isEmpty, last.count + block.count > target, columns.count < count {
                columns.append([])
            }
            if !columns[columns.count - 1].isEmpty { columns[columns.count - 1].append(("", .plain)) }
            columns[columns.count - 1] += block
        }
        return columns
    }
}

extension Board {
    static func drawHelp(scroll: Int, _ state: BoardState, on frame: inout Frame) {
        let layout = HelpLayout(state)
        let theme = state.theme
        // On a small terminal the list scrolls instead of being cut off.
        let first = min(scroll, max(0, layout.perColumn - layout.rows))
        let more = layout.perColumn - first - layout.rows
        layout.box.draw(
            on: &frame, symbols: state.symbols, style: theme[.dialog], border: theme[.dialogBorder], title: "Keys (Esc closes)",
            right: more > 0 ? "\(state.symbols.arrowDown) \(more) more" : "")
        for (column, lines) in layout.columns.enumerated() {
            for (index, line) in lines.enumerated() where index >= first && index - first < layout.rows {
                frame.put(
                    DisplayWidth.truncate(line.0, to: layout.columnWidth - 1), x: layout.box.innerX + column * layout.columnWidth,
                    y: layout.box.y + 1 + index - first, style: line.1)
            }
        }
    }
}
