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
            let typing = focused && !form.isReadOnly && field.isText
            // A value that typing would replace is drawn selected, with no cursor after it.
            let replaced = typing && form.typingReplaces
            let value = shownValues(
                of: field, focused: focused, typing: typing && !replaced, cursor: form.cursor, width: valueWidth, state: state, frame: frame)
            for (row, text) in value.rows.enumerated() {
                var parts = [FormPart(x: valueX, text: DisplayWidth.truncate(text, to: valueWidth), style: replaced ? cursorStyle(over: valueStyle) : valueStyle)]
                if row == 0 { parts.insert(FormPart(x: 1, text: DisplayWidth.truncate(field.label, to: formLabelWidth - 1), style: labelStyle), at: 0) }
                if let cursor = value.cursor, cursor.row == row {
                    let under = cursor.character.map { String($0) }
                    parts.append(FormPart(x: valueX + cursor.column, text: under ?? "_", style: under == nil ? valueStyle : cursorStyle(over: valueStyle)))
                }
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
                // Over typed text the arrows move the cursor: say how to get the presets back.
                let how = field.arrowsPick ? arrows : "empty the field (End, Ctrl-U), then \(arrows)"
                note("\(how) presets: " + presets.map { $0.isEmpty ? "none" : $0 }.joined(separator: " "), theme[.muted])
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

    /// A field's value as screen lines: a choice between arrows, or text wrapped to
    /// the width, with the cursor where the next key goes when it is being typed. A
    /// long text shows the rows around its cursor.
    static func shownValues(of field: FormField, focused: Bool, typing: Bool, cursor: Int?, width: Int, state: BoardState, frame: Frame) -> TypedTextRows {
        switch field.input {
        case .choice:
            guard focused else { return TypedTextRows(rows: [field.shownValue]) }
            let (left, right) = state.symbols.isUnicode ? ("‹", "›") : ("<", ">")
            return TypedTextRows(rows: ["\(left) \(field.shownValue) \(right)"])
        case .lines, .line, .lineWithPresets:
            var laidOut = TypedTextRows(TypedText(field.value, cursor: typing ? cursor : nil), width: width, showsCursor: typing)
            let limit = max(3, frame.height / 4)
            let count = laidOut.rows.count
            guard count > limit else { return laidOut }
            guard focused, let row = laidOut.cursor?.row else {
                return TypedTextRows(rows: laidOut.rows.prefix(limit - 1) + [state.symbols.ellipsis])
            }
            // The rows around the cursor, with "…" where rows are left out above or below.
            let first = min(max(0, row - (limit - 2)), count - limit)
            var shown = Array(laidOut.rows[first..<(first + limit)])
            if first > 0 { shown[0] = state.symbols.ellipsis }
            if first + limit < count { shown[limit - 1] = state.symbols.ellipsis }
            laidOut.rows = shown
            laidOut.cursor?.row = row - first
            return laidOut
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
