import Foundation
import StagehandBoard
import StagehandCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `stagehand-bench scale [--sizes 1000,10000,100000] [--idle-seconds 10] [--stagehand PATH]`
///
/// Issue 19's operations at each size, on a state file of the bench's own (3 jobs ×
/// 8 stages, 10 timeline entries per candidate), each with its growth exponent: the
/// slope of log(cost) over log(candidates) between two sizes. 1 is linear; the
/// bench exits 1 when an exponent between the two largest sizes is above 1.3.
enum ScaleTiming {
    static let failingExponent = 1.3

    /// One measured quantity at every size, and its budgets where the issue gives them.
    struct Row {
        var name: String
        var unit: String
        var budgets: [Int: Double]
        var values: [Int: Double] = [:]
        /// Idle CPU near nothing has no meaningful slope.
        var hasExponent = true
    }

    @MainActor
    static func run(_ arguments: [String]) -> Int32 {
        do {
            let options = try BenchOptions(arguments)
            let sizes = try ((try? options.string("--sizes")) ?? "1000,10000,100000").split(separator: ",").map { part in
                guard let size = Int(part), size >= 100 else { throw BenchUsageError(description: "--sizes takes sizes of at least 100, like 1000,10000,100000.") }
                return size
            }.sorted()
            let idleSeconds = try options.integer("--idle-seconds", default: 10)
            let binary = (try? options.string("--stagehand"))
                ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("stagehand").path
            guard FileManager.default.isExecutableFile(atPath: binary) else {
                throw BenchUsageError(description: "No stagehand binary at \(binary): build it (swift build -c release) or pass --stagehand PATH.")
            }
            var rows = [
                Row(name: "board: start → first complete frame", unit: "ms", budgets: [10_000: 100, 100_000: 300]),
                Row(name: "board: a move (L), rendered, fsynced", unit: "ms", budgets: [10_000: 25, 100_000: 40]),
                Row(name: "bulk move of 1,000 with actions", unit: "ms", budgets: [10_000: 300, 100_000: 400]),
                Row(name: "bulk move of a sixth, without actions", unit: "ms", budgets: [10_000: 1_000, 100_000: 8_000]),
                Row(name: "stagehand show ID", unit: "ms", budgets: [10_000: 60, 100_000: 150]),
                Row(name: "stagehand move ID --to STAGE", unit: "ms", budgets: [10_000: 60, 100_000: 150]),
                Row(name: "board: peak RSS", unit: "MB", budgets: [10_000: 50, 100_000: 200]),
                Row(name: "board: idle CPU", unit: "% of a core", budgets: [10_000: 0.5, 100_000: 0.5], hasExponent: false),
                Row(name: "import of N CSV rows with emails", unit: "ms", budgets: [10_000: 2_000, 100_000: 10_000]),
            ]
            for size in sizes {
                let values = try measure(size: size, binary: binary, idleSeconds: idleSeconds)
                for index in rows.indices { rows[index].values[size] = values[index] }
            }
            let small = try sampleBoardMemory(binary: binary)
            return printTable(rows, sizes: sizes, sampleMemory: small)
        } catch {
            return report(error)
        }
    }

    /// Every row's value at one size, in the rows' order.
    @MainActor
    private static func measure(size: Int, binary: String, idleSeconds: Int) throws -> [Double] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stagehand-scale-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.json").path
        let runs = size >= 100_000 ? 3 : 5
        log("\(size) candidates: generating the state file")
        try BenchStore.open(path).create(SampleWorkspace.makeLarge(candidates: size, now: Date()), replacing: false)

        log("\(size): the board in a pseudo-terminal")
        var firstFrames: [Double] = []
        var memory = 0.0
        var idle = 0.0
        for run in 0..<runs {
            let session = try PtySession(binary: binary, state: path, width: 160, height: 45)
            defer { session.close() }
            let started = ContinuousClock.now
            try session.readUntil(contains: " quit", timeout: 120)
            firstFrames.append(Timing.milliseconds(ContinuousClock.now - started))
            session.drain(quietFor: 0.3)
            guard run == 0 else { continue }
            try session.send("j")
            session.drain(quietFor: 0.3)
            // Idle: no key, no change; what the loop costs while someone looks at the board.
            let before = try cpuSeconds(of: session.pid)
            let idleStart = ContinuousClock.now
            session.drain(quietFor: Double(idleSeconds))
            let elapsed = Timing.milliseconds(ContinuousClock.now - idleStart) / 1_000
            idle = (try cpuSeconds(of: session.pid) - before) / elapsed * 100
            memory = try peakMegabytes(of: session.pid)
        }

        log("\(size): a move on the board, bulk moves")
        let store = try BenchStore.open(path)
        _ = try store.load()
        let boardMove = try measureBoardMove(store: store, folder: folder, runs: 20)
        let (bulk, sixth) = try measureBulkMoves(store: store, runs: runs)

