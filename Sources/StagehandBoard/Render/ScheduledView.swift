import StagehandCore

extension Board {
    /// One aligned row per email (due, candidate, job, stage, template, sender); the
    /// selected one opens a line with its subject and, if it failed, why.
    static func drawScheduled(selected: Int, _ state: BoardState, on frame: inout Frame) {
        let workspace = state.workspace
        let theme = state.theme
        let emails = state.scheduledList
        var lines: [PageLine] = []
        if emails.isEmpty { lines.append(PageLine("No delayed emails are waiting.", theme[.muted])) }
        let rows = emails.map { email -> [String] in
            let listing = workspace.listing(of: email)
            return [workspace.dueText(of: email), listing.candidate, listing.job, listing.stage, listing.template, listing.sender]
        }
        let header = ["Due", "Candidate", "Job", "Stage", "Template", "Sender"]
        let widths = header.indices.map { column in
            min(24, ([header] + rows).map { DisplayWidth.of($0[column]) }.max() ?? 0)
        }
        func line(_ cells: [String]) -> String {
            String(
                cells.enumerated().map { column, cell in
                    let cut = DisplayWidth.truncate(cell, to: widths[column])
                    return cut + String(repeating: " ", count: widths[column] - DisplayWidth.of(cut))
                }.joined(separator: "  ").prefix(frame.width - 3))
        }
        if !emails.isEmpty { lines.append(PageLine(line(header), theme[.muted])) }
        for (index, email) in emails.enumerated() {
            lines.append(PageLine(line(rows[index]), index == selected ? theme[.cardFocused] : theme[.card]))
            guard index == selected else { continue }
            let why = email.failure.map { " — \($0)" } ?? ""
            lines.append(PageLine("  '\(email.subject)' to \(email.toAddress)\(why)", theme[.muted]))
        }
        let title = "Scheduled emails (\(emails.count)), soonest first; failed ones last"
        drawPage(title, lines: lines, top: max(0, selected + 3 - pageRoom(state)), state: state, on: &frame)
    }
}
