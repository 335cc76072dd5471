import Foundation
import StagehandCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `stagehand-bench core [--candidates 10000] [--runs 20]`
///
/// The budgets of the core: on 10,000 candidates (3 jobs × 8 stages, 10 timeline
/// entries each), load ≤ 150 ms, one durable move with 4 actions ≤ 30 ms, a bulk
/// move of 1,000 candidates with actions ≤ 500 ms, peak memory ≤ 80 MB; and save.
enum CoreTiming {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            let options = try BenchOptions(arguments)
            try measure(candidates: try options.integer("--candidates", default: 10_000), runs: try options.integer("--runs", default: 20))
            return 0
        } catch {
            return report(error)
        }
    }

    private static func measure(candidates: Int, runs: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stagehand-core-timing-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.json")
        let generated = SampleWorkspace.makeLarge(candidates: candidates, now: Date())
        let store = StateFile(path: path)
        try store.create(generated, replacing: true)
        let size = (try FileManager.default.attributesOfItem(atPath: path.path)[.size] as? Int) ?? 0

        let load = try Timing.measure(5) { _ = try StateFile(path: path).load() }
        // On the workspace the budget describes, before the moves below grow it.
        let memory = try peakMemoryOfAMove(statePath: path)
        _ = try store.load()

        let job = store.workspace.setup.jobs[0]
        let fourActions = try require(job.pipeline.first { $0.actions.count == 4 }, "a stage with four actions")
        let before = try require(job.stageIndex(fourActions.id).flatMap { $0 > 0 ? job.pipeline[$0 - 1] : nil }, "a stage before it")
        var movers = store.workspace.candidates(in: job.id, stage: before.id).map(\.id)
        let single = try Timing.measure(runs) {
            guard let id = movers.popLast() else { return }
            try store.update { workspace in
                let request = MoveRequest(candidates: [id], job: job.id, target: fourActions.id, mover: BenchMove.mover)
                let outcome = try workspace.move(request, choice: .runActions, grace: 0, now: Date())
                workspace.advanceRuns(now: Date(), only: Set(outcome.runs))
            }
        }

        // Each timed bulk move goes to a different stage with actions, so each finds
        // a thousand candidates not yet there.
        var targets = job.pipeline.filter { $0.actions.count >= 2 && $0.id != fourActions.id }
        guard !targets.isEmpty else { throw BenchUsageError(description: "The generated workspace has no bulk target.") }
        var bulkSizes: [Int] = []
        let bulk = try Timing.measure(3) {
            let target = targets.removeFirst()
            targets.append(target)
            let group = store.workspace.candidates.filter {
                guard let placement = $0.placement(in: job.id) else { return false }
                return placement.stage != target.id && placement.disqualification == nil
            }.prefix(1000).map(\.id)
            bulkSizes.append(group.count)
            try store.update { workspace in
                let request = MoveRequest(candidates: Array(group), job: job.id, target: target.id, mover: BenchMove.mover)
                let outcome = try workspace.move(request, choice: .runActions, grace: 0, now: Date())
                workspace.advanceRuns(now: Date(), only: Set(outcome.runs))
            }
        }
        let save = try Timing.measure(3) { try store.compact() }
        let grownSize = (try FileManager.default.attributesOfItem(atPath: path.path)[.size] as? Int) ?? 0
        let grownMemory = try peakMemoryOfAMove(statePath: path)

        print("core: \(candidates) candidates, 3 jobs × 8 stages, 10 timeline entries each; snapshot \(size / 1_000_000) MB")
        print("  load                         \(load)   \(load.verdict(budget: 150))")
        print("  one durable move, 4 actions  \(single)   \(single.verdict(budget: 30))")
        print("  bulk move of \(bulkSizes.min() ?? 0) with actions  \(bulk)   \(bulk.verdict(budget: 500))")
        print("  save (rewrite the snapshot)  \(save)")
        print(String(format: "  peak memory, load + one move %9.1f MB   %@", memory, memory <= 80 ? "within 80 MB" : "OVER the 80 MB budget"))
        print(String(format: "    the same after the moves above (%d MB snapshot) %9.1f MB", grownSize / 1_000_000, grownMemory))
    }

    /// Peak resident memory of a fresh process that loads the state and makes one
    /// move, as that process reads it itself. Not `getrusage(RUSAGE_CHILDREN)`: on
    /// Linux a child started by posix_spawn shares this process's address space
    /// until it execs, and the kernel counts that space's high-water mark — this
    /// process's, hundreds of MB after generating and saving the workspace — as
    /// the child's.
    private static func peakMemoryOfAMove(statePath: URL) throws -> Double {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["core-memory", "--state", statePath.path]
        process.standardOutput = output
        try process.run()
        let reported = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let kilobytes = Double(reported.trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw BenchUsageError(description: "core-memory failed: \(reported)") }
        return kilobytes / 1024
    }

    /// `stagehand-bench core-memory --state PATH`: the child whose peak memory `core`
    /// reports; it prints its peak in kilobytes.
    static func loadAndMove(_ arguments: [String]) -> Int32 {
        do {
            let store = StateFile(path: URL(fileURLWithPath: try BenchOptions(arguments).string("--state")))
            let workspace = try store.load()
            let id = workspace.candidates[workspace.candidates.count / 2].id
            try store.update { BenchMove.nextStage(id, in: &$0, choice: .runActions) }
            print(peakKilobytes())
            return 0
        } catch {
            return report(error)
        }
    }

    /// This program's own peak resident memory.
    private static func peakKilobytes() -> Int {
        #if os(Linux)
            // VmHWM belongs to this program's address space only.
            let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        #else
            var usage = rusage()
            getrusage(RUSAGE_SELF, &usage)
            return Int(usage.ru_maxrss) / 1024
        #endif
    }

    private static func require<T>(_ value: T?, _ what: String) throws -> T {
        guard let value else { throw BenchUsageError(description: "The generated workspace has no \(what).") }
        return value
    }
}
