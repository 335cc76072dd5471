import StagehandCore

extension Board {
    static func drawProfile(_ id: CandidateID, cursor: PageCursor, _ state: BoardState, on frame: inout Frame) {
        guard let candidate = state.workspace.candidates[id] else {
            drawPage("Candidate not found", lines: [], state: state, on: &frame)
            return
        }
        let following = state.me.map { candidate.followers.contains($0) } == true ? "  (you follow)" : ""
        drawPage("\(candidate.name) [\(candidate.id)]\(following)", lines: profileLines(id, state), cursor: cursor, state: state, on: &frame)
    }

    /// The profile's lines before wrapping: what it draws, and what its cursor moves over.
    static func profileLines(_ id: CandidateID, _ state: BoardState) -> [PageLine] {
        let workspace = state.workspace
        let theme = state.theme
        let bolt = state.symbols.bolt
        guard let candidate = workspace.candidates[id] else { return [] }
        func name(_ member: MemberID?) -> String? { member.map { workspace.member($0)?.name ?? $0.rawValue } }
        var lines: [PageLine] = []
        lines.append(PageLine("Email: \(candidate.email ?? "none")\(candidate.doNotEmail ? " (do not email)" : "")   Source: \(candidate.source)", theme[.card]))
        for placement in candidate.placements {
            let job = workspace.job(placement.job)
            var text = "\(job?.title ?? placement.job.rawValue): \(job?.stage(placement.stage)?.name ?? "") since \(workspace.moment(placement.enteredAt))"
            if let dq = placement.disqualification {
                text += " — disqualified: \(workspace.reason(dq.reason)?.name ?? dq.reason.rawValue)"
            }
            lines.append(PageLine(text, theme[.card]))
        }
        if !candidate.tags.isEmpty { lines.append(PageLine("Tags: " + candidate.tags.joined(separator: ", "), theme[.card])) }
        if !candidate.followers.isEmpty {
            lines.append(PageLine("Followers: " + candidate.followers.compactMap(name).joined(separator: ", "), theme[.card]))
        }
        if !candidate.talentPools.isEmpty {
            lines.append(PageLine("Talent pools: " + candidate.talentPools.map { workspace.talentPool($0)?.name ?? $0.rawValue }.joined(separator: ", "), theme[.card]))
        }
        let tasks = workspace.tasks.records(of: id)
        if !tasks.isEmpty {
            lines.append(PageLine("", .plain))
            lines.append(PageLine.heading("Tasks (Space: done or open again, Enter: change)", theme[.columnTitle]))
            for task in tasks { lines.append(taskLine(task, state, showingCandidate: false)) }
        }
        let evaluations = workspace.evaluationRequests.records(of: id)
        lines.append(PageLine("", .plain))
        lines.append(PageLine.heading("Evaluations (v: evaluate)", theme[.columnTitle]))
        if evaluations.isEmpty { lines.append(PageLine.placeholder("None yet.", theme[.muted])) }
        for request in evaluations {
            let mark = request.automatic ? bolt + " " : ""
            let job = workspace.job(request.job)?.title ?? ""
            if let rating = request.rating {
                let when = request.submittedAt.map(workspace.moment) ?? ""
                lines.append(PageLine("\(mark)\(name(request.member) ?? "") for \(job), \(when): \(rating.description)", theme[.card], item: .evaluation(request.id)))
                for line in (request.comment ?? "").split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
                    lines.append(
                        PageLine("    \(state.symbols.vertical) " + line, theme[.muted], item: .evaluation(request.id), hang: "\(state.symbols.vertical) "))
                }
            } else {
                let waiting = request.status == .requested ? "asked \(workspace.day(request.requestedAt)), waiting" : request.status.rawValue
                lines.append(PageLine("\(mark)\(name(request.member) ?? "") for \(job): \(waiting)", theme[.card], item: .evaluation(request.id)))
            }
        }
        let timed = workspace.waitingTimedRuns(of: id)
        if !timed.isEmpty {
            lines.append(PageLine("", .plain))
            lines.append(PageLine.heading("Waiting for their time in the stage (s lists them to run now or cancel)", theme[.columnTitle]))
            for run in timed {
                let stage = workspace.job(run.job)?.stage(run.stage)?.name ?? run.stage.rawValue
                for step in run.steps {
                    let line = "\(workspace.moment(run.startsAt)) \(state.symbols.timer) \(workspace.summary(of: step.action, in: run)) — if still in \(stage)"
                    lines.append(PageLine(line, theme[.card]))
                }
            }
        }
        lines.append(PageLine("", .plain))
        lines.append(PageLine.heading("Timeline, newest first (\(bolt) = automatic)", theme[.columnTitle]))
        let timeline: [Activity]
        do {
            timeline = try candidate.readTimeline()
        } catch {
            timeline = []
            lines.append(PageLine((error as? any UserFacingError)?.sentence ?? "\(error)", theme[.statusError]))
        }
        for entry in timeline.reversed() {
            // As wide as ⚡, which most terminals draw two columns wide: every entry's text starts in one column.
            let mark = entry.automatic ? bolt : String(repeating: " ", count: DisplayWidth.of(bolt))
            let author = name(entry.author).map { " — \($0)" } ?? ""
            let status = workspace.statusWords(of: entry).map { " [\($0)]" } ?? ""
            let stamp = "\(workspace.moment(entry.at)) \(mark) "
            // Rows that continue an entry start under its text, not under its time.
            let hang = String(repeating: " ", count: DisplayWidth.of(stamp))
            let style = entry.automatic ? theme[.automatic] : theme[.card]
            let parts = entry.text.split(separator: "\n", omittingEmptySubsequences: false)
            lines.append(PageLine(stamp + parts[0] + (parts.count == 1 ? status + author : ""), style, hang: hang))
            for (index, part) in parts.enumerated().dropFirst() {
                // Its indent is the hang already: wrapping keeps an indent on the rows it adds.
                lines.append(PageLine(hang + part + (index == parts.count - 1 ? status + author : ""), style))
            }
        }
        let emails = workspace.emails.records(of: id)
        if !emails.isEmpty {
            lines.append(PageLine("", .plain))
            lines.append(PageLine.heading("Emails, exactly as sent or to be sent", theme[.columnTitle]))
            for email in emails {
                let when =
                    switch email.status {
                    case .sent: "sent \(email.sentAt.map(workspace.moment) ?? "")"
                    case .scheduled: "due \(workspace.moment(email.dueAt))"
                    case .failed, .unknown: "\(email.status.rawValue.uppercased()) — \(email.failure ?? "") (r retries)"
                    default: email.status.rawValue
                    }
                lines.append(PageLine("\(email.subject) — \(when)", theme[.card]))
                lines.append(PageLine("  From \(email.fromName) <\(email.fromAddress)> to <\(email.toAddress)>", theme[.muted]))
                for line in email.body.split(separator: "\n", omittingEmptySubsequences: false) {
                    // The hang comes after the line's indent: rows that continue a body line keep its "│" in place.
                    lines.append(PageLine("  \(state.symbols.vertical) " + line, theme[.muted], hang: "\(state.symbols.vertical) "))
                }
            }
        }
        return lines
    }
}
