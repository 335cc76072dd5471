#if canImport(Glibc)
import Glibc
#endif
import Foundation
import StagehandCore

/// `stagehand-bench crash [--kills 500] [--seed 1]`
///
/// A writer making moves with actions and notes (`crash-writer`) is killed with
/// SIGKILL at a random instant, `--kills` times on each of three folders: a plain
/// one, a file system that is nearly or wholly full, and one made read-only
/// under the running writer. After every kill the state file must load, hold
/// every change the writer reported committed, and show no action run twice;
/// once the fault is lifted, a change must go through and `check` find nothing
/// wrong. The full and read-only file systems are small tmpfs mounts in a private
/// mount namespace (`unshare`), so the bench needs root or user namespaces.
enum CrashSafety {
    private static let insideNamespace = "STAGEHAND_BENCH_IN_MOUNT_NAMESPACE"

    enum Fault: String, CaseIterable {
        case none = "plain folder"
        case fullDisk = "full disk"
        case readOnly = "read-only folder"
    }

    static func run(_ arguments: [String]) -> Int32 {
        guard ProcessInfo.processInfo.environment[insideNamespace] != nil else { return runInMountNamespace(arguments) }
        do {
            let options = try BenchOptions(arguments)
            let kills = try options.integer("--kills", default: 500)
            var random = SplitMix64(seed: UInt64(try options.integer("--seed", default: 1)))
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("crash-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            var failed = false
            for fault in Fault.allCases {
                let folder = root.appendingPathComponent(fault == .none ? "plain" : "\(fault)")
                let mount = fault == .none ? nil : try TemporaryMount(at: folder, bytes: 32 << 20)
                defer { mount?.unmount() }
                if fault == .none { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
                var rounds = CrashRounds(fault: fault, folder: folder, mount: mount)
                if let problem = try rounds.run(kills: kills, random: &random) {
                    print("crash: \(fault.rawValue): \(problem)")
                    failed = true
                } else {
                    print("crash: \(rounds.summary)")
                }
            }
            return failed ? 1 : 0
        } catch {
            return report(error)
        }
    }

    /// Starts this subcommand again as root of a private user and mount namespace,
    /// where it may mount file systems that vanish with it.
    private static func runInMountNamespace(_ arguments: [String]) -> Int32 {
        let unshare = ["--user", "--map-root-user", "--mount", "--propagation", "private"]
        func start(_ tail: [String]) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
            process.arguments = unshare + tail
            process.environment = ProcessInfo.processInfo.environment.merging([insideNamespace: "1"]) { $1 }
            try process.run()
            process.waitUntilExit()
            return process
        }
        do {
            guard try start(["/bin/true"]).terminationStatus == 0 else {
                throw BenchUsageError(
                    description: "crash needs a private mount namespace for its full-disk and read-only folders: "
                        + "run it as root, or allow user namespaces (sysctl kernel.unprivileged_userns_clone=1).")
            }
            let bench = try start(["--", ChildLines.bench.path, "crash"] + arguments)
            return bench.terminationReason == .exit ? bench.terminationStatus : 1
        } catch {
            return report(error)
        }
    }
}

/// The kills on one folder.
struct CrashRounds {
    let fault: CrashSafety.Fault
    let folder: URL
    let mount: TemporaryMount?
    private var ledger: CrashLedger?
    private var kills = 0

    init(fault: CrashSafety.Fault, folder: URL, mount: TemporaryMount?) {
        self.fault = fault
        self.folder = folder
        self.mount = mount
    }

    private var state: URL { folder.appendingPathComponent("state.json") }

    var summary: String {
        let ledger = ledger!
        let refusals = ledger.refusals.sorted { $0.value > $1.value }
            .map { "\($0.value) × \"\($0.key)\"" }.joined(separator: "; ")
        return "\(fault.rawValue): \(kills) kills; the file loaded after each, with all \(ledger.committed) committed changes "
            + "and no action run twice; a change and check went through once the fault was lifted"
            + (refusals.isEmpty ? "" : "; refused while it lasted: \(refusals)")
    }

    /// Nil when every round kept its promise.
    mutating func run(kills total: Int, random: inout SplitMix64) throws -> String? {
        try StateFile(path: state).create(SampleWorkspace.make(now: Date(), currentLogin: "ana"), replacing: false)
        ledger = CrashLedger(before: try StateFile(path: state).load())
        for round in 1...max(1, total) {
            if fault == .fullDisk {
                // Sometimes room for a journal line but not a new snapshot; sometimes none.
                try mount?.fill(leaving: Int.random(in: 0...(320 << 10), using: &random))
            }
            if let problem = try killOneWriter(seed: round, random: &random) { return "round \(round): \(problem)" }
            kills += 1
            let workspace: Workspace
            do {
                workspace = try StateFile(path: state).load()
            } catch {
                return "round \(round): the state file no longer loads: \(error)"
            }
            if let problem = ledger!.problem(in: workspace) { return "round \(round): \(problem)" }
        }
        mount?.empty()
        let file = StateFile(path: state)
        try file.update { $0.counter += 1 }
        let report = try file.check()
        return report.isConsistent ? nil : "check found: \(report.problems.joined(separator: " "))"
    }

    private mutating func killOneWriter(seed: Int, random: inout SplitMix64) throws -> String? {
        let writer = try ChildLines(["crash-writer", "--state", state.path, "--seed", "\(seed)"])
        var lines: [String] = []
        let wanted = Int.random(in: 1...12, using: &random)
        while lines.count < wanted, let line = writer.nextLine() { lines.append(line) }
        if fault == .readOnly {
            try mount?.setReadOnly(true)
            // Let the writer meet the read-only folder at least once.
            while let line = writer.nextLine() {
                lines.append(line)
                if line.hasPrefix("refused ") { break }
            }
        }
        // Not synchronisation: spreads the kill over every phase of a change.
        usleep(UInt32.random(in: 0...3_000, using: &random))
        writer.kill()
        lines += writer.remainingLines()
        if fault == .readOnly { try mount?.setReadOnly(false) }
        for line in lines { ledger!.record(line, folder: folder.path) }
        guard writer.process.terminationReason == .uncaughtSignal else {
            return "the writer ended by itself (\(writer.process.terminationStatus)) before the kill: \(writer.errorText())"
        }
        return nil
    }
}
