import StagehandCore

extension Board {
    static func drawProfile(_ id: CandidateID, scroll: Int, _ state: BoardState, on frame: inout Frame) {
        guard let candidate = state.workspace.candidates[id] else {
            drawPage("Candidate not found", lines: [], scroll: 0, state: state, on: &frame)
            return
        }
        drawPage("\(candidate.name) [\(candidate.id)]", lines: profileLines(id, state), scroll: scroll, state: state, on: &frame)
    }

    /// The profile's lines before wrapping: what it draws, and what its keys scroll through.
    static func profileLines(_ id: CandidateID, _ state: BoardState) -> [(String, Style)] {
        let workspace = state.workspace
        let theme = state.theme
        let bolt = state.symbols.bolt
        guard let candidate = workspace.candidates[id] else { return [] }
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
        return lines
    }
}
