import Foundation

/// One thing a team member does to candidates — a move, an arrival, a
/// disqualification, an undo, something done to a run or an email — as a value,
/// so that the board and the command line make it through the same rules (as
/// `SetupChange` does for the setup). `Engine` carries it to the store.
public enum CandidateChange: Sendable, Equatable {
    /// The request's mover is the member making the change.
    case move(MoveRequest, choice: MoveChoice?)
    case add(NewCandidate, job: JobID, origin: CandidateOrigin)
    /// Rows of a CSV file into a job's first stage; imports never fire actions.
    case importCandidates(csv: String, file: String, job: JobID)
    case disqualify(CandidateID, job: JobID, reason: ReasonID)
    case undoMove(MoveUndo)
    case cancelRun(ActionRunID)
    case sendEmailsNow([EmailID])
    case cancelEmails([EmailID])
    case retryEmails([EmailID])
}

/// What a change did, and what it left due.
public struct CandidateChangeOutcome: Sendable, Equatable {
    /// What was done, in one sentence naming people and stages.
    public var sentence: String
    /// The plan a move committed: worked out under the lock, on the latest state.
    public var plan: MovePlan?
    public var moved: [CandidateID] = []
    public var added: [CandidateID] = []
    /// The runs the change started; with a grace period they wait for `Engine.advance`.
    public var runs: [ActionRunID] = []
    public var ranActions = false
    public var cancelled: [PendingWork] = []
    /// How to take a move back.
    public var undo: MoveUndo?
    /// Emails the change made due now: its runs' immediate emails, or those asked to go now.
    public var dueEmails: Set<EmailID> = []
    /// Why an email the change made due did not go out when this process sent it:
    /// the change itself is saved.
    public var mailProblem: String?
    /// How the due emails went, when this process sent them.
    public var delivery: DispatchReport?

    public init(sentence: String) {
        self.sentence = sentence
    }

    /// Takes in a later batch of the same bulk move.
    mutating func absorb(_ batch: CandidateChangeOutcome) {
        plan?.moves += batch.plan?.moves ?? []
        plan?.staying += batch.plan?.staying ?? []
        moved += batch.moved
        runs += batch.runs
        ranActions = ranActions || batch.ranActions
        cancelled += batch.cancelled
        if let more = batch.undo { undo?.previous.merge(more.previous) { first, _ in first } }
        dueEmails.formUnion(batch.dueEmails)
        mailProblem = mailProblem ?? batch.mailProblem
        delivery = delivery ?? batch.delivery
    }
}

extension Workspace {
    /// Refuses the change as `apply` would, without changing anything: what the
    /// board asks before it opens a dialog or a picker.
    public func check(_ change: CandidateChange, by member: MemberID) throws {
        switch change {
        case .move(var request, _):
            request.mover = member
            _ = try planMove(request)
        case .add(let person, let job, _):
            _ = try checkArrival(person, to: job, by: member)
        case .importCandidates(let csv, let file, let job):
            // Imported on a copy that is thrown away: the time stamped on it does not matter.
            var trial = self
            _ = try trial.importCandidates(csv: csv, file: file, to: job, by: member, now: .distantPast)
        case .disqualify(let candidate, let job, let reasonID):
            try checkDisqualifying(candidate, from: job, by: member)
            guard reason(reasonID) != nil else { throw StagehandError.notFound(kind: "disqualification reason", name: reasonID.rawValue) }
        case .undoMove:
            try require([.moveCandidates], of: member, toDo: "move candidates")
        case .cancelRun(let id):
            guard actionRuns[id] != nil else { throw StagehandError.notFound(kind: "action run", name: id.rawValue) }
        case .sendEmailsNow(let ids):
            for id in ids { try checkWaiting(id, by: member, toDo: "send scheduled emails") }
        case .cancelEmails(let ids):
            for id in ids { try checkWaiting(id, by: member, toDo: "cancel scheduled emails") }
        case .retryEmails(let ids):
            for id in ids { try checkRetry(id, by: member) }
        }
    }

