import Foundation

extension Workspace {
    /// Puts candidates back where a move found them. Actions of the undone move
    /// that have not run are cancelled; mail already sent stays sent. Candidates
    /// moved again since (by anyone) are left where they are.
    /// - Returns: the candidates put back.
    @discardableResult
    public mutating func undoMove(_ undo: MoveUndo, by member: MemberID, now: Date) throws -> [CandidateID] {
        try require([.moveCandidates], of: member, toDo: "move candidates")
        let (jobID, target) = (undo.job, undo.target)
        let job = self.job(jobID)
        var restored: [CandidateID] = []
        for (id, before) in undo.previous.sorted(by: { $0.key < $1.key }) {
            guard let placement = candidates[id]?.placement(in: jobID), placement.stage == target else { continue }
            cancelPendingWork(for: id, in: jobID, by: member, now: now)
            let activityID: ActivityID = makeID("act")
            candidates.modify(id) { candidate in
                guard let index = candidate.placementIndex(in: jobID) else { return }
                var back = before
                back.entry = candidate.placements[index].entry + 1
                back.disqualification = candidate.placements[index].disqualification
                candidate.placements[index] = back
                let from = job?.stage(target)?.name ?? target.rawValue
                let to = job?.stage(before.stage)?.name ?? before.stage.rawValue
                candidate.timeline.append(
                    Activity(
                        id: activityID, at: now, kind: .moved, author: member, automatic: false,
                        text: "Undid the move to \(from): back in \(to)", job: jobID))
            }
            restored.append(id)
        }
        return restored
    }
}
