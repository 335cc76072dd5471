import Foundation

/// What taking back a move, a disqualification or a reinstatement needs: where
/// each candidate was, the runs it started, and the pending work it cancelled.
public struct Undo: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        case move(to: StageID)
        case disqualification(at: Date)
        /// The disqualification to put back is the previous placement's.
        case reinstatement
    }

    public var change: Change
    public var job: JobID
    public var previous: [CandidateID: Placement]
    public var runs: [ActionRunID]
    public var cancelled: [PendingWork]

    public init(change: Change, job: JobID, previous: [CandidateID: Placement], runs: [ActionRunID] = [], cancelled: [PendingWork] = []) {
        self.change = change
        self.job = job
        self.previous = previous
        self.runs = runs
        self.cancelled = cancelled
    }
}

/// What an undo did.
public struct UndoOutcome: Sendable, Equatable {
    /// The candidates put back; those changed again since are left alone.
    public var restored: [CandidateID] = []
    /// What the undone runs had made and is gone again: "the task 'Hold the phone screen' for Ben Okafor".
    public var takenBack: [String] = []
    /// Delayed emails the change had cancelled that wait again.
    public var emailsBack: [EmailID] = []
    /// Timed actions the change had cancelled that wait again, in words.
    public var timedBack: [String] = []
    /// Those whose time passed meanwhile: they stay cancelled.
    public var emailsTooLate: [EmailID] = []
}

extension Workspace {
    /// Makes a move or a disqualification as if it never happened, for every
    /// candidate nobody has changed since: they are back where they were; what its
    /// runs still had pending is cancelled and what they made — open tasks,
    /// unanswered evaluation requests, tags, followers, a place in another job or
    /// pool — is taken away again, with a line on the timeline saying so; delayed
    /// emails it cancelled wait again if their time has not come. Mail already sent
    /// stays sent.
    @discardableResult
    public mutating func undo(_ undo: Undo, by member: MemberID, now: Date) throws -> UndoOutcome {
        let doing: String
        switch undo.change {
        case .move: doing = "move candidates"
        case .disqualification: doing = "reinstate candidates"
        case .reinstatement: doing = "disqualify candidates"
        }
        try require([.moveCandidates], of: member, toDo: doing)
        let job = self.job(undo.job)
        var outcome = UndoOutcome()
        for (id, before) in undo.previous.sorted(by: { $0.key < $1.key }) {
            guard let placement = candidates[id]?.placement(in: undo.job) else { continue }
            switch undo.change {
            case .move(let target): guard placement.stage == target else { continue }
            case .disqualification(let at): guard placement.disqualification?.at == at else { continue }
            case .reinstatement:
                guard placement.disqualification == nil, placement.stage == before.stage, placement.entry == before.entry,
                    before.disqualification != nil
                else { continue }
            }
            cancelPendingWork(for: id, in: undo.job, by: member, now: now)
            let takenBack = takeBack(undo.runs, from: id)
            let waitingAgain = undo.cancelled.compactMap { bringBackTimed($0, of: id, now: now) }
            let activityID: ActivityID = makeID("act")
            let back = job?.stage(before.stage)?.name ?? before.stage.rawValue
            var text: String
            switch undo.change {
            case .move(let target): text = "Undid the move to \(job?.stage(target)?.name ?? target.rawValue): back in \(back)"
            case .disqualification: text = "Undid the disqualification: back in the running for \(job?.title ?? "") (\(back))"
            case .reinstatement:
                let reason = before.disqualification.flatMap { self.reason($0.reason)?.name }.map { ": \($0)" } ?? ""
                text = "Undid the reinstatement: disqualified again from \(job?.title ?? "")\(reason)"
            }
            if !takenBack.isEmpty { text += "; taken back with it: " + takenBack.joined(separator: "; ") }
            let returned = bringBack(undo.cancelled, of: id, now: now)
            // The history already says the email was cancelled; it must also say it waits again.
            let emailsAgain = returned.back.compactMap { emails[$0] }.map { "the email '\($0.subject)'" }
            if !(waitingAgain + emailsAgain).isEmpty { text += "; waiting again: " + (waitingAgain + emailsAgain).joined(separator: "; ") }
            candidates.modify(id) { candidate in
                guard let index = candidate.placementIndex(in: undo.job) else { return }
                switch undo.change {
                case .move:
                    var restored = before
                    restored.entry = candidate.placements[index].entry + 1
                    restored.disqualification = candidate.placements[index].disqualification
                    candidate.placements[index] = restored
                case .disqualification:
                    candidate.placements[index].disqualification = nil
                case .reinstatement:
                    candidate.placements[index].disqualification = before.disqualification
                }
                candidate.timeline.append(
                    Activity(id: activityID, at: now, kind: .undone, author: member, automatic: false, text: text, job: undo.job))
            }
            outcome.restored.append(id)
            outcome.takenBack += takenBack
            outcome.timedBack += waitingAgain
            outcome.emailsBack += returned.back
            outcome.emailsTooLate += returned.late
        }
        return outcome
    }

