import StagehandCore

/// The profile: a page with a cursor. Keys about the candidate work anywhere on it;
/// Enter and Space act on the task or evaluation the cursor is on.
extension Board {
    static func profileCommand(
        _ command: ProfileCommand, _ id: CandidateID, _ cursor: PageCursor, back: Mode, _ state: inout BoardState
    ) -> [Effect] {
        let lines = profileLines(id, state)
        let item = lines.indices.contains(cursor.line) ? lines[cursor.line].item : nil
        let job = state.job.flatMap { state.workspace.candidates[id]?.placement(in: $0.id) == nil ? nil : $0.id }
            ?? state.workspace.candidates[id]?.placements.first?.job
        switch command {
        case .cursor(let step):
            state.mode = .profile(id, cursor.moved(by: step, over: lines, width: pageWidth(state), room: pageRoom(state)), back: back)
        case .open:
            switch item {
            case .task(let task)?: openTaskForm(task, &state)
            case .evaluation(let request)?: answer(request, &state)
            default: state.status = StatusLine(kind: .info, text: "Nothing to open on this line: move to a task or an evaluation")
            }
        case .toggleDone:
            guard case .task(let task)? = item else {
                state.status = StatusLine(kind: .info, text: "Move to a task first: Space marks it done or open")
                break
            }
            return toggleDone(task, &state)
        case .evaluate:
            guard let job else { break }
            return evaluate(id, job: job, &state)
        case .note:
            guard allowed(.addNote(id, job: job, text: "-"), &state) else { break }
            openForm(CandidateForms.note(id, job: job, state: state), &state)
        case .tags:
            guard allowed(.tag(id, adding: ["-"], removing: []), &state) else { break }
            openForm(CandidateForms.tags(id, state: state), &state)
        case .follow:
            let following = state.me.map { state.workspace.candidates[id]?.followers.contains($0) == true } ?? false
            let change: CandidateChange = following ? .unfollow(id) : .follow(id)
            guard allowed(change, &state) else { break }
            return [.change(change, grace: nil)]
        case .edit:
            if case .task(let task)? = item { return openTaskForm(task, &state) }
            guard allowed(.editContact(id, name: nil, email: nil, doNotEmail: !(state.workspace.candidates[id]?.doNotEmail ?? false)), &state)
            else { break }
            openForm(CandidateForms.contact(id, state: state), &state)
        case .addTask:
            guard member(&state) != nil else { break }
            openForm(CandidateForms.newTask(id, job: job, state: state), &state)
        case .moveRight, .moveLeft:
            guard let job = state.job, let stage = state.workspace.candidates[id]?.placement(in: job.id)?.stage,
                let index = job.stageIndex(stage)
            else { break }
            let target = index + (command == .moveRight ? 1 : -1)
            guard job.pipeline.indices.contains(target) else {
                state.status = StatusLine(kind: .info, text: "No stage \(command == .moveRight ? "after" : "before") this one")
                break
            }
            return drop([id], on: target, from: state.mode, &state)
        case .disqualify:
            startDisqualifying(id, &state)
        case .undo:
            return undoLast(&state)
        case .retryEmails:
            let failed = state.workspace.emailsToRetry.filter { $0.candidate == id }.map(\.id)
            guard !failed.isEmpty else {
                state.status = StatusLine(kind: .info, text: "No failed email to retry for this candidate")
                break
            }
            guard allowed(.retryEmails(failed), &state) else { break }
            return [.change(.retryEmails(failed), grace: nil)]
        case .cancelRun:
            return cancelShownRun(&state)
        case .listRun:
            listShownRun(&state)
        case .close:
            state.mode = back
        }
        return []
    }

    /// Space on a task: done if it is open, open again if it is done.
    static func toggleDone(_ id: TaskID, _ state: inout BoardState) -> [Effect] {
        guard let task = state.workspace.tasks[id] else { return [] }
        let change: CandidateChange = task.done ? .reopenTasks([id]) : .completeTasks([id])
        guard allowed(change, &state) else { return [] }
        return [.change(change, grace: nil)]
    }

    @discardableResult
    static func openTaskForm(_ id: TaskID, _ state: inout BoardState) -> [Effect] {
        guard let task = state.workspace.tasks[id], allowed(.editTask(id, title: task.title + " ", assignee: nil, due: nil), &state) else {
            return []
        }
        openForm(CandidateForms.task(id, state: state), &state)
        return []
    }

    /// `v`: the evaluation form for the candidate in this job, if the core lets me evaluate.
    static func evaluate(_ candidate: CandidateID, job: JobID, _ state: inout BoardState) -> [Effect] {
        guard allowed(.evaluate(candidate, job: job, rating: .mixed, comment: ""), &state) else { return [] }
        openForm(CandidateForms.evaluation(candidate, job: job, state: state), &state)
        return []
    }

    /// Answers an evaluation request: its evaluator only, and while it waits.
    static func answer(_ id: EvaluationRequestID, _ state: inout BoardState) {
        guard let request = state.workspace.evaluationRequests[id] else { return }
        guard request.status == .requested else {
            state.status = StatusLine(kind: .info, text: "That evaluation is \(request.status.rawValue) already")
            return
        }
        guard request.member == state.me else {
            let name = state.workspace.member(request.member)?.name ?? request.member.rawValue
            state.status = StatusLine(kind: .info, text: "Only \(name) answers this request: v adds an evaluation of your own")
            return
        }
        _ = evaluate(request.candidate, job: request.job, &state)
    }
}
