#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import StagehandBoard
import StagehandCore

/// `stagehand-bench live-boards [--boards 20] [--moves 10] [--candidates 10000] [--store postgresql|URI]`
///
/// A move seen on other boards: `--boards` processes each run the board's own
/// loop (`BoardProgram`: on a database it wakes on the change's notice, on a state
/// file it looks every 250 ms) on a
/// screen nobody sees, while this process moves one candidate, with its actions,
/// `--moves` times. The time from the start of a move to the first frame each
/// board draws with it: median and worst over every board and move. Budget on a
/// database ≤ 250 ms (1 s on a state file, as the tmux test holds it).
enum LiveBoards {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            let options = try BenchOptions(arguments)
            let boards = try options.integer("--boards", default: 20)
            let moves = try options.integer("--moves", default: 10)
            let bench = try BenchStore(options)
            defer { bench.remove() }
            try bench.create(SampleWorkspace.makeLarge(candidates: try options.integer("--candidates", default: 10_000), now: Date()))
            let store = try bench.location.open()
            let candidate = try mover(in: try store.load())
            let children = try (0..<boards).map { _ in
                try ChildLines(["live-board", "--state", bench.argument, "--candidate", candidate.rawValue, "--moves", "\(moves)"])
            }
            defer { children.forEach { $0.kill() } }
            for child in children {
                guard child.nextLine() == "ready" else { throw BenchUsageError(description: "A board did not start: \(child.errorText())") }
            }
            var random = SystemRandomNumberGenerator()
            var delays: [Double] = []
            for _ in 0..<moves {
                // Not synchronisation: spreads the moves over the boards' 250 ms rhythm.
                usleep(UInt32.random(in: 0..<250_000, using: &random))
                let started = monotonicNanoseconds()
                try store.update { try BenchMove.nextStageOrRefusal(candidate, in: &$0, choice: .runActions) }
                for child in children {
                    guard let line = child.nextLine(), line.hasPrefix("seen "), let seen = UInt64(line.dropFirst(5)) else {
                        throw BenchUsageError(description: "A board stopped before it showed the move: \(child.errorText())")
                    }
                    delays.append(Double(seen - started) / 1e6)
                }
            }
            for child in children { _ = child.remainingLines() }
            delays.sort()
            let median = delays[delays.count / 2]
            print("live boards (\(bench.kind)): \(boards) boards, \(moves) moves with actions on \(store.workspace.candidates.count) candidates")
            print(String(format: "  a move seen on every other board  median %9.3f ms, worst %9.3f ms (%d sightings)   %@",
                median, delays.last ?? 0, delays.count, Timing.verdict(median, budget: bench.budgets.moveSeenOnOtherBoards)))
            return 0
        } catch {
            return report(error)
        }
    }

    /// The candidate moved: one of the first job's, in it alone.
    private static func mover(in workspace: Workspace) throws -> CandidateID {
        guard let candidate = CrashWriter.movableCandidates(in: workspace).first else {
            throw BenchUsageError(description: "The generated workspace has no candidate to move.")
        }
        return candidate
    }

    /// The same clock in every process, so that a board's sighting compares with the move's start.
    static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    /// `live-board --state PATH|URI --candidate ID --moves N`: one board. Prints
    /// "ready" with its first frame, then "seen NANOSECONDS" each time a frame
    /// shows the candidate in another stage, and ends after N.
    @MainActor
    static func board(_ arguments: [String]) -> Int32 {
        do {
            let options = try BenchOptions(arguments)
            let store = try BenchStore.open(try options.string("--state"))
            _ = try store.load()
            let clock = Clock.system
            // The board's own effects are never asked for here; the outbox is never written.
            let outbox = FileManager.default.temporaryDirectory.appendingPathComponent("live-board-\(getpid())")
            let dispatcher = Dispatcher(store: store, transport: OutboxTransport(folder: outbox), clock: clock)
            let runner = EffectRunner(store: store, dispatcher: dispatcher, clock: clock, me: BenchMove.mover)
            let screen = WatchingScreen(
                store: store, candidate: CandidateID(rawValue: try options.string("--candidate")), moves: try options.integer("--moves"))
            BoardProgram(screen: screen, runner: runner, clock: clock, me: BenchMove.mover, theme: .defaultDark).run()
            return 0
        } catch {
            return report(error)
        }
    }
}

/// A terminal nobody looks at: no key ever comes, and each frame drawn is checked
/// for the candidate's stage. The loop hands the store's workspace to `update`
/// before it draws, so the first frame drawn once the store holds a move shows it.
private final class WatchingScreen: Screen {
    let size = (width: 120, height: 35)
    let supportsUnicode = true
    private let store: any WorkspaceStore
    private let candidate: CandidateID
    private var stage: StageID?
    private var remaining: Int
    private var drawn = false

    init(store: any WorkspaceStore, candidate: CandidateID, moves: Int) {
        self.store = store
        self.candidate = candidate
        remaining = moves
        stage = store.workspace.candidates[candidate]?.placements.first?.stage
    }

    func draw(_ frame: Frame) {
        if !drawn {
            drawn = true
            say("ready")
        }
        let shown = store.workspace.candidates[candidate]?.placements.first?.stage
        guard shown != stage else { return }
        stage = shown
        remaining -= 1
        say("seen \(LiveBoards.monotonicNanoseconds())")
    }

    /// Waits as the ncurses driver does for a key that never comes — woken early when
    /// the store's change signal turns readable; hangs up once every move was seen.
    func nextEvent(timeout: Double, wakingOn descriptor: Int32?) -> InputEvent? {
        guard remaining > 0 else { return .hangup }
        var watched = [pollfd(fd: descriptor ?? -1, events: Int16(POLLIN), revents: 0)]
        _ = poll(&watched, 1, Int32(max(0, timeout) * 1000))
        return nil
    }

    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
