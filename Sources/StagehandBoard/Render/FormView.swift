import StagehandCore

/// A form: one field per row (a text field's lines below it), its problem or
/// hint right under it, and for emails a preview for the focused candidate.
extension Board {
    static let formLabelWidth = 16

    /// Text placed on one screen row of a form.
    struct FormPart {
        var x: Int
        var text: String
        var style: Style
    }

    static func drawForm(_ form: Form, _ state: BoardState, on frame: inout Frame) {
        let theme = state.theme
        let valueX = formLabelWidth + 2
        let valueWidth = max(10, frame.width - valueX - 2)
        var rows: [[FormPart]] = []
        var focusedRow = 0
        func note(_ text: String, _ style: Style) { rows.append([FormPart(x: valueX, text: DisplayWidth.truncate(text, to: valueWidth), style: style)]) }
        for (index, field) in form.fields.enumerated() {
            let focused = index == form.focused
            if focused { focusedRow = rows.count }
            let labelStyle = focused ? theme[.columnTitleFocused] : theme[.columnTitle]
            let valueStyle = focused ? theme[.cardFocused] : theme[.card]
            for (row, value) in shownValues(of: field, focused: focused, typing: focused && !form.isReadOnly, width: valueWidth, state: state, frame: frame).enumerated() {
                var parts = [FormPart(x: valueX, text: DisplayWidth.truncate(value, to: valueWidth), style: valueStyle)]
                if row == 0 { parts.insert(FormPart(x: 1, text: DisplayWidth.truncate(field.label, to: formLabelWidth - 1), style: labelStyle), at: 0) }
                rows.append(parts)
            }
            if let problem = form.shownProblem(field.key) {
                for line in wrap("! " + problem, width: valueWidth) { note(line, theme[.statusError]) }
            } else if let hint = form.hints[field.key] {
                for line in wrap(hint, width: valueWidth) { note(line, theme[.muted]) }
            }
            guard focused else { continue }
            let offered = Forms.completions(for: field)
            if !offered.isEmpty {
                note("Tab: " + offered.prefix(6).joined(separator: ", ") + (offered.count > 6 ? ", \(state.symbols.ellipsis)" : ""), theme[.muted])
            }
            if case .lineWithPresets(let presets) = field.input {
                let arrows = state.symbols.isUnicode ? "← →" : "Left/Right"
                note("\(arrows) presets: " + presets.map { $0.isEmpty ? "none" : $0 }.joined(separator: " "), theme[.muted])
            }
        }
        var footer: [(String, Style)] = form.isReadOnly ? readOnlyFooter(state) : []
        if let error = form.saveError { footer.append(("Not saved: \(error)", theme[.statusError])) }
        if isEmailForm(form) {
            // The preview is signed by the sender the form names; "the mover" is whoever moves, here you.
            let sender = form.value(.sender)
            footer += preview(
                subject: form.value(.subject), body: form.value(.body),
                sender: sender.isEmpty || sender == "mover" ? nil : MemberID(sender), state: state, maxBodyLines: max(1, frame.height / 5))
        }
        drawFormPage(form.title + (form.isReadOnly ? " (read-only)" : ""), rows: rows, focusedRow: focusedRow, footer: footer, state: state, on: &frame)
    }

    /// A field's value as screen lines: a choice between arrows, text with a cursor,
    /// wrapped so that what is being typed stays in view.
    static func shownValues(of field: FormField, focused: Bool, typing: Bool, width: Int, state: BoardState, frame: Frame) -> [String] {
        let cursor = typing && field.isText ? "_" : ""
        switch field.input {
        case .choice:
            guard focused else { return [field.shownValue] }
            let (left, right) = state.symbols.isUnicode ? ("‹", "›") : ("<", ">")
            return ["\(left) \(field.shownValue) \(right)"]
        case .lines, .line, .lineWithPresets:
            let values = (field.value + cursor).split(separator: "\n", omittingEmptySubsequences: false)
                .flatMap { wrap(String($0), width: width) }
            let limit = max(3, frame.height / 4)
            guard values.count > limit else { return values }
            // The focused text shows its end, where the typing happens.
            return focused ? [state.symbols.ellipsis] + values.suffix(limit - 1) : values.prefix(limit - 1) + [state.symbols.ellipsis]
        }
    }

    static func isEmailForm(_ form: Form) -> Bool {
        switch form.purpose {
        case .template: true
        case .action: form.value(.kind) == AutomaticAction.Kind.sendEmail.rawValue
        default: false
        }
    }

    /// The rows under a title, scrolled so the focused field shows, and notes at the foot.
    static func drawFormPage(
        _ title: String, rows: [[FormPart]], focusedRow: Int, footer: [(String, Style)], state: BoardState, on frame: inout Frame
    ) {
        let theme = state.theme
        frame.fill(x: 0, y: 1, width: frame.width, height: frame.height - 2, style: .plain)
        frame.fill(x: 0, y: 1, width: frame.width, height: 1, style: theme[.columnTitleFocused])
        frame.put(" " + title, x: 0, y: 1, style: theme[.columnTitleFocused], maxWidth: frame.width)
        let notes = footer.flatMap { line in wrap(line.0, width: frame.width - 3).map { ($0, line.1) } }
        let shownNotes = Array(notes.prefix(max(0, (frame.height - 5) / 2)))
        let room = max(1, frame.height - 4 - shownNotes.count - (shownNotes.isEmpty ? 0 : 1))
        let first = max(0, min(focusedRow - room / 2, rows.count - room))
        for (offset, row) in rows.dropFirst(first).prefix(room).enumerated() {
            for part in row { frame.put(part.text, x: part.x, y: 3 + offset, style: part.style, maxWidth: frame.width - part.x - 1) }
        }
        for (index, note) in shownNotes.enumerated() {
            frame.put(note.0, x: 1, y: frame.height - 1 - shownNotes.count + index, style: note.1, maxWidth: frame.width - 2)
        }
    }
}
