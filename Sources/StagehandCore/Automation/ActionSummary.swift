extension Workspace {
    /// One readable line per action, the same in the board, the CLI and the timeline:
    /// "Email 'Interview invitation' from Ben Ortiz, 1 hour after entry".
    /// - Parameter forDisqualification: the action belongs to a disqualification reason,
    ///   whose delays count from the disqualification rather than a stage entry.
    /// An action of a run, whose delays count from what started it: a move, or a
    /// disqualification with a reason.
    /// Its placeholders are filled for the run's candidate, as the note or task it
    /// makes will read.
    public func summary(of action: AutomaticAction, in run: ActionRun) -> String {
        let filled = filling(action, for: run.candidate, job: run.job, stage: run.stage, mover: run.mover)
        return summary(of: filled, forDisqualification: run.reason != nil, waiting: run.trigger == .timeInStage)
    }

    /// An action a move would run for one candidate, its placeholders filled as the
    /// note or task it makes will read: what a move's question shows before it runs.
    public func summary(
        of action: AutomaticAction, for candidate: CandidateID, movingTo stage: StageID, in job: JobID, by mover: MemberID?,
        waiting: Bool = false
    ) -> String {
        summary(of: filling(action, for: candidate, job: job, stage: stage, mover: mover), waiting: waiting)
    }

    private func filling(_ action: AutomaticAction, for id: CandidateID, job: JobID, stage: StageID, mover: MemberID?) -> AutomaticAction {
        guard let candidate = candidates[id] else { return action }
        let sender = mover.flatMap { member($0) }?.name ?? setup.companyName
        let context = emailContext(candidate: candidate, job: job, stage: stage, senderName: sender)
        func fill(_ text: String) -> String { (try? EmailRendering.render(text, with: context)) ?? text }
        switch action {
        case .addNote(var note):
            note.text = fill(note.text)
            return .addNote(note)
        case .addTask(var task):
            task.title = fill(task.title)
            return .addTask(task)
        default: return action
        }
    }

    /// "After 5 business days in the stage: Tag stale" for one that waits.
    public func summary(of item: StageAction, forDisqualification: Bool = false) -> String {
        let what = summary(of: item.action, forDisqualification: forDisqualification, waiting: item.after != nil)
        return item.after.map { "After \($0.spelledOut) in the stage: \(what)" } ?? what
    }

    /// - Parameter waiting: the action waits for a time in the stage, so an email goes when that time comes.
    public func summary(of action: AutomaticAction, forDisqualification: Bool = false, waiting: Bool = false) -> String {
        switch action {
        case .sendEmail(let email):
            let name = template(email.template)?.name ?? email.template.rawValue
            let from =
                switch email.sender {
                case .mover: "the mover"
                case .member(let id): member(id)?.name ?? id.rawValue
                }
            let event = forDisqualification ? "disqualification" : "entry"
            if waiting, email.delay == nil { return "Email '\(name)' from \(from)" }
            let when = email.delay.map { "\($0.spelledOut) after \(event)" } ?? "at once"
            return "Email '\(name)' from \(from), \(when)"
        case .addNote(let note):
            return "Note '\(note.text)'"
        case .addTask(let task):
            let who = member(task.assignee)?.name ?? task.assignee.rawValue
            let due =
                switch task.due {
                case .after(let duration): "due \(duration.spelledOut) after \(waiting ? "it runs" : "the move")"
                case .on: "due \(task.due.description)"
                }
            return "Task '\(task.title)' for \(who), \(due)"
        case .addTags(let tags):
            return "Tag\(tags.tags.count == 1 ? "" : "s") \(tags.tags.joined(separator: ", "))"
        case .requestEvaluation(let request):
            return "Request evaluation from \(names(request.members))"
        case .addFollowers(let followers):
            return "Add followers \(names(followers.members))"
        case .assign(let assign):
            if let jobID = assign.job { return "Assign to job \(job(jobID)?.title ?? jobID.rawValue)" }
            let pool = assign.talentPool.map { talentPool($0)?.name ?? $0.rawValue } ?? "?"
            return "Add to talent pool \(pool)"
        }
    }

    private func names(_ members: [MemberID]) -> String {
        members.map { member($0)?.name ?? $0.rawValue }.joined(separator: ", ")
    }
}
