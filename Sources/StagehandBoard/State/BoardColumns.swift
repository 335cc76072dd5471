import Foundation
import StagehandCore

/// The current job's cards by stage after the filter, in their order: worked out
/// once per change rather than on every frame, and after most changes only for the
/// candidates that changed, so that a move on a board of 100,000 candidates does
/// not sort them all again.
struct BoardColumns: Sendable {
    /// The job the columns belong to.
    private(set) var job: JobID?
    private(set) var ids: [StageID: [CandidateID]] = [:]
    /// Each shown card's row in its column, so finding the focused card is one look-up.
    private(set) var rows: [CandidateID: Int] = [:]
    /// Per stage with an expected time: its waiting (not disqualified) cards' entry
    /// times, oldest first, so the overdue count under its title is a few look-ups
    /// per frame however long the column is.
    private(set) var waitingSince: [StageID: [Date]] = [:]

    init() {}

    /// Columns already in order (a filter or an age order applied).
    init(_ job: Job, columns: [StageID: [CandidateID]], in workspace: Workspace) {
        self.job = job.id
        ids = columns
        for stage in job.pipeline { refresh(stage, in: workspace) }
    }

    /// Follows a change of the workspace for the candidates whose place in this job
    /// (or name, which orders cards that entered together) changed. False when it
    /// cannot, and the columns must be made anew: the pipeline changed, candidates
    /// were removed, or so many changed that sorting all of them is cheaper.
    mutating func follow(from old: Workspace, to new: Workspace) -> Bool {
        guard let jobID = job, let pipeline = new.job(jobID)?.pipeline, old.job(jobID)?.pipeline == pipeline,
            let changed = Self.positionsMoved(from: old, to: new), changed.count <= max(64, new.candidates.count / 16)
        else { return false }
        guard !changed.isEmpty else { return true }
        var leaving: [StageID: Set<CandidateID>] = [:]
        var arriving: [Candidate] = []
        for position in changed {
            let candidate = new.candidates[position]
            if position < old.candidates.count, let stage = old.candidates[position].placement(in: jobID)?.stage {
                leaving[stage, default: []].insert(candidate.id)
            }
            if candidate.placement(in: jobID) != nil { arriving.append(candidate) }
        }
        var touched = Set(leaving.keys)
        for (stage, gone) in leaving {
            ids[stage]?.removeAll { gone.contains($0) }
            for id in gone { rows[id] = nil }
        }
        for candidate in arriving {
            guard let stage = candidate.placement(in: jobID)?.stage else { continue }
            var column = ids[stage] ?? []
            // The first card that should come after this one, found by halving.
            var low = 0
            var high = column.count
            while low < high {
                let middle = (low + high) / 2
                if let other = new.candidates[column[middle]], Workspace.cardPrecedes(other, candidate, in: jobID) {
                    low = middle + 1
                } else {
                    high = middle
                }
            }
            column.insert(candidate.id, at: low)
            ids[stage] = column
            touched.insert(stage)
        }
        for stage in pipeline where touched.contains(stage.id) { refresh(stage, in: new) }
        return true
    }

    /// The positions of candidates whose placements or name (which orders cards that
    /// entered together) changed, and of those added; nil when positions no longer
    /// line up, as after a removal. Only the rows the two tables no longer share are
    /// compared.
    private static func positionsMoved(from old: Workspace, to new: Workspace) -> [Int]? {
        guard let ranges = new.candidates.positionsNotShared(with: old.candidates) else { return nil }
        var moved: [Int] = []
        for position in ranges.joined() {
            guard position < old.candidates.count else {
                moved.append(position)
                continue
            }
            let before = old.candidates[position]
            let after = new.candidates[position]
            guard before.id == after.id else { return nil }
            if before.placements != after.placements || before.name != after.name { moved.append(position) }
        }
        return moved
    }

    /// Rows and waiting entry times of one column, from its order.
    private mutating func refresh(_ stage: Stage, in workspace: Workspace) {
        let column = ids[stage.id] ?? []
        for (row, id) in column.enumerated() { rows[id] = row }
        guard let job, stage.expected != nil else {
            waitingSince[stage.id] = nil
            return
        }
        // The columns are in entry order, and by age puts the waiting first in that order: oldest first either way.
        waitingSince[stage.id] = column.compactMap { id in
            workspace.candidates[id]?.placement(in: job).flatMap { $0.disqualification == nil ? $0.enteredAt : nil }
        }
    }
}