    /// Takes away what these runs made for the candidate and is still as they left it.
    /// - Returns: what went, in words.
    private mutating func takeBack(_ runIDs: [ActionRunID], from candidateID: CandidateID) -> [String] {
        let runs = runIDs.compactMap { actionRuns[$0] }.filter { $0.candidate == candidateID }
        guard !runs.isEmpty else { return [] }
        let ids = Set(runs.map(\.id))
        var gone: [String] = []
        for task in tasks.records(of: candidateID) where !task.done && task.run.map(ids.contains) == true {
            tasks.remove(task.id)
            gone.append("the task '\(task.title)' for \(member(task.assignee)?.name ?? task.assignee.rawValue)")
        }
        for request in evaluationRequests.records(of: candidateID) where request.status == .requested && request.run.map(ids.contains) == true {
            evaluationRequests.remove(request.id)
            gone.append("the evaluation request to \(member(request.member)?.name ?? request.member.rawValue)")
        }
        for run in runs {
            for step in run.steps {
                guard let added = step.added, !added.isEmpty else { continue }
                switch step.action {
                case .addNote:
                    let notes = Set(added.map { ActivityID($0) })
                    guard let note = candidates[candidateID]?.timeline.first(where: { notes.contains($0.id) }) else { break }
                    candidates.modify(candidateID) { $0.timeline.removeAll { notes.contains($0.id) } }
                    gone.append("the note '\(note.text)'")
                case .addTags:
                    candidates.modify(candidateID) { $0.tags.removeAll(where: added.contains) }
                    gone.append("the tag\(added.count == 1 ? "" : "s") \(added.joined(separator: ", "))")
                case .addFollowers:
                    candidates.modify(candidateID) { $0.followers.removeAll { added.contains($0.rawValue) } }
                    gone += added.map { "\(member(MemberID($0))?.name ?? $0) following" }
                case .assign(let assign):
                    if let jobID = assign.job, added.contains(jobID.rawValue), let placement = candidates[candidateID]?.placement(in: jobID),
                        placement.entry == 1, placement.disqualification == nil, placement.stage == job(jobID)?.firstStage?.id
                    {
                        candidates.modify(candidateID) { $0.placements.removeAll { $0.job == jobID } }
                        gone.append("the place in \(job(jobID)?.title ?? jobID.rawValue)")
                    }
                    if let pool = assign.talentPool, added.contains(pool.rawValue) {
                        candidates.modify(candidateID) { $0.talentPools.removeAll { $0 == pool } }
                        gone.append("the talent pool \(talentPool(pool)?.name ?? pool.rawValue)")
                    }
                default:
                    break
                }
            }
        }
        return gone
    }

    /// Delayed emails of this candidate the undone change cancelled wait again, if
    /// their time has not come.
    private mutating func bringBack(_ cancelled: [PendingWork], of candidateID: CandidateID, now: Date) -> (back: [EmailID], late: [EmailID]) {
        var back: [EmailID] = []
        var late: [EmailID] = []
        for item in cancelled {
            guard let id = item.email, let email = emails[id], email.candidate == candidateID, email.status == .cancelled else { continue }
            guard email.dueAt > now else {
                late.append(id)
                continue
            }
            emails.modify(id) { $0.status = .scheduled }
            setTimelineStatus(of: id, candidate: candidateID, to: .scheduled)
            if let runID = item.run, let step = item.step {
                actionRuns.modify(runID) { run in
                    if run.steps.indices.contains(step) { run.steps[step].state = .scheduled(email.dueAt) }
                }
            }
            back.append(id)
        }
        return (back, late)
    }

    /// A timed action the undone change cancelled waits again, if its time has not come.
    /// - Returns: what waits again, in words.
    private mutating func bringBackTimed(_ item: PendingWork, of candidateID: CandidateID, now: Date) -> String? {
        guard item.email == nil, let runID = item.run, let step = item.step, let run = actionRuns[runID],
            run.trigger == .timeInStage, run.candidate == candidateID, run.startsAt > now,
            run.steps.indices.contains(step), run.steps[step].state == .cancelled
        else { return nil }
        actionRuns.modify(runID) { $0.steps[step].state = .pending }
        return "\(summary(of: run.steps[step].action, in: run)) (\(moment(run.startsAt)))"
    }
}
