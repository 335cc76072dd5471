import StagehandCore

extension Board {
    /// How many of my open tasks My work lists.
    static let shownTasks = 300

    static func drawMyWork(cursor: PageCursor, _ state: BoardState, on frame: inout Frame) {
        let title = state.me.flatMap { state.workspace.member($0) }.map { "My work — \($0.name)" } ?? "My work"
        drawPage(title, lines: myWorkLines(state), cursor: cursor, state: state, on: &frame)
    }

    /// My work's lines before wrapping: what it draws, and what its cursor moves over.
    static func myWorkLines(_ state: BoardState) -> [PageLine] {
        let workspace = state.workspace
        let theme = state.theme
        let bolt = state.symbols.bolt
        guard let me = state.me else { return [PageLine("You are not a member of this workspace.", theme[.muted])] }
        let work = workspace.work(of: me)
        let overdue = work.tasks.prefix { $0.isOverdue(at: state.now) }.count
        var lines = [PageLine.heading("My tasks (\(work.tasks.count) open\(overdue > 0 ? ", \(overdue) overdue" : ""))", theme[.columnTitle])]
        if work.tasks.isEmpty { lines.append(PageLine.placeholder("Nothing to do.", theme[.muted])) }
        // The soonest due are listed; a screen of thousands helps nobody, and costs every key.
        lines += work.tasks.prefix(shownTasks).map { taskLine($0, state, showingCandidate: true) }
        if work.tasks.count > shownTasks {
            lines.append(PageLine("… and \(work.tasks.count - shownTasks) more, due later: 'stagehand tasks --mine' lists them all", theme[.muted]))
        }
        lines.append(PageLine("", .plain))
        lines.append(PageLine.heading("Evaluations asked of me (v answers)", theme[.columnTitle]))
        if work.evaluations.isEmpty { lines.append(PageLine.placeholder("None waiting.", theme[.muted])) }
        for request in work.evaluations {
            let name = workspace.candidates[request.candidate]?.name ?? request.candidate.rawValue
            let job = workspace.job(request.job)?.title ?? ""
            lines.append(
                PageLine(
                    "\(request.automatic ? bolt : " ") \(name) for \(job), asked \(workspace.day(request.requestedAt))", theme[.card],
                    item: .evaluation(request.id)))
        }
        lines.append(PageLine("", .plain))
        lines.append(PageLine.heading("News about candidates I follow", theme[.columnTitle]))
        if work.news.isEmpty { lines.append(PageLine.placeholder("Nothing new.", theme[.muted])) }
        for news in work.news {
            let name = workspace.candidates[news.candidate]?.name ?? ""
            let entry = news.entry
            let author = entry.author.flatMap { workspace.member($0)?.name }.map { " — \($0)" } ?? ""
            lines.append(
                PageLine(
                    "\(entry.automatic ? bolt : " ") \(workspace.moment(entry.at))  \(name): \(Self.firstLine(entry.text))\(author)",
                    entry.automatic ? theme[.automatic] : theme[.card], item: .candidate(news.candidate)))
        }
        return lines
    }

    /// A note of several lines as one line of news.
    static func firstLine(_ text: String) -> String {
        guard let end = text.firstIndex(of: "\n") else { return text }
        return text[..<end] + " …"
    }
}
