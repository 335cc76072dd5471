import StagehandCore

/// My work: a page with a cursor over my tasks, the evaluations asked of me, and news.
extension Board {
    static func myWorkCommand(_ command: MyWorkCommand, _ cursor: PageCursor, _ state: inout BoardState) -> [Effect] {
        let lines = myWorkLines(state)
        let item = lines.indices.contains(cursor.line) ? lines[cursor.line].item : nil
        switch command {
        case .cursor(let step):
            state.mode = .myWork(cursor.moved(by: step, over: lines, width: pageWidth(state), room: pageRoom(state)))
        case .toggleDone:
            guard case .task(let task)? = item else {
                state.status = StatusLine(kind: .info, text: "Move to a task first: Space marks it done or open")
                break
            }
            return toggleDone(task, &state)
        case .editTask:
            guard case .task(let task)? = item else {
                state.status = StatusLine(kind: .info, text: "Move to a task first: e changes its due day, assignee or title")
                break
            }
            openTaskForm(task, &state)
        case .evaluate:
            guard case .evaluation(let request)? = item else {
                state.status = StatusLine(kind: .info, text: "Move to an evaluation request first: v answers it")
                break
            }
            answer(request, &state)
        case .open:
            guard let item else {
                state.status = StatusLine(kind: .info, text: "Nothing to open on this line: move to a task, a request or news")
                break
            }
            openProfile(at: item, &state)
        case .closeLeftBehind:
            let work = state.me.map { state.workspace.work(of: $0).tasks } ?? []
            let left = work.filter { state.workspace.leftBehind($0) != nil }.map(\.id)
            guard !left.isEmpty else {
                state.status = StatusLine(kind: .info, text: "No task of yours waits on a candidate who moved on or was disqualified")
                break
            }
            guard allowed(.completeTasks(left), &state) else { break }
            let question = "Mark done the \(left.count) task\(left.count == 1 ? "" : "s") whose candidate moved on or was disqualified?"
            state.mode = .question(Confirmation(question: question, effect: .change(.completeTasks(left), grace: nil)), over: state.mode)
        case .close:
            state.mode = .board
        }
        return []
    }

    /// Enter on a line of My work: the candidate's profile, its cursor on that task or request.
    static func openProfile(at item: PageItem, _ state: inout BoardState) {
        let workspace = state.workspace
        let candidate: CandidateID?
        let job: JobID?
        switch item {
        case .task(let id): (candidate, job) = (workspace.tasks[id]?.candidate, workspace.tasks[id]?.job)
        case .evaluation(let id): (candidate, job) = (workspace.evaluationRequests[id]?.candidate, workspace.evaluationRequests[id]?.job)
        case .candidate(let id): (candidate, job) = (id, nil)
        }
        guard let candidate else { return }
        let back = state.mode
        // The board behind turns to the job the work is about, so keys that move or
        // disqualify from the profile act in that job.
        goToCard(of: candidate, preferring: job, &state)
        state.status = nil
        let lines = profileLines(candidate, state)
        let line = lines.firstIndex { $0.item == item } ?? 0
        state.mode = .profile(
            candidate, PageCursor(line: line).keptInView(lines: lines, width: pageWidth(state), room: pageRoom(state)), back: back)
    }
}
