import StagehandCore

extension Board {
    /// One aligned row per email or timed action (due, candidate, job, stage, what,
    /// sender); the selected one opens a line with the email's subject and, if it
    /// failed, why — or what the timed action waits for.
    static func drawScheduled(selected: Int, _ state: BoardState, on frame: inout Frame) {
        let workspace = state.workspace
        let theme = state.theme
        let items = state.scheduledList
        var lines: [PageLine] = []
        if items.isEmpty { lines.append(PageLine("No delayed emails or timed actions are waiting.", theme[.muted])) }
        let rows = items.map { item -> [String] in
            switch item {
            case .email(let email):
                let listing = workspace.listing(of: email)
                return [workspace.dueText(of: email), listing.candidate, listing.job, listing.stage, listing.template, listing.sender]
            case .timed(let run):
                let job = workspace.job(run.job)
                let what = run.steps.first.map { workspace.summary(of: $0.action, in: run) } ?? ""
                var sender = ""
                if case .sendEmail(let email)? = run.steps.first?.action, case .member(let id) = email.sender {
                    sender = workspace.member(id)?.name ?? id.rawValue
                }
                return [
                    workspace.moment(run.startsAt), workspace.name(of: run.candidate), job?.title ?? "", job?.stage(run.stage)?.name ?? "",
                    "\(state.symbols.timer) \(what)", sender,
                ]
            }
        }
        let header = ["Due", "Candidate", "Job", "Stage", "Email or action", "Sender"]
        // What is sent or done takes the room the others leave, up to 40 columns.
        let widths = header.indices.map { column in
            min(column == 4 ? 40 : 24, ([header] + rows).map { DisplayWidth.of($0[column]) }.max() ?? 0)
        }
        func line(_ cells: [String]) -> String {
            String(
                cells.enumerated().map { column, cell in
                    let cut = DisplayWidth.truncate(cell, to: widths[column])
                    return cut + String(repeating: " ", count: widths[column] - DisplayWidth.of(cut))
                }.joined(separator: "  ").prefix(frame.width - 3))
        }
        if !items.isEmpty { lines.append(PageLine(line(header), theme[.muted])) }
        for (index, item) in items.enumerated() {
            lines.append(PageLine(line(rows[index]), index == selected ? theme[.cardFocused] : theme[.card]))
            guard index == selected else { continue }
            switch item {
            case .email(let email):
                let why = email.failure.map { " — \($0)" } ?? ""
                lines.append(PageLine("  '\(email.subject)' to \(email.toAddress)\(why)", theme[.muted]))
            case .timed(let run):
                let what = run.steps.first.map { workspace.summary(of: $0.action, in: run) } ?? ""
                let stage = workspace.job(run.job)?.stage(run.stage)?.name ?? ""
                lines.append(PageLine("  \(what), if \(workspace.name(of: run.candidate)) is still in \(stage) then", theme[.muted]))
            }
        }
        let title = "Scheduled (\(items.count)): emails and \(state.symbols.timer) timed actions, soonest first; failed emails last"
        drawPage(title, lines: lines, top: max(0, selected + 3 - pageRoom(state)), state: state, on: &frame)
    }
}
