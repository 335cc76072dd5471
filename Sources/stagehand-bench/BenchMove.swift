import Foundation
import StagehandCore

/// Moves for timing, made through the engine exactly as the CLI and board make them.
enum BenchMove {
    static let mover: MemberID = "ana"

    /// Moves a candidate one stage on in their first job (back to the first stage from the last).
    static func nextStage(_ id: CandidateID, in workspace: inout Workspace, choice: MoveChoice = .withoutActions) {
        _ = try? nextStageOrRefusal(id, in: &workspace, choice: choice)
    }

    /// The same, saying what the engine refused; answers how many action runs the move made.
    @discardableResult
    static func nextStageOrRefusal(_ id: CandidateID, in workspace: inout Workspace, choice: MoveChoice) throws -> Int {
        guard let placement = workspace.candidates[id]?.placements.first, let job = workspace.job(placement.job),
            let index = job.stageIndex(placement.stage)
        else { return 0 }
        let target = job.pipeline[(index + 1) % job.pipeline.count].id
        let request = MoveRequest(candidates: [id], job: job.id, target: target, mover: mover)
        let now = Date()
        let outcome = try workspace.move(request, choice: choice, grace: 0, now: now)
        workspace.advanceRuns(now: now, only: Set(outcome.runs))
        return outcome.runs.count
    }
}
