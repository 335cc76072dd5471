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

    /// The outcome of the change the messages answer, failing the test when they answer none.
    func outcome(of messages: [Msg], sourceLocation: SourceLocation = #_sourceLocation) throws -> CandidateChangeOutcome {
        let outcomes = messages.compactMap { message -> CandidateChangeOutcome? in
            if case .changed(_, let outcome) = message { return outcome }
            return nil
        }
        return try #require(outcomes.first, "expected a change, got \(messages)", sourceLocation: sourceLocation)
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
        let outcome = try outcome(of: runner.perform(.change(.move(request, choice: nil), grace: 0)))
        let run = try #require(outcome.runs.first)
        let undo = try #require(outcome.undo)
        _ = runner.perform(.advance([run]))
        #expect(runner.store.workspace.actionRuns[run]?.finishedCount == 1)
        _ = runner.perform(.advance([run]))
        #expect(runner.store.workspace.actionRuns[run]?.isFinished == true)
        #expect(outbox() == 1)
        _ = runner.perform(.change(.undo(undo), grace: nil))
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
        let run = try #require(try outcome(of: runner.perform(.change(.move(request, choice: nil), grace: 3))).runs.first)
        _ = runner.perform(.change(.cancelRuns([run]), grace: nil))
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
        let run = try #require(try outcome(of: runner.perform(.change(.move(request, choice: nil), grace: 3))).runs.first)
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
        let outcome = try outcome(of: runner.perform(.change(.move(request, choice: .withoutActions), grace: nil)) { progress.append($0) })
        #expect(outcome.moved.count == ids.count && outcome.runs.isEmpty)
        let counts = progress.compactMap { message -> Int? in
            if case .bulkProgressed(let done, ids.count) = message { return done }
            return nil
        }
        #expect(counts.count == progress.count, "only progress is reported on the way: \(progress)")
        #expect(counts == [ids.count], "one batch of \(Board.bulkBatch) at most, reported when done")
    }
}
