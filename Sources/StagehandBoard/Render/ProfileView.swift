import StagehandCore

extension Board {
    static func drawProfile(_ id: CandidateID, scroll: Int, _ state: BoardState, on frame: inout Frame) {
        let workspace = state.workspace
        let theme = state.theme
        let bolt = state.symbols.bolt
        guard let candidate = workspace.candidates[id] else {
            drawPage("Candidate not found", lines: [], scroll: 0, state: state, on: &frame)
            return
        }
        func name(_ member: MemberID?) -> String? { member.map { workspace.member($0)?.name ?? $0.rawValue } }
        var lines: [(String, Style)] = []
        lines.append(("Email: \(candidate.email ?? "none")\(candidate.doNotEmail ? " (do not email)" : "")   Source: \(candidate.source)", theme[.card]))
        for placement in candidate.placements {
            let job = workspace.job(placement.job)
            var text = "\(job?.title ?? placement.job.rawValue): \(job?.stage(placement.stage)?.name ?? "") since \(workspace.moment(placement.enteredAt))"
            if let dq = placement.disqualification {
                text += " — disqualified: \(workspace.reason(dq.reason)?.name ?? dq.reason.rawValue)"
            }
            lines.append((text, theme[.card]))
        }
        if !candidate.tags.isEmpty { lines.append(("Tags: " + candidate.tags.joined(separator: ", "), theme[.card])) }
        if !candidate.followers.isEmpty {
            lines.append(("Followers: " + candidate.followers.compactMap(name).joined(separator: ", "), theme[.card]))
        }
        if !candidate.talentPools.isEmpty {
            lines.append(("Talent pools: " + candidate.talentPools.map { workspace.talentPool($0)?.name ?? $0.rawValue }.joined(separator: ", "), theme[.card]))
        }
        let tasks = workspace.tasks.records(of: id)
        if !tasks.isEmpty {
            lines.append(("", .plain))
            lines.append(("Tasks", theme[.columnTitle]))
            for task in tasks {
                let mark = task.automatic ? bolt + " " : ""
                lines.append(("[\(task.done ? "x" : " ")] \(mark)\(task.title) — \(name(task.assignee) ?? ""), due \(workspace.day(task.due))", theme[.card]))
            }
        }
        let evaluations = workspace.evaluationRequests.records(of: id)
        if !evaluations.isEmpty {
            lines.append(("", .plain))
            lines.append(("Evaluation requests", theme[.columnTitle]))
            for request in evaluations {
                lines.append(("\(request.automatic ? bolt + " " : "")\(name(request.member) ?? ""): \(request.status.rawValue)", theme[.card]))
            }
        }
        lines.append(("", .plain))
        lines.append(("Timeline, newest first (\(bolt) = automatic)", theme[.columnTitle]))
        for entry in candidate.timeline.reversed() {
            let mark = entry.automatic ? bolt : " "
            let author = name(entry.author).map { " — \($0)" } ?? ""
            let status = entry.status.map { " [\($0.rawValue)]" } ?? ""
            lines.append(("\(workspace.moment(entry.at)) \(mark) \(entry.text)\(status)\(author)", entry.automatic ? theme[.automatic] : theme[.card]))
        }
        let emails = workspace.emails.records(of: id)
        if !emails.isEmpty {
            lines.append(("", .plain))
            lines.append(("Emails, exactly as sent or to be sent", theme[.columnTitle]))
            for email in emails {
                let when =
                    switch email.status {
                    case .sent: "sent \(email.sentAt.map(workspace.moment) ?? "")"
                    case .scheduled: "due \(workspace.moment(email.dueAt))"
                    case .failed, .unknown: "\(email.status.rawValue.uppercased()) — \(email.failure ?? "") (r retries)"
                    default: email.status.rawValue
                    }
                lines.append(("\(email.subject) — \(when)", theme[.card]))
                lines.append(("  From \(email.fromName) <\(email.fromAddress)> to <\(email.toAddress)>", theme[.muted]))
                for line in email.body.split(separator: "\n", omittingEmptySubsequences: false) {
                    lines.append(("  \(state.symbols.vertical) " + line, theme[.muted]))
                }
            }
        }
        drawPage("\(candidate.name) [\(candidate.id)]", lines: lines, scroll: scroll, state: state, on: &frame)
    }

