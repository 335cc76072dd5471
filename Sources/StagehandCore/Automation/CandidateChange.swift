import Foundation

/// One thing a team member does to candidates — a move, an arrival, a
/// disqualification, an undo, finishing a task, an evaluation, a note — as a
/// value, so that the board and the command line make it through the same rules
/// (as `SetupChange` does for the setup). `Engine` carries it to the store.
public enum CandidateChange: Sendable, Equatable {
    /// The request's mover is the member making the change.
    case move(MoveRequest, choice: MoveChoice?)
    case add(NewCandidate, job: JobID, origin: CandidateOrigin)
    /// Rows of a CSV file into a job's first stage; imports never fire actions.
    case importCandidates(csv: String, file: String, job: JobID)
    case disqualify(CandidateID, job: JobID, reason: ReasonID)
    case reinstate(CandidateID, job: JobID)
    /// Takes back a move or a disqualification.
    case undo(Undo)
    /// Cancels what has not finished of these runs: one card's, or a bulk move's.
    case cancelRuns([ActionRunID])
    case sendEmailsNow([EmailID])
    case cancelEmails([EmailID])
    case retryEmails([EmailID])
    /// Actions waiting for a time in the stage, run now or cancelled (the Scheduled view).
    case runTimedNow([ActionRunID])
    case cancelTimed([ActionRunID])
    case completeTasks([TaskID])
    case reopenTasks([TaskID])
    /// `nil` keeps that part of the task.
    case editTask(TaskID, title: String?, assignee: MemberID?, due: TaskDue?)
    case addTask(CandidateID, job: JobID?, title: String, assignee: MemberID, due: TaskDue)
    case evaluate(CandidateID, job: JobID, rating: EvaluationRating, comment: String)
    case addNote(CandidateID, job: JobID?, text: String)
    case tag(CandidateID, adding: [String], removing: [String])
    case follow(CandidateID)
    case unfollow(CandidateID)
    /// `nil` keeps that detail; an empty email removes the address.
    case editContact(CandidateID, name: String?, email: String?, doNotEmail: Bool?)
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
    /// The runs the change left waiting for a time in the stage.
    public var timedRuns: [ActionRunID] = []
    public var ranActions = false
    public var cancelled: [PendingWork] = []
    /// How to take a move or a disqualification back.
    public var undo: Undo?
    /// What an undo did.
    public var undone: UndoOutcome?
    /// Emails the change made due now: its runs' immediate emails, or those asked to go now.
    public var dueEmails: Set<EmailID> = []
    /// Why an email the change made due did not go out when this process sent it:
    /// the change itself is saved.
    public var mailProblem: String?
    /// How the due emails went, when this process sent them.
    public var delivery: DispatchReport?
    /// What the change made: a task's or an evaluation's id.
    public var made: String?

    public init(sentence: String) {
        self.sentence = sentence
    }

