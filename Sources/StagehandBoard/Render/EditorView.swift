import StagehandCore

/// The setup editors' list screens, full-page under the header.
extension Board {
    static func drawEditor(_ screens: [EditorScreen], _ state: BoardState, on frame: inout Frame) {
        guard let shown = screens.last(where: { if case .confirm = $0 { false } else { true } }) else { return }
        switch shown {
        case .actions(let owner, let selected): drawActionList(owner, selected: selected, state, on: &frame)
        case .pipeline(let ref, let selected): drawPipeline(ref, selected: selected, state, on: &frame)
        case .templates(let selected): drawTemplates(selected: selected, state, on: &frame)
        case .reasons(let selected): drawReasonList(selected: selected, state, on: &frame)
        case .form(let form): drawForm(form, state, on: &frame)
        case .confirm: break
        }
        if case .confirm(let confirmation) = screens.last { drawConfirmation(confirmation, state, on: &frame) }
    }

    /// A title, rows with one selected (scrolled into view), and notes at the foot.
    static func drawList(
        _ title: String, rows: [(String, Style)], selected: Int?, footer: [(String, Style)], state: BoardState, on frame: inout Frame
    ) {
        let theme = state.theme
        frame.fill(x: 0, y: 1, width: frame.width, height: frame.height - 2, style: .plain)
        frame.fill(x: 0, y: 1, width: frame.width, height: 1, style: theme[.columnTitleFocused])
        frame.put(" " + title, x: 0, y: 1, style: theme[.columnTitleFocused], maxWidth: frame.width)
        let notes = footer.flatMap { line in wrap(line.0, width: frame.width - 3).map { ($0, line.1) } }
        let room = max(1, frame.height - 5 - notes.count)
        let first = selected.map { max(0, $0 - room + 1) } ?? 0
        for (offset, row) in rows.enumerated().dropFirst(first).prefix(room) {
            let y = 3 + offset - first
            let isSelected = offset == selected
            if isSelected { frame.fill(x: 1, y: y, width: frame.width - 2, height: 1, style: theme[.cardFocused]) }
            frame.put(DisplayWidth.truncate(row.0, to: frame.width - 4), x: 2, y: y, style: isSelected ? theme[.cardFocused] : row.1)
        }
        if first + room < rows.count {
            frame.put("\(state.symbols.arrowDown) \(rows.count - first - room) more", x: 2, y: 3 + room, style: theme[.overflow])
        }
        for (index, note) in notes.enumerated() {
            frame.put(note.0, x: 1, y: frame.height - 1 - notes.count + index, style: note.1, maxWidth: frame.width - 2)
        }
    }

    /// The line saying why nothing can be changed here, when that is so.
    static func readOnlyFooter(_ state: BoardState) -> [(String, Style)] {
        state.workspace.readOnlyNotice(for: state.me).map { [($0, state.theme[.statusError])] } ?? []
    }

    static func drawActionList(_ owner: ActionOwner, selected: Int, _ state: BoardState, on frame: inout Frame) {
        let workspace = state.workspace
        let theme = state.theme
        guard let actions = workspace.stageActions(of: owner) else {
            drawList("This no longer exists", rows: [], selected: nil, footer: [("Someone removed it meanwhile. Esc goes back.", theme[.muted])], state: state, on: &frame)
            return
        }
        let rows = actions.enumerated().map {
            let mark = $0.element.after == nil ? state.symbols.bolt : state.symbols.timer
            return ("\($0.offset + 1). \(mark) \(workspace.summary(of: $0.element, forDisqualification: owner.isReason))", theme[.card])
        }
        var footer: [(String, Style)] = []
        switch owner {
        case .stage(let ref, let stage):
            let name = workspace.pipeline(ref)?.first { $0.id == stage }?.name ?? ""
            let later = actions.contains { $0.after != nil } ? "; \(state.symbols.timer) ones once the candidate has been there that long" : ""
            footer.append(("They run in this order when a candidate enters \(name)\(later).", theme[.muted]))
            if ref == .defaultTemplate { footer.append(("The default template: changes reach jobs created afterwards only.", theme[.muted])) }
        case .reason:
            footer.append(("They run in this order when a candidate is disqualified for this reason.", theme[.muted]))
        }
        footer += readOnlyFooter(state)
        drawList(
            "Automations of \(workspace.ownerName(owner))",
            rows: rows.isEmpty ? [("No automatic actions yet: n adds one.", theme[.muted])] : rows,
            selected: rows.isEmpty ? nil : selected, footer: footer, state: state, on: &frame)
    }

