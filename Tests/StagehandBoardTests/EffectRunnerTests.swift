import Foundation
import StagehandCore
import Testing
@testable import StagehandBoard

/// The board's effects carried out against a real state file and outbox.
@MainActor
@Suite struct EffectRunnerTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runner-\(UUID().uuidString)")

    func runner() throws -> EffectRunner {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = StateFile(path: folder.appendingPathComponent("state.json"))
        try store.create(BoardFixture.workspace(), replacing: false)
        _ = try store.load()
        let clock = Clock.fixed(BoardFixture.now)
        let dispatcher = Dispatcher(
            store: store, transport: OutboxTransport(folder: folder.appendingPathComponent("outbox")), clock: clock)
        return EffectRunner(store: store, dispatcher: dispatcher, clock: clock, me: "ana")
    }

    func outbox() -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("outbox").path)) ?? []).count
    }

    @Test func aMoveRunsStepByStepSendsItsEmailAndCanBeUndone() throws {
        let runner = try runner()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = BoardFixture.state()
        let job = try #require(state.job)
        let candidate = try #require(state.cards(inStage: 0).first { $0.email != nil && !$0.doNotEmail }?.id)
        let request = MoveRequest(candidates: [candidate], job: job.id, target: job.pipeline[1].id, mover: "ana")
        let messages = runner.perform(.move(request, nil, grace: 0))
        guard case .moved(let outcome, let undo) = messages.first else {
            Issue.record("expected a move, got \(messages)")
            return
        }
        let run = try #require(outcome.runs.first)
        _ = runner.perform(.advance([run]))
        #expect(runner.store.workspace.actionRuns[run]?.finishedCount == 1)
        _ = runner.perform(.advance([run]))
        #expect(runner.store.workspace.actionRuns[run]?.isFinished == true)
        #expect(outbox() == 1)
        _ = runner.perform(.undo(undo))
        #expect(runner.store.workspace.candidates[candidate]?.placement(in: job.id)?.stage == job.pipeline[0].id)
        #expect(outbox() == 1, "sent mail stays sent")
    }

    @Test func cancellingDuringTheGracePeriodLeavesNothingToRun() throws {
        let runner = try runner()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = BoardFixture.state()
        let job = try #require(state.job)
        let candidate = try #require(state.focused)
        let request = MoveRequest(candidates: [candidate], job: job.id, target: job.pipeline[1].id, mover: "ana")
        guard case .moved(let outcome, _) = runner.perform(.move(request, nil, grace: 3)).first,
            let run = outcome.runs.first
        else {
            Issue.record("expected a run")
            return
        }
        _ = runner.perform(.cancelRun(run))
        runner.finish([run])
        #expect(runner.store.workspace.actionRuns[run]?.steps.allSatisfy { $0.state == .cancelled } == true)
        #expect(outbox() == 0)
    }

    @Test func quittingFinishesTheImmediateActionsOfARunNotCancelled() throws {
        let runner = try runner()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = BoardFixture.state()
        let job = try #require(state.job)
        let candidate = try #require(state.cards(inStage: 0).first { $0.email != nil && !$0.doNotEmail }?.id)
        let request = MoveRequest(candidates: [candidate], job: job.id, target: job.pipeline[1].id, mover: "ana")
        guard case .moved(let outcome, _) = runner.perform(.move(request, nil, grace: 3)).first,
            let run = outcome.runs.first
        else {
            Issue.record("expected a run")
            return
        }
        runner.finish([run])
        #expect(runner.store.workspace.actionRuns[run]?.isFinished == true)
        #expect(outbox() == 1)
    }

    @Test func aBulkMoveReportsProgressAsItGoes() throws {
        let runner = try runner()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = BoardFixture.state()
        let job = try #require(state.job)
        let ids = state.cards(inStage: 0).filter { $0.placement(in: job.id)?.disqualification == nil }.map(\.id)
        let request = MoveRequest(candidates: ids, job: job.id, target: job.pipeline[1].id, mover: "ana")
        var progress: [Msg] = []
        let messages = runner.perform(.bulkMove(request, .withoutActions)) { progress.append($0) }
        guard case .moved(let outcome, _) = messages.first else {
            Issue.record("expected a bulk move, got \(messages)")
            return
        }
        #expect(outcome.moved.count == ids.count && outcome.runs.isEmpty)
        guard case .bulkProgressed(let done, let total) = progress.last else {
            Issue.record("no progress reported")
            return
        }
        #expect(done == ids.count && total == ids.count)
    }
}
