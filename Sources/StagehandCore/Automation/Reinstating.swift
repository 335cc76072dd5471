import Foundation

extension Workspace {
    /// Takes a disqualification back: the candidate is back in the stage they were in,
    /// what the disqualification still had pending (a rejection email not sent yet)
    /// is cancelled, and no actions run. Needs the permission for moving candidates.
    /// - Returns: what was cancelled.
    @discardableResult
    public mutating func reinstate(_ id: CandidateID, in jobID: JobID, by member: MemberID, now: Date) throws -> [PendingWork] {
        try requireMember(member)
        try require([.moveCandidates], of: member, toDo: "reinstate candidates")
        guard let candidate = candidates[id] else { throw StagehandError.notFound(kind: "candidate", name: id.rawValue) }
        guard let job = job(jobID) else { throw StagehandError.notFound(kind: "job", name: jobID.rawValue) }
        guard let placement = candidate.placement(in: jobID) else {
            throw StagehandError.candidateNotInJob(candidate: candidate.name, job: job.title)
        }
        guard placement.disqualification != nil else {
            throw StagehandError.invalidAction("\(candidate.name) is not disqualified from \(job.title): nothing to reinstate.")
        }
        let cancelled = cancelPendingWork(for: id, in: jobID, by: member, now: now)
        let activityID: ActivityID = makeID("act")
        let stage = job.stage(placement.stage)?.name ?? placement.stage.rawValue
        candidates.modify(id) { candidate in
            guard let index = candidate.placementIndex(in: jobID) else { return }
            candidate.placements[index].disqualification = nil
            candidate.timeline.append(
                Activity(
                    id: activityID, at: now, kind: .reinstated, author: member, automatic: false,
                    text: "Reinstated in \(job.title) (\(stage)); no actions ran", job: jobID))
        }
        return cancelled
    }
}
