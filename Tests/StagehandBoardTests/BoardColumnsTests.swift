import Foundation
import StagehandCore
import Testing
@testable import StagehandBoard

/// After a change the board follows only the candidates that changed; what it shows
/// must be exactly what sorting everyone again would show.
@Suite struct BoardColumnsTests {
    private func shown(_ state: BoardState) -> [[CandidateID]] {
        (state.job?.pipeline.indices ?? 0..<0).map { state.cards(inStage: $0).ids }
    }

    private func sortedAnew(_ state: BoardState) -> BoardState {
        var fresh = BoardState(workspace: state.workspace, me: state.me, now: state.now, width: state.width, height: state.height)
        fresh.jobIndex = state.jobIndex
        return fresh
    }

    @Test func movesDisqualificationsNewcomersAndRenamesShowAsIfSortedAnew() throws {
        let now = BoardFixture.now
        // Over two chunks of the candidates table (`ChunkedArray`), so most of it is shared after each change.
        var workspace = SampleWorkspace.makeLarge(candidates: 2_500, timelineEntriesPerCandidate: 1, now: now)
        let job = workspace.setup.jobs[0]
        // Many at one instant: the order among them is by name, then id.
        for position in workspace.candidates.indices.prefix(60) {
            let id = workspace.candidates[position].id
            workspace.candidates.modify(id) { candidate in
                if let index = candidate.placementIndex(in: job.id) { candidate.placements[index].enteredAt = now }
            }
        }
        var state = BoardState(workspace: workspace, me: "ana", now: now, width: 160, height: 45)
        var random = SystemRandomNumberGenerator()
        let inJob = workspace.candidates.filter { $0.placement(in: job.id) != nil }.map(\.id)
        for step in 0..<60 {
            let id = inJob[Int.random(in: 0..<inJob.count, using: &random)]
            switch step % 4 {
            case 0, 1:
                let target = job.pipeline[Int.random(in: 0..<job.pipeline.count, using: &random)].id
                let request = MoveRequest(candidates: [id], job: job.id, target: target, mover: "ana", letsSomeStay: true)
                _ = try? workspace.move(request, choice: .withoutActions, grace: 0, now: now.addingTimeInterval(Double(step)))
            case 2:
                workspace.candidates.modify(id) { $0.name = step % 8 == 2 ? "Aaron Renamed \(step)" : "Zoe Renamed \(step)" }
            default:
                let newcomer = Candidate(
                    id: CandidateID("new-\(step)"), name: "Newcomer \(step)", email: nil, source: "test",
                    placements: [Placement(job: job.id, stage: job.pipeline[step % job.pipeline.count].id, enteredAt: now)])
                workspace.candidates.upsert(newcomer)
            }
            workspace.candidates.forgetChanges()
            state.workspace = workspace
            #expect(shown(state) == shown(sortedAnew(state)), "after step \(step)")
        }
    }

    @Test func theFocusedCardIsFoundInItsNewRowAfterOthersMoveAboveIt() throws {
        var state = BoardFixture.state()
        let job = try #require(state.job)
        let column = state.cards(inStage: 0).ids
        try #require(column.count >= 3)
        state.focused = column[2]
        var workspace = state.workspace
        let request = MoveRequest(candidates: [column[0]], job: job.id, target: job.pipeline[1].id, mover: "ana")
        _ = try workspace.move(request, choice: .withoutActions, grace: 0, now: BoardFixture.now)
        state.workspace = workspace
        #expect(state.focusedCardIndex == 1)
    }
}
