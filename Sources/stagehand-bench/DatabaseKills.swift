#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import StagehandCore

/// `stagehand-bench db-kill [--kills 20] [--writers 4] [--seed 1]`
///
/// Writers (`crash-writer`: moves with actions, notes) keep changing a workspace
/// in a throwaway PostgreSQL cluster while its server is killed with SIGKILL
/// `--kills` times, at a random moment each time, and started again. A writer
/// that meets the outage is refused with the store's sentence and tries again;
/// it writes each change acknowledged to its ledger file as it comes. After each
/// restart every change acknowledged so far must be in the database, once, with
/// no action run twice; at the end each writer must still run and have had a
/// change acknowledged after the last restart.
enum DatabaseKills {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            let options = try BenchOptions(arguments)
            let kills = try options.integer("--kills", default: 20)
            let writers = try options.integer("--writers", default: 4)
            let seed = try options.integer("--seed", default: 1)
            var random = SplitMix64(seed: UInt64(seed))
            let bench = try BenchStore("postgresql")
            defer { bench.remove() }
            guard let cluster = bench.cluster else { preconditionFailure("--store postgresql starts a cluster") }
            try bench.create(SampleWorkspace.make(now: Date(), currentLogin: "ana"))
            let soak = try Soak(bench: bench, before: try bench.location.open().load(), writers: writers, seed: seed)
            defer { soak.remove() }

            var outages: [Double] = []
            for round in 1...max(1, kills) {
                // Each kill falls amid work: after a random number of further changes, at a random instant.
                let target = try soak.ledger().committed + Int.random(in: 5...60, using: &random)
                try waitUntil("the writers' changes before kill \(round)") { try soak.ledger().committed >= target }
                usleep(UInt32.random(in: 0...5_000, using: &random))
                let killed = Date()
                try cluster.killServer()
                try cluster.start()
                outages.append(Date().timeIntervalSince(killed))
                if let problem = try soak.problem() {
                    print("db-kill: after kill \(round): \(problem)")
                    return 1
                }
            }
            let sinceRestart = try soak.committedPerWriter()
            try waitUntil("every writer's change after the last restart") {
                zip(try soak.committedPerWriter(), sinceRestart).allSatisfy { $0 > $1 }
            }
            soak.stopWriters()
            if let problem = try soak.problem() {
                print("db-kill: at the end: \(problem)")
                return 1
            }
            let ledger = try soak.ledger()
            outages.sort()
            let refusals = ledger.refusals.sorted { $0.value > $1.value }.map { "\($0.value) × \"\($0.key)\"" }.joined(separator: "; ")
            print(
                "db-kill: \(outages.count) SIGKILLs of the PostgreSQL server amid \(writers) writers; down a median of "
                    + String(format: "%.2f s (kill to accepting connections)", outages[outages.count / 2])
                    + "; \(ledger.committed) acknowledged changes, every one present after each restart and at the end, "
                    + "no action run twice; every writer carried on after the last restart; "
                    + "\(ledger.refusals.values.reduce(0, +)) attempts refused while the server was down: \(refusals)")
            return 0
        } catch {
            return report(error)
        }
    }
}

/// The writer processes of one soak and their ledgers: each writer's standard
/// output goes to a file of its own, a line once a change is acknowledged.
private final class Soak {
    private let bench: BenchStore
    private let before: Workspace
    private let folder: URL
    private let writers: [Process]
    private var stopped = false

    init(bench: BenchStore, before: Workspace, writers count: Int, seed: Int) throws {
        self.bench = bench
        self.before = before
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("db-kill-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        writers = try (0..<count).map { [folder] writer in
            let process = Process()
            process.executableURL = ChildLines.bench
            process.arguments = ["crash-writer", "--state", bench.argument, "--seed", "\(seed * 1000 + writer)"]
            process.standardOutput = try Self.newFile(folder.appendingPathComponent("ledger-\(writer)"))
            process.standardError = try Self.newFile(folder.appendingPathComponent("errors-\(writer)"))
            try process.run()
            return process
        }
    }

    private static func newFile(_ path: URL) throws -> FileHandle {
        guard FileManager.default.createFile(atPath: path.path, contents: nil) else {
            throw BenchUsageError(description: "Cannot create \(path.path).")
        }
        return try FileHandle(forWritingTo: path)
    }

    /// Every line the writer wrote whole, so far.
    private func lines(of writer: Int) throws -> [Substring] {
        let text = try String(contentsOf: folder.appendingPathComponent("ledger-\(writer)"), encoding: .utf8)
        // A line still being written is not acknowledged yet.
        return text.split(separator: "\n", omittingEmptySubsequences: true).dropLast(text.hasSuffix("\n") ? 0 : 1)
    }

    func ledger() throws -> CrashLedger {
        try checkWritersRun()
        var ledger = CrashLedger(before: before)
        for writer in writers.indices {
            for line in try lines(of: writer) { ledger.record(String(line), folder: bench.cluster?.folder.path ?? "") }
        }
        return ledger
    }

    func committedPerWriter() throws -> [Int] {
        try checkWritersRun()
        return try writers.indices.map { try lines(of: $0).filter { $0.hasPrefix("committed ") }.count }
    }

    /// Nil when the database holds every change acknowledged so far, once, and no action ran twice.
    func problem() throws -> String? {
        let ledger = try ledger()
        return ledger.problem(in: try bench.location.open().load())
    }

    private func checkWritersRun() throws {
        for (writer, process) in writers.enumerated() where !stopped && !process.isRunning {
            let errors = (try? String(contentsOf: folder.appendingPathComponent("errors-\(writer)"), encoding: .utf8)) ?? ""
            throw BenchUsageError(description: "Writer \(writer) ended (\(process.terminationStatus)) instead of riding out the outage: \(errors)")
        }
    }

    func stopWriters() {
        stopped = true
        for process in writers where process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    func remove() {
        stopWriters()
        try? FileManager.default.removeItem(at: folder)
    }
}