    /// Makes the change for `member`.
    /// - Parameter grace: nil, and the runs the change starts take their immediate
    ///   steps here, in the same change, with `dueEmails` listing the emails they made
    ///   due; a number of seconds, and they wait that long (the board's Cancel window)
    ///   and then for someone to advance them step by step.
    public mutating func apply(
        _ change: CandidateChange, by member: MemberID, now: Date, grace: TimeInterval? = nil
    ) throws -> CandidateChangeOutcome {
        let wait = grace ?? 0
        var outcome: CandidateChangeOutcome
        switch change {
        case .move(var request, let choice):
            request.mover = member
            let plan = try planMove(request)
            let moved = try move(request, choice: choice, grace: wait, now: now)
            outcome = CandidateChangeOutcome(sentence: sentence(moving: moved.moved, ranActions: moved.ranActions, plan: plan))
            outcome.plan = plan
            outcome.moved = moved.moved
            outcome.runs = moved.runs
            outcome.ranActions = moved.ranActions
            outcome.cancelled = moved.cancelled
            outcome.undo = moved.undo
        case .add(let person, let jobID, let origin):
            let arrival = try addCandidate(person, to: jobID, origin: origin, by: member, now: now, grace: wait)
            let name = candidates[arrival.candidate]?.name ?? person.name
            let job = job(jobID)
            outcome = CandidateChangeOutcome(sentence: "Added \(name) to \(job?.title ?? "") (\(job?.firstStage?.name ?? ""))")
            outcome.added = [arrival.candidate]
            outcome.runs = arrival.run.map { [$0] } ?? []
            outcome.ranActions = arrival.run != nil
        case .importCandidates(let csv, let file, let jobID):
            let arrivals = try importCandidates(csv: csv, file: file, to: jobID, by: member, now: now)
            let job = job(jobID)
            let count = arrivals.count
            outcome = CandidateChangeOutcome(
                sentence: "Imported \(count) candidate\(count == 1 ? "" : "s") into \(job?.title ?? "") (\(job?.firstStage?.name ?? "")); no actions ran")
            outcome.added = arrivals.map(\.candidate)
        case .disqualify(let id, let jobID, let reasonID):
            let result = try disqualify(id, from: jobID, reason: reasonID, by: member, now: now, grace: wait)
            let name = candidates[id]?.name ?? id.rawValue
            outcome = CandidateChangeOutcome(
                sentence: "Disqualified \(name) from \(job(jobID)?.title ?? ""): \(reason(reasonID)?.name ?? "")")
            outcome.runs = result.run.map { [$0] } ?? []
            outcome.ranActions = result.run != nil
            outcome.cancelled = result.cancelled
        case .undoMove(let undo):
            let restored = try undoMove(undo, by: member, now: now)
            outcome = CandidateChangeOutcome(sentence: sentence(undoing: undo, restored: restored))
            outcome.moved = restored
        case .cancelRun(let id):
            let cancelled = cancelRun(id, by: member, now: now)
            let name = actionRuns[id].flatMap { candidates[$0.candidate]?.name } ?? ""
            outcome = CandidateChangeOutcome(
                sentence: cancelled.isEmpty
                    ? "Nothing left to cancel for \(name)"
                    : "Cancelled \(cancelled.count) action\(cancelled.count == 1 ? "" : "s") for \(name)")
            outcome.cancelled = cancelled
        case .sendEmailsNow(let ids):
            for id in ids { try sendNow(id, by: member, now: now) }
            outcome = CandidateChangeOutcome(sentence: "Sending \(emailList(ids)) now")
            outcome.dueEmails = Set(ids)
        case .cancelEmails(let ids):
            for id in ids { try cancelScheduledEmail(id, by: member, now: now) }
            outcome = CandidateChangeOutcome(sentence: "Cancelled \(emailList(ids))")
        case .retryEmails(let ids):
            for id in ids { try retryEmail(id, by: member, now: now) }
            outcome = CandidateChangeOutcome(sentence: "Retrying \(emailList(ids))")
            outcome.dueEmails = Set(ids)
        }
        if grace == nil, !outcome.runs.isEmpty {
            advanceRuns(now: now, only: Set(outcome.runs))
            outcome.dueEmails.formUnion(emailsDue(from: outcome.runs, now: now))
        }
        return outcome
    }

    // MARK: Sentences

    func sentence(moving moved: [CandidateID], ranActions: Bool, plan: MovePlan) -> String {
        let who = moved.count == 1 ? candidates[moved[0]]?.name ?? moved[0].rawValue : "\(moved.count) candidates"
        var text = "Moved \(who) to \(job(plan.job)?.stage(plan.target)?.name ?? "")"
        if !ranActions && plan.needsChoice { text += " without actions" }
        let staying = plan.staying.count
        if staying > 0 {
            let allDisqualified = plan.staying.allSatisfy { if case .disqualified = $0.reason { true } else { false } }
            text += "; \(staying)\(allDisqualified ? " disqualified" : "") stay\(staying == 1 ? "s" : "") where they are"
        }
        return text
    }

    private func sentence(undoing undo: MoveUndo, restored: [CandidateID]) -> String {
        guard !restored.isEmpty else { return "Nothing to undo: moved again since" }
        if restored.count == 1, let id = restored.first, let name = candidates[id]?.name,
            let stage = undo.previous[id].flatMap({ job(undo.job)?.stage($0.stage)?.name })
        {
            return "Undone: \(name) is back in \(stage)"
        }
        return "Undone: \(restored.count) candidates back"
    }

    /// "'Welcome' to Ana Lindqvist", or "3 emails".
    func emailList(_ ids: [EmailID]) -> String {
        guard ids.count == 1, let email = emails[ids[0]] else { return "\(ids.count) emails" }
        return "'\(email.subject)' to \(candidates[email.candidate]?.name ?? email.toAddress)"
    }
}