    static func drawPipeline(_ ref: PipelineRef, selected: Int, _ state: BoardState, on frame: inout Frame) {
        let workspace = state.workspace
        let theme = state.theme
        let stages = workspace.pipeline(ref) ?? []
        let counts = workspace.cardCounts(in: ref)
        let rows = stages.enumerated().map { index, stage in
            let bolt = stage.marks(bolt: state.symbols.bolt, timer: state.symbols.timer)
            let actions = stage.actions.count + stage.timedActions.count
            let detail = actions == 0 ? "no actions" : "\(actions) action\(actions == 1 ? "" : "s")"
            let count = counts[stage.id] ?? 0
            let cards = ref == .defaultTemplate ? "" : ", \(count) card\(count == 1 ? "" : "s")"
            let expected = stage.expected.map { ", expected \($0)" } ?? ""
            return ("\(index + 1). \(stage.name)\(bolt)  (\(detail)\(cards)\(expected))", theme[.card])
        }
        var footer: [(String, Style)]
        let title: String
        switch ref {
        case .job(let id):
            let job = workspace.job(id)
            let place = workspace.jobIndex(id).map { " · job \($0 + 1) of \(workspace.setup.jobs.count)" } ?? ""
            title = "Pipeline of \(job?.title ?? id.rawValue) (\(job?.status == .closed ? "closed" : "open"))\(place)"
            let jobKeys =
                state.workspace.readOnlyNotice(for: state.me) == nil
                ? " N creates a job; o \(job?.status == .closed ? "reopens" : "closes") this one; < > move it in the job order." : ""
            footer = [("This job's own pipeline. Tab: the default template that new jobs copy.\(jobKeys)", theme[.muted])]
        case .defaultTemplate:
            title = "Default pipeline template (affects jobs created afterwards only)"
            footer = [("Changes here affect jobs created afterwards only; existing jobs keep their own pipelines. Tab: back to this job.", theme[.muted])]
        }
        footer += readOnlyFooter(state)
        drawList(title, rows: rows, selected: selected, footer: footer, state: state, on: &frame)
    }

    static func drawTemplates(selected: Int, _ state: BoardState, on frame: inout Frame) {
        let workspace = state.workspace
        let theme = state.theme
        let templates = workspace.setup.emailTemplates
        let rows = templates.map { template in
            let users = workspace.owners(sending: template.id).count
            return ("\(template.name)  (\(users == 0 ? "not sent by any action" : "sent by \(users) action\(users == 1 ? "" : "s")"))", theme[.card])
        }
        var footer: [(String, Style)] = []
        if templates.indices.contains(selected) {
            let template = templates[selected]
            footer += preview(subject: template.subject, body: template.body, state: state, maxBodyLines: max(1, frame.height / 3))
        }
        footer += readOnlyFooter(state)
        drawList(
            "Email templates", rows: rows.isEmpty ? [("No templates yet: n creates one.", theme[.muted])] : rows,
            selected: rows.isEmpty ? nil : selected, footer: footer, state: state, on: &frame)
    }

    static func drawReasonList(selected: Int, _ state: BoardState, on frame: inout Frame) {
        let workspace = state.workspace
        let theme = state.theme
        let rows = workspace.setup.disqualificationReasons.map { reason in
            let bolt = reason.actions.isEmpty ? "" : " \(state.symbols.bolt)"
            let actions = reason.actions.count
            return ("\(reason.name)\(bolt)  (\(actions == 0 ? "no actions" : "\(actions) action\(actions == 1 ? "" : "s")"))", theme[.card])
        }
        let footer = [("Enter shows the actions a reason runs when a candidate is disqualified with it.", theme[.muted])] + readOnlyFooter(state)
        drawList(
            "Disqualification reasons", rows: rows.isEmpty ? [("No reasons yet: n adds one.", theme[.muted])] : rows,
            selected: rows.isEmpty ? nil : selected, footer: footer, state: state, on: &frame)
    }

    /// The template filled in for the focused candidate, as they would receive it.
    static func preview(
        subject: String, body: String, sender: MemberID? = nil, state: BoardState, maxBodyLines: Int
    ) -> [(String, Style)] {
        let theme = state.theme
        let name = state.focused.flatMap { state.workspace.candidates[$0]?.name } ?? "a sample candidate"
        guard let filled = try? state.workspace.preview(subject: subject, body: body, for: state.focused, in: state.job?.id, sender: sender ?? state.me)
        else {
            return [("Preview for \(name): shows once the placeholders are right.", theme[.muted])]
        }
        var lines: [(String, Style)] = [("Preview for \(name):", theme[.columnTitle]), ("Subject: \(filled.subject)", theme[.dialog])]
        let bodyLines = filled.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines += bodyLines.prefix(maxBodyLines).map { ("  " + $0, theme[.dialog]) }
        let hidden = bodyLines.count - maxBodyLines
        if hidden > 0 { lines.append(("  \(state.symbols.ellipsis) \(hidden) more line\(hidden == 1 ? "" : "s")", theme[.muted])) }
        return lines
    }

    static func drawConfirmation(_ confirmation: Confirmation, _ state: BoardState, on frame: inout Frame) {
        let theme = state.theme
        let width = min(frame.width - 4, 70)
        let answers = KeyMap.confirm.rows.map { "\($0.label(unicode: state.symbols.isUnicode)): \($0.bar ?? $0.help)" }
        let lines = wrap(confirmation.question, width: width - 4) + ["", answers.joined(separator: "   ")]
        let box = Box.centred(width: width, height: lines.count + 2, in: frame)
        box.draw(on: &frame, symbols: state.symbols, style: theme[.dialog], border: theme[.dialogBorder], title: "Are you sure?")
        for (index, line) in lines.enumerated() { box.line(index, line, on: &frame, style: theme[.dialog]) }
    }
}