    /// Takes in a later batch of the same bulk move.
    mutating func absorb(_ batch: CandidateChangeOutcome) {
        plan?.moves += batch.plan?.moves ?? []
        plan?.staying += batch.plan?.staying ?? []
        moved += batch.moved
        runs += batch.runs
        timedRuns += batch.timedRuns
        ranActions = ranActions || batch.ranActions
        cancelled += batch.cancelled
        if let more = batch.undo {
            undo?.previous.merge(more.previous) { first, _ in first }
            undo?.runs += more.runs
            undo?.cancelled += more.cancelled
        }
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
        case .disqualify(let candidate, let job, let reasonID):
            try checkDisqualifying(candidate, from: job, by: member)
            guard reason(reasonID) != nil else { throw StagehandError.notFound(kind: "disqualification reason", name: reasonID.rawValue) }
        case .cancelRuns(let ids):
            for id in ids where actionRuns[id] == nil { throw StagehandError.notFound(kind: "action run", name: id.rawValue) }
        case .sendEmailsNow(let ids):
            for id in ids { try checkWaiting(id, by: member, toDo: "send scheduled emails") }
        case .cancelEmails(let ids):
            for id in ids { try checkWaiting(id, by: member, toDo: "cancel scheduled emails") }
        case .retryEmails(let ids):
            for id in ids { try checkRetry(id, by: member) }
        default:
            // Made on a copy that is thrown away, so the time stamped on it does not
            // matter: the rule is written once, in the change itself.
            var trial = self
            _ = try trial.apply(change, by: member, now: .distantPast)
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
            outcome.timedRuns = moved.timedRuns
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
            outcome.timedRuns = arrival.timedRuns
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
            outcome = CandidateChangeOutcome(
                sentence: "Disqualified \(name(of: id)) from \(job(jobID)?.title ?? ""): \(reason(reasonID)?.name ?? "")")
            outcome.runs = result.run.map { [$0] } ?? []
            outcome.ranActions = result.run != nil
            outcome.cancelled = result.cancelled
            outcome.undo = result.undo
        case .reinstate(let id, let jobID):
            outcome = CandidateChangeOutcome(sentence: "")
            let before = candidates[id]?.placement(in: jobID)
            outcome.cancelled = try reinstate(id, in: jobID, by: member, now: now)
            if let before {
                outcome.undo = Undo(change: .reinstatement, job: jobID, previous: [id: before], cancelled: outcome.cancelled)
            }
            let stage = candidates[id]?.placement(in: jobID).flatMap { job(jobID)?.stage($0.stage)?.name } ?? ""
            outcome.sentence = "Reinstated \(name(of: id)) in \(job(jobID)?.title ?? "") (\(stage)); no actions ran"
                + (outcome.cancelled.isEmpty ? "" : "; cancelled: " + outcome.cancelled.map(\.summary).joined(separator: "; "))
        case .undo(let undo):
            let undone = try self.undo(undo, by: member, now: now)
            outcome = CandidateChangeOutcome(sentence: sentence(undoing: undo, undone))
            outcome.moved = undone.restored
            outcome.undone = undone
        case .cancelRuns(let ids):
            let cancelled = ids.flatMap { cancelRun($0, by: member, now: now) }
            let people = ids.compactMap { actionRuns[$0]?.candidate }
            let whom = people.count == 1 ? name(of: people[0]) : counted(people.count, "candidate")
            outcome = CandidateChangeOutcome(
                sentence: cancelled.isEmpty
                    ? "Nothing left to cancel for \(whom)"
                    : "Cancelled \(counted(cancelled.count, "action")) for \(whom)")
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
        case .runTimedNow(let ids):
            let what = timedList(ids)
            for id in ids { try runTimedNow(id, by: member, now: now) }
            outcome = CandidateChangeOutcome(sentence: "Ran now: \(what)")
            // One that its guards stopped says so, and why, rather than that it ran.
            if ids.count == 1, let state = actionRuns[ids[0]]?.steps.first?.state {
                switch state {
                case .skipped(let why): outcome.sentence = "Skipped \(what): \(why)"
                case .failed(let why): outcome.sentence = "Failed \(what): \(why)"
                default: break
                }
            }
            outcome.runs = ids
            outcome.dueEmails = emailsDue(from: ids, now: now)
        case .cancelTimed(let ids):
            outcome = CandidateChangeOutcome(sentence: "Cancelled \(timedList(ids))")
            for id in ids { outcome.cancelled += try cancelTimed(id, by: member, now: now) }
        case .completeTasks(let ids):
            try completeTasks(ids, by: member, now: now)
            outcome = CandidateChangeOutcome(sentence: "Done: \(taskList(ids))")
        case .reopenTasks(let ids):
            try reopenTasks(ids, by: member, now: now)
            outcome = CandidateChangeOutcome(sentence: "Reopened \(taskList(ids))")
        case .editTask(let id, let title, let assignee, let due):
            try editTask(id, title: title, assignee: assignee, due: due, by: member, now: now)
            outcome = CandidateChangeOutcome(sentence: "Changed \(taskList([id]))")
        case .addTask(let candidate, let job, let title, let assignee, let due):
            let id = try addTask(to: candidate, job: job, title: title, assignee: assignee, due: due, by: member, now: now)
            outcome = CandidateChangeOutcome(sentence: "Added \(taskList([id]))")
            outcome.made = id.rawValue
        case .evaluate(let candidate, let jobID, let rating, let comment):
            let id = try evaluate(candidate, job: jobID, rating: rating, comment: comment, by: member, now: now)
            outcome = CandidateChangeOutcome(sentence: "Evaluated \(name(of: candidate)) for \(job(jobID)?.title ?? ""): \(rating.description)")
            outcome.made = id.rawValue
        case .addNote(let candidate, let job, let text):
            try addNote(candidate, text: text, job: job, by: member, now: now)
            outcome = CandidateChangeOutcome(sentence: "Noted on \(name(of: candidate))'s timeline")
        case .tag(let candidate, let adding, let removing):
            let (added, removed) = try tag(candidate, adding: adding, removing: removing, by: member, now: now)
            var parts: [String] = []
            if !added.isEmpty { parts.append("tagged \(added.joined(separator: ", "))") }
            if !removed.isEmpty { parts.append("untagged \(removed.joined(separator: ", "))") }
            outcome = CandidateChangeOutcome(
                sentence: parts.isEmpty ? "\(name(of: candidate)) has those tags already" : "\(name(of: candidate)): " + parts.joined(separator: "; "))
        case .follow(let candidate):
            let changed = try follow(candidate, by: member, now: now)
            outcome = CandidateChangeOutcome(sentence: changed ? "You follow \(name(of: candidate)) now" : "You follow \(name(of: candidate)) already")
        case .unfollow(let candidate):
            let changed = try unfollow(candidate, by: member, now: now)
            outcome = CandidateChangeOutcome(
                sentence: changed ? "You no longer follow \(name(of: candidate))" : "You were not following \(name(of: candidate))")
        case .editContact(let candidate, let name, let email, let doNotEmail):
            try editContact(candidate, name: name, email: email, doNotEmail: doNotEmail, by: member, now: now)
            outcome = CandidateChangeOutcome(sentence: "Saved \(self.name(of: candidate))'s details")
        }
        if grace == nil, !outcome.runs.isEmpty {
            advanceRuns(now: now, only: Set(outcome.runs))
            outcome.dueEmails.formUnion(emailsDue(from: outcome.runs, now: now))
        }
        return outcome
    }

    // MARK: Sentences

    /// A candidate as people call them; the id only when they are gone.
    public func name(of candidate: CandidateID) -> String { candidates[candidate]?.name ?? candidate.rawValue }

    func sentence(moving moved: [CandidateID], ranActions: Bool, plan: MovePlan) -> String {
        let who = moved.count == 1 ? name(of: moved[0]) : "\(moved.count) candidates"
        var text = "Moved \(who) to \(job(plan.job)?.stage(plan.target)?.name ?? "")"
        if !ranActions && plan.needsChoice { text += " without actions" }
        let staying = plan.staying.count
        if staying > 0 {
            let allDisqualified = plan.staying.allSatisfy { if case .disqualified = $0.reason { true } else { false } }
            text += "; \(staying)\(allDisqualified ? " disqualified" : "") stay\(staying == 1 ? "s" : "") where they are"
        }
        return text
    }

    /// Each thing once, in order, with how many of the candidates it went for: a bulk
    /// undo of four would otherwise name "Dev Patel following" four times over.
    private static func onceEach(_ things: [String]) -> [String] {
        var counts: [String: Int] = [:]
        for thing in things { counts[thing, default: 0] += 1 }
        var seen: Set<String> = []
        return things.filter { seen.insert($0).inserted }.map { counts[$0, default: 1] > 1 ? "\($0) (\(counts[$0, default: 1]) of them)" : $0 }
    }

    /// "Undone: Peter Schmidt is back in Applied; taken back: the task …; 1 email waits again".
    private func sentence(undoing undo: Undo, _ undone: UndoOutcome) -> String {
        guard !undone.restored.isEmpty else { return "Nothing to undo: changed again since" }
        var text: String
        if case .reinstatement = undo.change, undone.restored.count == 1, let id = undone.restored.first {
            let reason = undo.previous[id]?.disqualification.flatMap { self.reason($0.reason)?.name }.map { ": \($0)" } ?? ""
            text = "Undone: \(name(of: id)) is disqualified again from \(job(undo.job)?.title ?? "")\(reason)"
        } else if undone.restored.count == 1, let id = undone.restored.first,
            let stage = undo.previous[id].flatMap({ job(undo.job)?.stage($0.stage)?.name })
        {
            text = "Undone: \(name(of: id)) is back in \(stage)"
        } else {
            text = "Undone: \(undone.restored.count) candidates back"
        }
        if !undone.takenBack.isEmpty { text += "; taken back: " + Self.onceEach(undone.takenBack).joined(separator: "; ") }
        let back = undone.emailsBack.count
        if back > 0 { text += "; \(back) cancelled email\(back == 1 ? " waits" : "s wait") again" }
        if !undone.timedBack.isEmpty { text += "; waiting again: " + undone.timedBack.joined(separator: "; ") }
        let late = undone.emailsTooLate.compactMap { emails[$0] }
        if !late.isEmpty {
            text += "; too late for " + late.map { "'\($0.subject)' to \(name(of: $0.candidate))" }.joined(separator: ", ")
                + " (its time passed): cancelled still"
        }
        return text
    }

    /// "'Welcome' to Ana Lindqvist", or "3 emails".
    /// "Tag stale for Ana Lindqvist", or "3 timed actions".
    public func timedList(_ ids: [ActionRunID]) -> String {
        guard ids.count == 1, let run = actionRuns[ids[0]], let step = run.steps.first else { return counted(ids.count, "timed action") }
        return "\(summary(of: step.action, in: run)) for \(name(of: run.candidate))"
    }

    func emailList(_ ids: [EmailID]) -> String {
        guard ids.count == 1, let email = emails[ids[0]] else { return "\(ids.count) emails" }
        return "'\(email.subject)' to \(name(of: email.candidate))"
    }

    /// "the task 'Hold the phone screen' (Peter Schmidt)", or "3 tasks".
    private func taskList(_ ids: [TaskID]) -> String {
        guard ids.count == 1, let task = tasks[ids[0]] else { return "\(ids.count) tasks" }
        return "the task '\(task.title)' (\(name(of: task.candidate)))"
    }
}
