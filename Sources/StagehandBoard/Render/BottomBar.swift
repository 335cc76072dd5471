import StagehandCore

extension Board {
    /// The last row: the status line when there is one, the bulk move's progress, or
    /// the keys of the mode the next key is read in.
    static func drawBottomBar(_ state: BoardState, on frame: inout Frame) {
        let y = frame.height - 1
        let theme = state.theme
        frame.fill(x: 0, y: y, width: frame.width - 1, height: 1, style: theme[.bottomBar])
        if let problem = state.storeProblem, state.status == nil || state.status?.kind == .info {
            drawStatus("Showing the last state read. \(problem)", style: theme[.statusError], state, on: &frame)
            return
        }
        if let status = state.status {
            drawStatus(status.text, style: status.kind == .error ? theme[.statusError] : theme[.statusInfo], state, on: &frame)
            return
        }
        if let progress = state.bulkProgress {
            frame.put(" Moving \(progress.total) candidates\(state.symbols.ellipsis) \(progress.done)/\(progress.total)", x: 0, y: y, style: theme[.statusInfo])
            return
        }
        let unicode = state.symbols.isUnicode
        func width(_ row: KeyRow) -> Int { DisplayWidth.of(row.barLabel(unicode: unicode)) + DisplayWidth.of(row.bar ?? "") + 3 }
        let rows = barRows(state)
        // The keys that stay are given their room first; the others fill what is left, in order.
        var room = frame.width - 2 - rows.filter(\.staysInBar).reduce(0) { $0 + width($1) }
        var x = 1
        for row in rows {
            if !row.staysInBar {
                guard width(row) <= room else { continue }
                room -= width(row)
            }
            x += frame.put(row.barLabel(unicode: unicode), x: x, y: y, style: theme[.bottomKey])
            x += frame.put(" \(row.bar ?? "")  ", x: x, y: y, style: theme[.bottomBar])
        }
    }

    /// Most status sentences fit the last row; a longer one — an error naming a
    /// file, line and column, and what to do — rises over the rows above, up to
    /// four, rather than lose its end (where the advice is) to the terminal's edge.
    private static func drawStatus(_ text: String, style: Style, _ state: BoardState, on frame: inout Frame) {
        let width = frame.width - 3
        var lines = wrap(text, width: width)
        if lines.count > maxStatusRows {
            let rest = lines[(maxStatusRows - 1)...].joined(separator: " ")
            lines = Array(lines.prefix(maxStatusRows - 1)) + [DisplayWidth.truncate(rest, to: width)]
        }
        let top = max(0, frame.height - lines.count)
        for (index, line) in lines.enumerated() where top + index < frame.height {
            frame.fill(x: 0, y: top + index, width: frame.width - 1, height: 1, style: state.theme[.bottomBar])
            frame.put(" " + line, x: 0, y: top + index, style: style, maxWidth: frame.width - 1)
        }
    }

    static let maxStatusRows = 4

    /// The bar's keys: the mode's, less those that would only refuse — keys that
    /// need a permission the person lacks, and editing keys on a screen they may only read.
    static func barRows(_ state: BoardState) -> [KeyRow] {
        let readOnly: Bool =
            switch state.mode {
            case .editing(let screens):
                if case .form(let form)? = screens.last { form.isReadOnly } else { state.workspace.readOnlyNotice(for: state.me) != nil }
            default: false
            }
        let mode = state.keyMode
        return (mode.rows + (mode.opensHelp ? KeyMap.screens.rows : [])).compactMap { row in
            guard row.bar != nil, !(readOnly && row.edits) else { return nil }
            guard row.needs.allSatisfy({ permission in state.me.map { state.workspace.allows($0, permission) } ?? false }) else { return nil }
            return saidForWhatIsFocused(row, state)
        }
    }

    /// A row as it reads on the screen shown: ← → choose only where they choose,
    /// Enter starts a new line in Body and Note, and a move into a stage without
    /// actions offers no "run actions". Nil leaves it out of the bar.
    private static func saidForWhatIsFocused(_ row: KeyRow, _ state: BoardState) -> KeyRow? {
        var row = row
        switch state.mode {
        case .form(let form, _):
            return said(row, in: form)
        case .editing(let screens):
            guard case .form(let form)? = screens.last else { return row }
            return said(row, in: form)
        case .moveDialog(let dialog, _) where !dialog.plan.hasActions:
            if row.keys.contains("r") { return nil }
            if row.keys.contains("w") { row.bar = "move" }
            return row
        default:
            return row
        }
    }

    private static func said(_ row: KeyRow, in form: Form) -> KeyRow? {
        guard let field = form.focusedField else { return row }
        var row = row
        if row.keys.contains(.left), !field.arrowsPick { return nil }
        if row.keys.contains(.enter), field.input == .lines { row.bar = "new line" }
        return row
    }
}
