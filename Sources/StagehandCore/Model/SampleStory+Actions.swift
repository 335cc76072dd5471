import Foundation

extension SampleStory {
    /// What one action did when the candidate entered `stage` at `moved`, with the
    /// guards the engine applies: permissions, missing address, do not email.
    mutating func fire(
        _ action: AutomaticAction, for candidate: inout Candidate, in job: Job, stage: Stage, stageEntry: Int,
        mover: MemberID, at moved: Date
    ) -> [PlannedEntry] {
        let at = moved.addingTimeInterval(grace)
        guard workspace.role(of: mover)?.allows(action.requiredPermission) == true else {
            return [
                PlannedEntry(
                    at: at, kind: .actionSkipped, author: mover, automatic: true,
                    text:
                        "\(Self.label(action.kind)) skipped: \(member(mover).name) lacks "
                        + Permission.named([action.requiredPermission]),
                    job: job.id)
            ]
        }
        switch action {
        case .sendEmail(let send):
            return [email(send, to: candidate, job: job, stage: stage, stageEntry: stageEntry, mover: mover, at: moved)]
        case .addNote(let note):
            let text = SampleWorkspace.render(
                note.text,
                SampleWorkspace.placeholders(candidate: candidate, job: job, stage: stage, sender: member(mover)))
            return [PlannedEntry(at: at, kind: .note, author: nil, automatic: true, text: text, job: job.id)]
        case .addTask(let add):
            let due = add.due.date(afterMoveAt: moved, calendar: calendar)
            let task = CandidateTask(
                id: "", title: add.title, assignee: add.assignee, due: due, done: due < now && random.chance(60),
                candidate: candidate.id, job: job.id, automatic: true, stage: stage.id)
            return [
                PlannedEntry(
                    at: at, kind: .task, author: mover, automatic: true,
                    text: "Task for \(member(add.assignee).name): \(add.title)", job: job.id, record: .task(task))
            ]
        case .addTags(let add):
            let added = candidate.addTags(add.tags)
            guard !added.isEmpty else { return [] }
            return [
                PlannedEntry(
                    at: at, kind: .tagged, author: mover, automatic: true,
                    text: "Tagged \(added.joined(separator: ", "))", job: job.id)
            ]
        case .requestEvaluation(let request):
            var entries: [PlannedEntry] = []
            for evaluator in request.members {
                let answered = now.timeIntervalSince(at) > 2 * 86400 && random.chance(50)
                // Not drawn from the random sequence: that would change every candidate after this one.
                let rating = EvaluationRating.allCases[2 + candidate.name.count % 3]
                let evaluation = EvaluationRequest(
                    id: "", member: evaluator, candidate: candidate.id, job: job.id,
                    status: answered ? .submitted : .requested, requestedAt: at, automatic: true,
                    rating: answered ? rating : nil, comment: answered ? Self.comments[rating] : nil,
                    submittedAt: answered ? at.addingTimeInterval(86400) : nil)
                entries.append(
                    PlannedEntry(
                        at: at, kind: .evaluationRequested, author: nil, automatic: true,
                        text: "Evaluation requested from \(member(evaluator).name)", job: job.id,
                        record: .evaluation(evaluation)))
            }
            return entries
        case .addFollowers(let add):
            return candidate.addFollowers(add.members).map { follower in
                PlannedEntry(
                    at: at, kind: .followed, author: mover, automatic: true,
                    text: "\(member(follower).name) was added as a follower", job: job.id)
            }
        case .assign(let assign):
            // The sample's pipelines assign to the talent pool only.
            guard let poolID = assign.talentPool, !candidate.talentPools.contains(poolID),
                let pool = workspace.talentPool(poolID)
            else { return [] }
            candidate.talentPools.append(poolID)
            return [
                PlannedEntry(
                    at: at, kind: .pooled, author: mover, automatic: true,
                    text: "Added to the talent pool \(pool.name)",
                    job: job.id)
            ]
        }
    }

    /// An email rendered and addressed at the move; sent already if its delay has passed.
    private func email(
        _ send: AutomaticAction.SendEmail, to candidate: Candidate, job: Job, stage: Stage, stageEntry: Int,
        mover: MemberID, at moved: Date
    ) -> PlannedEntry {
        let at = moved.addingTimeInterval(grace)
        let template = workspace.template(send.template)!
        let senderID: MemberID
        switch send.sender {
        case .mover: senderID = mover
        case .member(let id): senderID = id
        }
        guard let address = candidate.email, !candidate.doNotEmail else {
            let why = candidate.email == nil ? "no email address" : "marked do not email"
            return PlannedEntry(
                at: at, kind: .actionSkipped, author: senderID, automatic: true,
                text: "Email '\(template.name)' skipped: \(why)", job: job.id)
        }
        let sender = member(senderID)
        let values = SampleWorkspace.placeholders(candidate: candidate, job: job, stage: stage, sender: sender)
        let dueAt = send.delay?.after(moved, calendar: calendar) ?? at
        var email = OutgoingEmail(
            id: "", candidate: candidate.id, job: job.id, stage: stage.id, template: template.id, entry: stageEntry,
            sender: senderID, fromName: sender.name, fromAddress: sender.email, toName: candidate.name,
            toAddress: address, subject: SampleWorkspace.render(template.subject, values),
            body: SampleWorkspace.render(template.body, values), createdAt: at, dueAt: dueAt,
            status: dueAt <= now ? .sent : .scheduled)
        if email.status == .sent {
            email.sentAt = dueAt
            email.attempts = 1
        }
        return PlannedEntry(
            at: at, kind: .email, author: senderID, automatic: true, text: "Email '\(email.subject)' to \(address)",
            job: job.id, record: .email(email))
    }

    /// What the sample's evaluators wrote, by rating.
    static let comments: [EvaluationRating: String] = [
        .mixed: "Solid on the basics; unsure about owning a whole area yet.",
        .yes: "Clear thinker, asked good questions. Would like to work with them.",
        .strongYes: "Best conversation this round: hire.",
    ]

    private static func label(_ kind: AutomaticAction.Kind) -> String {
        switch kind {
        case .sendEmail: "Email"
        case .addNote: "Note"
        case .addTask: "Task"
        case .addTags: "Tags"
        case .requestEvaluation: "Evaluation request"
        case .addFollowers: "Followers"
        case .assign: "Assignment"
        }
    }
}
