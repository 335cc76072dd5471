import StagehandCore

extension Board {
    static func drawMyWork(scroll: Int, _ state: BoardState, on frame: inout Frame) {
        let title = state.me.flatMap { state.workspace.member($0) }.map { "My work — \($0.name)" } ?? "My work"
        drawPage(title, lines: myWorkLines(state), scroll: scroll, state: state, on: &frame)
    }

    /// My work's lines before wrapping: what it draws, and what its keys scroll through.
    static func myWorkLines(_ state: BoardState) -> [(String, Style)] {
        let workspace = state.workspace
        let theme = state.theme
        let bolt = state.symbols.bolt
        guard let me = state.me else { return [("You are not a member of this workspace.", theme[.muted])] }
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
        return lines
    }
}
