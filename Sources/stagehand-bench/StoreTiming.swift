import Foundation
import StagehandCore

/// `stagehand-bench store-timing [--candidates 10000] [--timeline 10] [--updates 50]`
///
/// Times the state file on a large workspace: writing a snapshot, loading it
/// (also with a journal about to be compacted), one durable single-candidate
/// update (the move that must stay under 30 ms), a poll that finds nothing new,
/// and a compaction. Prints medians.
enum StoreTiming {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            let options = try BenchOptions(arguments)
            try measure(
                candidates: try options.integer("--candidates", default: 10_000),
                timeline: try options.integer("--timeline", default: 10),
                updates: try options.integer("--updates", default: 50))
            return 0
        } catch {
            return report(error)
        }
    }

    private static func measure(candidates: Int, timeline: Int, updates: Int) throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("stagehand-store-timing-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.json")
        let workspace = SampleWorkspace.makeLarge(candidates: candidates, timelineEntriesPerCandidate: timeline, now: Date())
        let writer = StateFile(path: path, compactAfterBytes: .max)

        let create = try Timing.measure(3) { try writer.create(workspace, replacing: true) }
        let size = try FileManager.default.attributesOfItem(atPath: path.path)[.size] as? Int ?? 0
        let load = try Timing.measure(3) { _ = try StateFile(path: path).load() }

        var generator = SystemRandomNumberGenerator()
        let update = try Timing.measure(updates) {
            let id = workspace.candidates[Int.random(in: 0..<workspace.candidates.count, using: &generator)].id
            try writer.update { workspace in BenchMove.nextStage(id, in: &workspace) }
        }
        let reader = StateFile(path: path)
        _ = try reader.load()
        let poll = try Timing.measure(updates) { _ = try reader.refreshIfChanged() }
        // The slowest load: the journal just short of the default compaction size.
        let journal = path.path + ".journal"
        while (try FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int ?? 0) < 4 << 20 {
            try writer.update { workspace in
                let id = workspace.candidates[Int.random(in: 0..<workspace.candidates.count, using: &generator)].id
                BenchMove.nextStage(id, in: &workspace)
            }
        }
        let records = try StateFile(path: path).check().journalRecords
        let loadWithJournal = try Timing.measure(3) { _ = try StateFile(path: path).load() }
        let compact = try Timing.measure(3) {
            try writer.update { workspace in
                BenchMove.nextStage(workspace.candidates[0].id, in: &workspace)
            }
            try writer.compact()
        }

        print("state file: \(candidates) candidates × \(timeline) timeline entries, \(size / 1_000_000) MB snapshot")
        print("  create (write snapshot)   \(create)")
        print("  load                      \(load)")
        print("  update, one candidate     \(update)   (\(updates) runs)")
        print("  poll, nothing new         \(poll)")
        print("  load, 4 MB journal        \(loadWithJournal)   (\(records) records)")
        print("  compact (rewrite snapshot) \(compact)")
    }
}
