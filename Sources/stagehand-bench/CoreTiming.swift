import Foundation
import StagehandCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `stagehand-bench core [--candidates 10000] [--runs 20] [--store postgresql|URI]`
///
/// The budgets of the core: on 10,000 candidates (3 jobs × 8 stages, 10 timeline
/// entries each), load ≤ 150 ms, one durable move with 4 actions ≤ 30 ms, a bulk
/// move of 1,000 candidates with actions ≤ 500 ms, peak memory ≤ 80 MB; and save.
/// On a database (`--store`): a durable move ≤ 10 ms and a bulk move ≤ 1 s; a load
/// there opens a connection and reads every table.
enum CoreTiming {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            let options = try BenchOptions(arguments)
            let store = try BenchStore(options)
            defer { store.remove() }
            try measure(candidates: try options.integer("--candidates", default: 10_000), runs: try options.integer("--runs", default: 20), on: store)
            return 0
        } catch {
            return report(error)
        }
    }

    private static func measure(candidates: Int, runs: Int, on bench: BenchStore) throws {
        let generated = SampleWorkspace.makeLarge(candidates: candidates, now: Date())
        let store = try bench.location.open()
        try store.create(generated, replacing: false)
        let budgets = bench.budgets
        let size = snapshotSize(bench.location)

        let load = try Timing.measure(5) { _ = try bench.location.open().load() }
        // On the workspace the budget describes, before the moves below grow it.
        let memory = try peakMemoryOfAMove(store: bench.argument)
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
        // Only a state file has a snapshot to rewrite.
        let save = try (store as? StateFile).map { file in try Timing.measure(3) { try file.compact() } }
        let grownSize = snapshotSize(bench.location)
        let grownMemory = try peakMemoryOfAMove(store: bench.argument)

        print("core: \(candidates) candidates, 3 jobs × 8 stages, 10 timeline entries each; \(bench.kind)\(size)")
        print("  load                         \(load)   \(load.verdict(budget: budgets.load))")
        print("  one durable move, 4 actions  \(single)   \(single.verdict(budget: budgets.durableMove))")
        print("  bulk move of \(bulkSizes.min() ?? 0) with actions  \(bulk)   \(bulk.verdict(budget: budgets.bulkMove))")
        if let save { print("  save (rewrite the snapshot)  \(save)") }
        print(String(format: "  peak memory, load + one move %9.1f MB   %@", memory, Timing.verdict(memory, budget: budgets.peakMemory, unit: "MB")))
        print(String(format: "    the same after the moves above%@ %9.1f MB", grownSize, grownMemory))
    }

    /// The state file's size as the figures give it; nothing for a database.
    private static func snapshotSize(_ location: StoreLocation) -> String {
        guard case .file(let path) = location else { return "" }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path.path)[.size] as? Int) ?? 0
        return " (\(bytes / 1_000_000) MB snapshot)"
    }

    /// Peak resident memory of a fresh process that loads the state and makes one
    /// move, as that process reads it itself. Not `getrusage(RUSAGE_CHILDREN)`: on
    /// Linux a child started by posix_spawn shares this process's address space
    /// until it execs, and the kernel counts that space's high-water mark — this
    /// process's, hundreds of MB after generating and saving the workspace — as
    /// the child's.
    private static func peakMemoryOfAMove(store: String) throws -> Double {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["core-memory", "--state", store]
        process.standardOutput = output
        try process.run()
        let reported = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let kilobytes = Double(reported.trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw BenchUsageError(description: "core-memory failed: \(reported)") }
        return kilobytes / 1024
    }

    /// `stagehand-bench core-memory --state PATH|URI`: the child whose peak memory
    /// `core` reports; it prints its peak in kilobytes.
    static func loadAndMove(_ arguments: [String]) -> Int32 {
        do {
            let store = try BenchStore.open(try BenchOptions(arguments).string("--state"))
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
