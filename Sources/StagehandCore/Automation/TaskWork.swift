import Foundation

/// Finishing the tasks automations and people hand out: done, reopened, re-dated,
/// reassigned, renamed, and tasks added by hand.
extension Workspace {
    /// Marks tasks done, all or none.
    public mutating func completeTasks(_ ids: [TaskID], by member: MemberID, now: Date) throws {
        try mark(ids, done: true, by: member, now: now)
    }

    /// Opens done tasks again, all or none.
    public mutating func reopenTasks(_ ids: [TaskID], by member: MemberID, now: Date) throws {
        try mark(ids, done: false, by: member, now: now)
    }

    private mutating func mark(_ ids: [TaskID], done: Bool, by member: MemberID, now: Date) throws {
        for id in ids {
            let task = try checkTaskWork(id, by: member, toDo: done ? "complete other people's tasks" : "reopen other people's tasks")
            guard task.done != done else {
                throw StagehandError.invalidAction("The task '\(task.title)' is \(done ? "done" : "open") already.")
            }
        }
        for id in ids {
            tasks.modify(id) {
                $0.done = done
                $0.doneAt = done ? now : nil
                $0.doneBy = done ? member : nil
            }
            recordTaskWork(done ? .taskDone : .taskReopened, id, by: member, now: now) { "\(done ? "Done" : "Reopened"): '\($0.title)'" }
        }
    }

    /// Changes what a task says, whose it is, or when it is due; `nil` keeps a part as it is.
    /// A due duration counts from now ("3d": three days from now).
    public mutating func editTask(
        _ id: TaskID, title: String? = nil, assignee: MemberID? = nil, due: TaskDue? = nil, by member: MemberID, now: Date
    ) throws {
        let task = try checkTaskWork(id, by: member, toDo: "change other people's tasks")
        let newTitle = try title.map { try checkedTaskTitle($0) }
        if let assignee, self.member(assignee) == nil { throw StagehandError.notFound(kind: "team member", name: assignee.rawValue) }
        let newDue = due.map { $0.date(afterMoveAt: now, calendar: setup.settings.calendar) }
        var changes: [String] = []
        if let newTitle, newTitle != task.title { changes.append("renamed to '\(newTitle)'") }
        if let assignee, assignee != task.assignee { changes.append("now for \(self.member(assignee)?.name ?? assignee.rawValue)") }
        if let newDue, newDue != task.due { changes.append("due \(day(newDue))") }
        guard !changes.isEmpty else { return }
        tasks.modify(id) {
            if let newTitle { $0.title = newTitle }
            if let assignee { $0.assignee = assignee }
            if let newDue { $0.due = newDue }
        }
        // "now for Chloé Dubois" names the new assignee already.
        let reassigned = assignee.map { $0 != task.assignee } ?? false
        recordTaskWork(.taskChanged, id, by: member, now: now, namingAssignee: !reassigned) { _ in
            "Task '\(task.title)': " + changes.joined(separator: ", ")
        }
    }

    /// A task made by hand. Anyone on the team may give themselves one; giving one to
    /// someone else needs the permission for moving candidates.
    @discardableResult
    public mutating func addTask(
        to candidateID: CandidateID, job: JobID?, title: String, assignee: MemberID, due: TaskDue, by member: MemberID, now: Date
    ) throws -> TaskID {
        try requireMember(member)
        if assignee != member { try require([.moveCandidates], of: member, toDo: "give tasks to others") }
        guard let candidate = candidates[candidateID] else { throw StagehandError.notFound(kind: "candidate", name: candidateID.rawValue) }
        guard self.member(assignee) != nil else { throw StagehandError.notFound(kind: "team member", name: assignee.rawValue) }
        if let job, candidate.placement(in: job) == nil {
            throw StagehandError.candidateNotInJob(candidate: candidate.name, job: self.job(job)?.title ?? job.rawValue)
        }
        let title = try checkedTaskTitle(title)
        let id: TaskID = makeID("task")
        let dueDate = due.date(afterMoveAt: now, calendar: setup.settings.calendar)
        tasks.upsert(
            CandidateTask(id: id, title: title, assignee: assignee, due: dueDate, candidate: candidateID, job: job, automatic: false))
        let activityID: ActivityID = makeID("act")
        let text = "Task '\(title)' for \(self.member(assignee)?.name ?? assignee.rawValue), due \(day(dueDate))"
        candidates.modify(candidateID) {
            $0.timeline.append(Activity(id: activityID, at: now, kind: .task, author: member, automatic: false, text: text, job: job, task: id))
        }
        return id
    }

    /// Why a task an automatic action made may wait for nothing: its candidate has
    /// left the stage it was made for, or has been disqualified. Nil for a task that
    /// still stands, and for tasks made by hand.
    public func leftBehind(_ task: CandidateTask) -> String? {
        guard !task.done, task.automatic, let stage = task.stage, let job = task.job,
            let placement = candidates[task.candidate]?.placement(in: job)
        else { return nil }
        if placement.disqualification != nil { return "candidate disqualified" }
        if placement.stage != stage { return "candidate moved on" }
        return nil
    }

    /// The task, if `member` may work on it: its assignee may, and anyone who may move candidates.
    func checkTaskWork(_ id: TaskID, by member: MemberID, toDo doing: String) throws -> CandidateTask {
        try requireMember(member)
        guard let task = tasks[id] else { throw StagehandError.notFound(kind: "task", name: id.rawValue) }
        if task.assignee != member { try require([.moveCandidates], of: member, toDo: doing) }
        return task
    }

    func requireMember(_ member: MemberID) throws {
        guard self.member(member) != nil else { throw StagehandError.notAMember(login: member.rawValue) }
    }

    private func checkedTaskTitle(_ text: String) throws -> String {
        let title = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw StagehandError.invalidAction("A task needs a title.") }
        try TextLimit.check(title, "A task's title", limit: TextLimit.name)
        return title
    }

    /// A timeline entry, by hand, about one of the candidate's tasks.
    private mutating func recordTaskWork(
        _ kind: ActivityKind, _ id: TaskID, by member: MemberID, now: Date, namingAssignee: Bool = true, text: (CandidateTask) -> String
    ) {
        guard let task = tasks[id] else { return }
        let activityID: ActivityID = makeID("act")
        let line = text(task) + (namingAssignee ? " (\(self.member(task.assignee)?.name ?? task.assignee.rawValue))" : "")
        candidates.modify(task.candidate) {
            $0.timeline.append(Activity(id: activityID, at: now, kind: kind, author: member, automatic: false, text: line, job: task.job, task: id))
        }
    }
}