        // The bulk moves left a long journal, which every load replays; an idle board or `dispatch` folds it in.
        _ = try (store as? StateFile)?.compactIfLarge()
        log("\(size): commands as processes")
        let job = store.workspace.setup.jobs[0]
        let inJob = store.workspace.candidates.filter { $0.placement(in: job.id) != nil }
        let someone = inJob[inJob.count / 2].id.rawValue
        let show = try Timing.measure(runs) { try runStagehand(binary, ["show", someone], state: path) }
        var stage = inJob[inJob.count / 2].placement(in: job.id).flatMap { job.stageIndex($0.stage) } ?? 0
        let move = try Timing.measure(runs) {
            stage = (stage + 1) % job.pipeline.count
            try runStagehand(binary, ["move", someone, "--to", job.pipeline[stage].id.rawValue, "--job", job.id.rawValue, "--run-actions"], state: path)
        }
        let imported = try measureImport(rows: size, binary: binary, folder: folder, runs: size >= 100_000 ? 1 : 3)
        return [
            median(firstFrames), boardMove.median, bulk.median, sixth.median, show.median, move.median, memory, idle, imported.median,
        ]
    }

    /// `L` on the board's own loop pieces: update, the durable change, render.
    @MainActor
    private static func measureBoardMove(store: any WorkspaceStore, folder: URL, runs: Int) throws -> Timing.Summary {
        let clock = Clock.system
        let dispatcher = Dispatcher(store: store, transport: OutboxTransport(folder: folder.appendingPathComponent("outbox")), clock: clock)
        let runner = EffectRunner(store: store, dispatcher: dispatcher, clock: clock, me: BenchMove.mover)
        var state = BoardState(workspace: store.workspace, me: BenchMove.mover, now: Date(), width: 160, height: 45)
        var row = 0
        return try Timing.measure(runs) {
            state.stageIndex = 0
            let column = state.cards(inStage: 0)
            guard !column.isEmpty else { throw BenchUsageError(description: "The first stage has no cards left to move.") }
            state.focused = column[row % column.count].id
            row += 1
            Board.dispatch(.input(.key(.character("L"))), to: &state, runner: runner)
            _ = Board.render(state)
            if state.status?.text.hasPrefix("Moved") != true {
                throw BenchUsageError(description: "L did not move the card: \(state.status?.text ?? "no message")")
            }
        }
    }

    private static func measureBulkMoves(store: any WorkspaceStore, runs: Int) throws -> (Timing.Summary, Timing.Summary) {
        let job = store.workspace.setup.jobs[0]
        var targets = job.pipeline.filter { $0.actions.count >= 2 }
        guard !targets.isEmpty else { throw BenchUsageError(description: "The generated workspace has no bulk target.") }
        func move(_ count: Int, choice: MoveChoice) throws {
            let target = targets.removeFirst()
            targets.append(target)
            let group = store.workspace.candidates.lazy.filter {
                guard let placement = $0.placement(in: job.id) else { return false }
                return placement.stage != target.id && placement.disqualification == nil
            }.prefix(count).map(\.id)
            try store.update { workspace in
                let request = MoveRequest(candidates: Array(group), job: job.id, target: target.id, mover: BenchMove.mover)
                let outcome = try workspace.move(request, choice: choice, grace: 0, now: Date())
                workspace.advanceRuns(now: Date(), only: Set(outcome.runs))
            }
        }
        let thousand = try Timing.measure(runs) { try move(1_000, choice: .runActions) }
        let sixth = try Timing.measure(runs) { try move(store.workspace.candidates.count / 6, choice: .withoutActions) }
        return (thousand, sixth)
    }

    private static func measureImport(rows: Int, binary: String, folder: URL, runs: Int) throws -> Timing.Summary {
        let csv = folder.appendingPathComponent("import.csv")
        var text = "name,email,source,tags\n"
        for index in 0..<rows { text += "Imported Person \(index),person\(index)@example.com,bench,imported;scale\n" }
        try text.write(to: csv, atomically: true, encoding: .utf8)
        var attempt = 0
        var paths: [String] = []
        // Each run imports into a fresh sample workspace, made before the clock starts.
        for _ in 0..<runs {
            attempt += 1
            let path = folder.appendingPathComponent("import-\(attempt).json").path
            try runStagehand(binary, ["demo"], state: path)
            paths.append(path)
        }
        return try Timing.measure(runs) {
            try runStagehand(binary, ["import", csv.path, "--job", "Senior iOS"], state: paths.removeFirst())
        }
    }

    /// The board's peak memory on the 50-candidate sample, and the part of it that is
    /// its own (not the shared libraries' pages every board maps): one of these per SSH session.
    private static func sampleBoardMemory(binary: String) throws -> (peak: Double, own: Double) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stagehand-scale-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.json").path
        try runStagehand(binary, ["demo"], state: path)
        let session = try PtySession(binary: binary, state: path, width: 160, height: 45)
        defer { session.close() }
        try session.readUntil(contains: " quit", timeout: 30)
        try session.send("j")
        session.drain(quietFor: 0.5)
        // A second board, as on a shared host: pages both map are then shared, not
        // counted as the first one's own (alone, it "privately" holds all of the binary).
        let other = try PtySession(binary: binary, state: path, width: 160, height: 45)
        defer { other.close() }
        try other.readUntil(contains: " quit", timeout: 30)
        try other.send("j")
        other.drain(quietFor: 0.5)
        return (try peakMegabytes(of: session.pid), try privateMegabytes(of: session.pid))
    }

    /// Resident memory no other process shares (Private_Clean + Private_Dirty): what
    /// one more board adds while another runs.
    private static func privateMegabytes(of pid: pid_t) throws -> Double {
        let rollup = try String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8)
        let kilobytes = rollup.split(separator: "\n").filter { $0.hasPrefix("Private_Clean:") || $0.hasPrefix("Private_Dirty:") }
            .compactMap { Double($0.split(separator: " ").dropFirst().first ?? "") }
        guard kilobytes.count == 2 else { throw BenchUsageError(description: "Cannot read /proc/\(pid)/smaps_rollup.") }
        return kilobytes.reduce(0, +) / 1024
    }

    private static func runStagehand(_ binary: String, _ arguments: [String], state: String) throws {
        try TimedCommand.run(binary, arguments + ["--state", state, "--as", "ana"])
    }

    /// User and system time a process has used, from /proc.
    private static func cpuSeconds(of pid: pid_t) throws -> Double {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        // Fields after the command's closing parenthesis; utime and stime are the 12th and 13th of them.
        guard let close = stat.lastIndex(of: ")") else { throw BenchUsageError(description: "Cannot read /proc/\(pid)/stat.") }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else {
            throw BenchUsageError(description: "Cannot read the CPU time in /proc/\(pid)/stat.")
        }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    private static func peakMegabytes(of pid: pid_t) throws -> Double {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { throw BenchUsageError(description: "Cannot read VmHWM in /proc/\(pid)/status.") }
        return kilobytes / 1024
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    private static func log(_ text: String) {
        FileHandle.standardError.write(Data("scale: \(text)\n".utf8))
    }

    /// The table, the exponents, and the verdict: 1 when an exponent between the two largest sizes is above 1.3.
    private static func printTable(_ rows: [Row], sizes: [Int], sampleMemory: (peak: Double, own: Double)) -> Int32 {
        let pairs = zip(sizes, sizes.dropFirst()).map { ($0, $1) }
        print("scale: 3 jobs × 8 stages, 10 timeline entries per candidate; medians; state file")
        var header = "  what".padding(toLength: 52, withPad: " ", startingAt: 0)
        for size in sizes { header += right("\(size)", 14) }
        for (low, high) in pairs { header += right("exp \(short(low))→\(short(high))", 14) }
        print(header)
        var failed: [String] = []
        var over: [String] = []
        for row in rows {
            var line = "  \(row.name), \(row.unit)".padding(toLength: 52, withPad: " ", startingAt: 0)
            for size in sizes {
                let value = row.values[size] ?? 0
                let budget = row.budgets[size]
                let mark = budget.map { value <= $0 ? " " : "!" } ?? " "
                if let budget, value > budget { over.append("\(row.name) at \(size): \(format(value)) \(row.unit) (budget \(format(budget)))") }
                line += right(format(value), 13) + mark
            }
            for (index, (low, high)) in pairs.enumerated() {
                guard row.hasExponent, let a = row.values[low], let b = row.values[high], a > 0, b > 0 else {
                    line += right("—", 14)
                    continue
                }
                let slope = Foundation.log(b / a) / Foundation.log(Double(high) / Double(low))
                if index == pairs.count - 1, slope > failingExponent { failed.append(String(format: "%@ (%.2f)", row.name, slope)) }
                line += String(format: "%14.2f", slope)
            }
            print(line)
        }
        print(String(format: "  board: peak RSS on the 50-candidate sample          %.1f MB%@", sampleMemory.peak, sampleMemory.peak <= 20 ? "" : "  (budget 20 MB)"))
        print(String(format: "    of which its own (not shared with other boards)   %.1f MB", sampleMemory.own))
        print("  ! marks a median over the issue's budget at that size.")
        for line in over { print("  over: \(line)") }
        guard failed.isEmpty else {
            print("FAILED: growth above \(failingExponent) between the two largest sizes: \(failed.joined(separator: "; "))")
            return 1
        }
        print("Every operation grows at most \(failingExponent)× as fast as the candidates (log-log slope).")
        return 0
    }

    private static func right(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private static func short(_ size: Int) -> String {
        size % 1_000 == 0 ? "\(size / 1_000)k" : "\(size)"
    }

    private static func format(_ value: Double) -> String {
        value >= 100 ? String(format: "%.0f", value) : value >= 10 ? String(format: "%.1f", value) : String(format: "%.2f", value)
    }
}
