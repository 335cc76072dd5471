import Foundation

public struct DisqualifyOutcome: Sendable, Equatable {
    public var cancelled: [PendingWork]
    public var run: ActionRunID?
    /// What taking the disqualification back needs.
    public var undo: Undo
}

extension Workspace {
    /// Takes a candidate out of the running for a job and runs the reason's actions
    /// (typically a rejection email a couple of days later).
    @discardableResult
    public mutating func disqualify(
        _ id: CandidateID, from jobID: JobID, reason reasonID: ReasonID, by member: MemberID, now: Date,
        grace: TimeInterval = 0
    ) throws -> DisqualifyOutcome {
        let (_, job, placement) = try checkDisqualifying(id, from: jobID, by: member)
        guard let reason = reason(reasonID) else {
            throw StagehandError.notFound(kind: "disqualification reason", name: reasonID.rawValue)
        }
        let cancelled = cancelPendingWork(for: id, in: jobID, by: member, now: now)
        let activityID: ActivityID = makeID("act")
        candidates.modify(id) { candidate in
            guard let index = candidate.placementIndex(in: jobID) else { return }
            candidate.placements[index].disqualification = Disqualification(reason: reasonID, at: now, by: member)
            candidate.timeline.append(
                Activity(
                    id: activityID, at: now, kind: .disqualified, author: member, automatic: false,
                    text: "Disqualified from \(job.title): \(reason.name)", job: jobID))
        }
        var undo = Undo(change: .disqualification(at: now), job: jobID, previous: [id: placement], cancelled: cancelled)
        guard !reason.actions.isEmpty else { return DisqualifyOutcome(cancelled: cancelled, run: nil, undo: undo) }
        let run = startRun(
            for: id, job: jobID, stage: placement.stage, reason: reasonID, actions: reason.actions, trigger: .disqualify,
            mover: member, now: now, startsAt: now.addingTimeInterval(grace))
        undo.runs = [run]
        return DisqualifyOutcome(cancelled: cancelled, run: run, undo: undo)
    }

    /// Refuses what would stop `member` disqualifying the candidate from the job,
    /// whatever the reason: asked before a reason is picked.
    @discardableResult
    public func checkDisqualifying(_ id: CandidateID, from jobID: JobID, by member: MemberID) throws -> (Candidate, Job, Placement) {
        try require([.moveCandidates], of: member, toDo: "disqualify candidates")
        guard let candidate = candidates[id] else { throw StagehandError.notFound(kind: "candidate", name: id.rawValue) }
        guard let job = job(jobID) else { throw StagehandError.notFound(kind: "job", name: jobID.rawValue) }
        guard let placement = candidate.placement(in: jobID) else {
            throw StagehandError.candidateNotInJob(candidate: candidate.name, job: job.title)
        }
        if placement.disqualification != nil {
            throw StagehandError.alreadyDisqualified(candidate: candidate.name, job: job.title)
        }
        return (candidate, job, placement)
    }
}
