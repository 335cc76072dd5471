import Foundation
import StagehandBoard
import StagehandCore

/// `stagehand-bench work [--candidates 10000] [--tasks 20000]`
///
/// A recruiter's day on a large workspace: My work opening (update and render)
/// ≤ 30 ms; a task marked done, a note, a tag and an evaluation each durable (the
/// journal line fsynced, through the core's `Engine`) ≤ 5 ms; the finder answering
/// a keystroke (update and render) ≤ 10 ms. Medians.
enum WorkTiming {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            let options = try BenchOptions(arguments)
            try measure(candidates: try options.integer("--candidates", default: 10_000), tasks: try options.integer("--tasks", default: 20_000))
            return 0
        } catch {
            return report(error)
        }
    }

    private static func measure(candidates: Int, tasks: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stagehand-work-timing-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let now = Date()
        var workspace = SampleWorkspace.makeLarge(candidates: candidates, now: now)
        let people = Array(workspace.candidates.ids)
        let members: [MemberID] = ["ben", "ana", "chloe"]
        var random = SplitMix64(seed: 14)
        while workspace.tasks.count < tasks {
            let candidate = people[Int.random(in: 0..<people.count, using: &random)]
            let id: TaskID = workspace.makeID("task")
            let due = now.addingTimeInterval(Double(Int.random(in: -10...20, using: &random)) * 86_400)
            workspace.tasks.upsert(
                CandidateTask(
                    id: id, title: "Follow up", assignee: members[Int.random(in: 0..<members.count, using: &random)], due: due,
                    candidate: candidate, job: workspace.candidates[candidate]?.placements.first?.job, automatic: false))
        }
        workspace.forgetChanges()
        let store = StateFile(path: folder.appendingPathComponent("state.json"))
        try store.create(workspace, replacing: true)
        _ = try store.load()
        let engine = Engine(store: store, clock: .system, delivery: .wake {})

        var board = BoardState(workspace: store.workspace, me: "ben", now: now, width: 120, height: 35)
        let myWork = Timing.measure(50) {
            var opened = board
            _ = Board.update(&opened, .input(.key("i")))
            _ = Board.render(opened)
        }
        var finder = board
        _ = Board.update(&finder, .input(.key("f")))
        _ = Board.update(&finder, .input(.key("a")))
        var toggle = false
        let finding = Timing.measure(200) {
            toggle.toggle()
            _ = Board.update(&finder, .input(.key(toggle ? "n" : .backspace)))
            _ = Board.render(finder)
        }
        board = BoardState(workspace: store.workspace, me: "ben", now: now, width: 120, height: 35)

        let bens = store.workspace.tasks.filter { $0.assignee == "ben" && !$0.done }.map(\.id)
        var next = 0
        let done = try Timing.measure(200) {
            try engine.perform(.completeTasks([bens[next]]), by: "ben")
            next += 1
        }
        var who = 0
        let note = try Timing.measure(200) {
            try engine.perform(.addNote(people[who % people.count], job: nil, text: "Called; will call back Friday."), by: "ben")
            who += 1
        }
        let tag = try Timing.measure(200) {
            try engine.perform(.tag(people[who % people.count], adding: ["bench-\(who)"], removing: []), by: "ben")
            who += 1
        }
        let placed = people.compactMap { id in store.workspace.candidates[id]?.placements.first.map { (id, $0.job) } }
        let evaluation = try Timing.measure(200) {
            let (candidate, job) = placed[who % placed.count]
            try engine.perform(.evaluate(candidate, job: job, rating: .yes, comment: "Good."), by: "dev")
            who += 1
        }
        print("work: \(candidates) candidates, \(store.workspace.tasks.count) tasks, 120×35")
        print("  My work opens (update and render)   \(myWork)   \(myWork.verdict(budget: 30))")
        print("  a task marked done, durable        \(done)   \(done.verdict(budget: 5))")
        print("  a note, durable                    \(note)   \(note.verdict(budget: 5))")
        print("  a tag, durable                     \(tag)   \(tag.verdict(budget: 5))")
        print("  an evaluation, durable             \(evaluation)   \(evaluation.verdict(budget: 5))")
        print("  the finder, one keystroke          \(finding)   \(finding.verdict(budget: 10))")
    }
}