    static func drawMyWork(scroll: Int, _ state: BoardState, on frame: inout Frame) {
        let workspace = state.workspace
        let theme = state.theme
        let bolt = state.symbols.bolt
        guard let me = state.me else {
            drawPage("My work", lines: [("You are not a member of this workspace.", theme[.muted])], scroll: 0, state: state, on: &frame)
            return
        }
        func candidateName(_ id: CandidateID) -> String { workspace.candidates[id]?.name ?? id.rawValue }
        var lines: [(String, Style)] = [("Tasks", theme[.columnTitle])]
        let tasks = workspace.tasks.filter { $0.assignee == me && !$0.done }.sorted { $0.due < $1.due }
        if tasks.isEmpty { lines.append(("Nothing to do.", theme[.muted])) }
        for task in tasks {
            lines.append(("\(task.automatic ? bolt : " ") \(workspace.day(task.due))  \(task.title) — \(candidateName(task.candidate))", theme[.card]))
        }
        lines.append(("", .plain))
        lines.append(("Evaluations requested from me", theme[.columnTitle]))
        let evaluations = workspace.evaluationRequests.filter { $0.member == me && $0.status == .requested }
        if evaluations.isEmpty { lines.append(("None waiting.", theme[.muted])) }
        for request in evaluations {
            let job = workspace.job(request.job)?.title ?? ""
            lines.append(("\(request.automatic ? bolt : " ") \(candidateName(request.candidate)) for \(job), asked \(workspace.day(request.requestedAt))", theme[.card]))
        }
        lines.append(("", .plain))
        lines.append(("News about candidates I follow", theme[.columnTitle]))
        let news = workspace.candidates.filter { $0.followers.contains(me) }
            .flatMap { candidate in candidate.timeline.suffix(3).map { (candidate.name, $0) } }
            .sorted { $0.1.at > $1.1.at }.prefix(30)
        if news.isEmpty { lines.append(("Nothing new.", theme[.muted])) }
        for (name, entry) in news {
            lines.append(("\(entry.automatic ? bolt : " ") \(workspace.moment(entry.at))  \(name): \(entry.text)", entry.automatic ? theme[.automatic] : theme[.card]))
        }
        drawPage("My work — \(workspace.member(me)?.name ?? "")", lines: lines, scroll: scroll, state: state, on: &frame)
    }

    /// One aligned row per email (due, candidate, job, stage, template, sender); the
    /// selected one opens a line with its subject and, if it failed, why.
    static func drawScheduled(selected: Int, _ state: BoardState, on frame: inout Frame) {
        let workspace = state.workspace
        let theme = state.theme
        let emails = state.scheduledList
        var lines: [(String, Style)] = []
        if emails.isEmpty { lines.append(("No delayed emails are waiting.", theme[.muted])) }
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
        if !emails.isEmpty { lines.append((line(header), theme[.muted])) }
        for (index, email) in emails.enumerated() {
            lines.append((line(rows[index]), index == selected ? theme[.cardFocused] : theme[.card]))
            guard index == selected else { continue }
            let why = email.failure.map { " — \($0)" } ?? ""
            lines.append(("  '\(email.subject)' to \(email.toAddress)\(why)", theme[.muted]))
        }
        let title = "Scheduled emails (\(emails.count)), soonest first; failed ones last"
        drawPage(title, lines: lines, scroll: max(0, selected + 3 - (frame.height - 4)), state: state, on: &frame)
    }

    static func drawHelp(scroll: Int, _ state: BoardState, on frame: inout Frame) {
        let theme = state.theme
        let groups: [(String, [Binding])] = [
            ("Board", KeyMap.board), ("Carrying a card", KeyMap.carrying), ("Move dialogs", KeyMap.dialog),
            ("Profile, my work", KeyMap.reading), ("Scheduled emails", KeyMap.scheduled),
            ("Automations (a)", KeyMap.actionList), ("Pipeline (p)", KeyMap.pipelineList),
            ("Email templates (e)", KeyMap.templateList), ("Reasons (r)", KeyMap.reasonList),
            ("Forms", KeyMap.form), ("Questions", KeyMap.confirming),
        ]
        var blocks: [[(String, Style)]] = groups.map { title, bindings in
            [(title, theme[.columnTitle])]
                + bindings.map { binding in
                    let label = state.symbols.isUnicode ? binding.label : binding.label.asciiKeys
                    return ("  " + label.padding(toLength: 10, withPad: " ", startingAt: 0) + binding.help, theme[.dialog])
                }
        }
        blocks.append([("Mouse", theme[.columnTitle]), ("  click focuses a card; drag it to a column to move it", theme[.dialog])])
        let count = frame.width >= 170 ? 3 : frame.width >= 100 ? 2 : 1
        let columns = helpColumns(blocks, count: count)
        let perColumn = columns.map(\.count).max() ?? 0
        let columnWidth = min(56, (frame.width - 6) / count)
        let box = Box.centred(width: columnWidth * count + 4, height: min(perColumn + 2, frame.height - 2), in: frame)
        // On a small terminal the list scrolls (↑/↓) instead of being cut off.
        let rows = box.height - 2
        let first = min(scroll, max(0, perColumn - rows))
        let more = perColumn - first - rows
        box.draw(
            on: &frame, symbols: state.symbols, style: theme[.dialog], border: theme[.dialogBorder], title: "Keys (Esc closes)",
            right: more > 0 ? "\(state.symbols.arrowDown) \(more) more" : "")
        for (column, lines) in columns.enumerated() {
            for (index, line) in lines.enumerated() where index >= first && index - first < rows {
                frame.put(
                    DisplayWidth.truncate(line.0, to: columnWidth - 1), x: box.innerX + column * columnWidth,
                    y: box.y + 1 + index - first, style: line.1)
            }
        }
    }

    /// Spreads the help's groups over columns of about equal height, never splitting a
    /// group: a key read without its heading means nothing.
    static func helpColumns(_ blocks: [[(String, Style)]], count: Int) -> [[(String, Style)]] {
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
