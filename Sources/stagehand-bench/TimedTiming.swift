import Foundation
import StagehandCore

/// `stagehand-bench timed [--candidates 10000]`
///
/// Issue 18's budget for actions on time in stage: on 10,000 candidates, each
/// with an action waiting for its time in their stage, a dispatcher's pass when
/// none is due ≤ 20 ms (the whole `dispatch` pass on the state file: lock, look,
/// nothing written). Also the pass that runs them all once due. Medians.
enum TimedTiming {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            let options = try BenchOptions(arguments)
            try measure(candidates: try options.integer("--candidates", default: 10_000))
            return 0
        } catch {
            return report(error)
        }
    }

    /// Mail that goes nowhere: the budget is about finding what is due, not sending it.
    private struct NoMail: MailTransport {
        func send(_ message: MailMessage) throws -> String { "250 dropped" }
        func checkWithoutSending() throws -> String { "nothing to check" }
    }

    private static func measure(candidates: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stagehand-timed-timing-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let now = Date()
        var workspace = SampleWorkspace.makeLarge(candidates: candidates, now: now)
        let mover: MemberID = "ana"
        // Every stage tags a candidate `stale` after 5 business days there; everyone moves one stage on.
        for job in workspace.setup.jobs {
            for stage in job.pipeline {
                try workspace.addAction(.addTags(.init(tags: ["stale"])), after: .init(5, .businessDays), to: .stage(.job(job.id), stage.id), by: mover)
            }
        }
        for job in workspace.setup.jobs {
            let columns = workspace.columns(of: job.id) { $0.placement(in: job.id)?.disqualification == nil }
            for (index, stage) in job.pipeline.enumerated().reversed() where index + 1 < job.pipeline.count {
                guard let ids = columns[stage.id], !ids.isEmpty else { continue }
                let request = MoveRequest(candidates: ids, job: job.id, target: job.pipeline[index + 1].id, mover: mover, letsSomeStay: true)
                try workspace.move(request, choice: .withoutActions, grace: 0, now: now)
                try workspace.move(MoveRequest(candidates: ids, job: job.id, target: stage.id, mover: mover, letsSomeStay: true), choice: .runActions, grace: 0, now: now)
            }
        }
        workspace.advanceRuns(now: now)
        workspace.forgetChanges()
        let waiting = workspace.waitingTimedRuns.count
        let store = StateFile(path: folder.appendingPathComponent("state.json"))
        try store.create(workspace, replacing: true)
        _ = try store.load()

        let idle = Dispatcher(store: store, transport: NoMail(), clock: .fixed(now.addingTimeInterval(3600)))
        // The sample's own delayed emails due within the hour go first, so that the passes measured find nothing due.
        _ = try idle.runDue()
        let nothingDue = try Timing.measure(30) { _ = try idle.runDue() }
        let inMemory = Timing.measure(30) {
            var copy = store.workspace
            _ = copy.advanceRuns(now: now.addingTimeInterval(3600))
        }
        let runs = store.workspace.actionRuns.count
        let due = Dispatcher(store: store, transport: NoMail(), clock: .fixed(now.addingTimeInterval(10 * 86_400)))
        let started = ContinuousClock.now
        let report = try due.runDue()
        let allDue = Timing.milliseconds(ContinuousClock.now - started)

        print("timed: \(candidates) candidates, \(waiting) actions waiting for their time, \(runs) action runs in all")
        print("  dispatch pass, none due (durable store)  \(nothingDue)   \(nothingDue.verdict(budget: 20))")
        print("  the same look in memory                  \(inMemory)")
        print(String(format: "  dispatch pass running all %d once due  %9.0f ms (once)", report.advancedRuns.count, allDue))
    }
}
