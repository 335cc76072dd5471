import Foundation
import StagehandBoard
import StagehandCore

/// `stagehand-bench fuzz-board [--messages 100000] [--seed 1]`
///
/// Not a benchmark: random keys, mouse events, resizes and clock ticks fed to the
/// board's `update` on the sample workspace, with every effect carried out by the
/// real `EffectRunner` against a real state file (as the program does), a frame
/// rendered after every message, and the workspace's invariants checked after every
/// step: each candidate in at most one stage per job and only in stages that exist,
/// no email both sent and cancelled by its run, the timeline agreeing with each
/// email. Finishing is the result; a broken invariant prints the seed and step.
enum BoardFuzz {
    @MainActor
    static func run(_ arguments: [String]) -> Int32 {
        do {
            let options = try BenchOptions(arguments)
            let total = try options.integer("--messages", default: 100_000)
            let seed = try options.integer("--seed", default: 1)
            var random = SplitMix64(seed: UInt64(seed))
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-board-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            var now = Date(timeIntervalSince1970: 1_795_597_200)
            let sample = SampleWorkspace.make(now: now, currentLogin: "ana")
            let store = StateFile(path: folder.appendingPathComponent("state.json"))
            try store.create(sample, replacing: false)
            _ = try store.load()
            let clock = Clock.fixed(now)
            let dispatcher = Dispatcher(store: store, transport: OutboxTransport(folder: folder.appendingPathComponent("outbox")), clock: clock)
            let runner = EffectRunner(store: store, dispatcher: dispatcher, clock: clock, me: "ana")
            var state = BoardState(workspace: sample, me: "ana", now: now, width: 120, height: 35)
            var effects = 0
            var restarts = 0
            let started = Date()
            for step in 1...max(1, total) {
                for message in randomMessages(&random, now: &now, state: state) {
                    effects += Board.dispatch(message, to: &state, runner: runner)
                    _ = Board.render(state)
                    if let broken = brokenInvariant(in: runner.store.workspace) ?? brokenInvariant(in: state.workspace) {
                        print("fuzz-board: seed \(seed), step \(step), after \(message): \(broken)")
                        return 1
                    }
                }
                if state.quitting {
                    restarts += 1
                    state = BoardState(workspace: runner.store.workspace, me: "ana", now: now, width: state.width, height: state.height)
                }
            }
            let seconds = Date().timeIntervalSince(started)
            let workspace = runner.store.workspace
            let moved = workspace.candidates.reduce(0) { $0 + $1.timeline.filter { $0.kind == .moved }.count }
                - sample.candidates.reduce(0) { $0 + $1.timeline.filter { $0.kind == .moved }.count }
            print("fuzz-board: \(total) random messages in \(String(format: "%.1f", seconds)) s: \(effects) effects carried out, \(moved) moves, \(restarts) quits; every frame rendered, every invariant held after every step")
            return 0
        } catch {
            return report(error)
        }
    }

    private static let keys: [Key] = [
        .up, .down, .left, .right, .shiftLeft, .shiftRight, .enter, .escape, .tab, .backTab, .backspace, .delete,
        .home, .end, .pageUp, .pageDown, .function(1), .control("c"), .control("s"), .control("u"), .control("l"),
    ]
    // No q: quitting resets the board to its first screen, which would keep the fuzzing shallow (Ctrl-C still quits now and then).
    private static let characters = Array("hjklHLmMcCdDaApPeErRsSiI/u?tgGVn xwyNo0123456789[]<>-+*&%$#@!é漢😀\u{0301}\u{202E}")

    /// Usually one message; now and then a whole carry (m, a few arrows, Enter or
    /// Space), since random keys alone rarely get a card anywhere.
    private static func randomMessages(_ random: inout SplitMix64, now: inout Date, state: BoardState) -> [Msg] {
        guard Int.random(in: 0..<100, using: &random) < 6 else { return [randomMessage(&random, now: &now, state: state)] }
        let arrows = (0..<Int.random(in: 1...4, using: &random)).map { _ in
            Msg.input(.key([Key.left, .right, .up, .down].randomElement(using: &random)!))
        }
        let drop: Key = Bool.random(using: &random) ? .enter : .character(" ")
        return [.input(.key(.escape)), .input(.key(.character("m")))] + arrows + [.input(.key(drop))]
    }

    private static func randomMessage(_ random: inout SplitMix64, now: inout Date, state: BoardState) -> Msg {
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<55:
            return .input(.key(.character(characters.randomElement(using: &random)!)))
        case 55..<80:
            return .input(.key(keys.randomElement(using: &random)!))
        case 80..<88:
            let actions: [MouseAction] = [.press, .release, .drag, .scrollUp, .scrollDown]
            let event = MouseEvent(
                action: actions.randomElement(using: &random)!, x: Int.random(in: -2...state.width + 2, using: &random),
                y: Int.random(in: -2...state.height + 2, using: &random))
            return .input(.mouse(event))
        case 88..<92:
            return .input(.resize(width: Int.random(in: 1...250, using: &random), height: Int.random(in: 1...80, using: &random)))
        default:
            now = now.addingTimeInterval(Double.random(in: 0.1...5, using: &random))
            return .tick(now)
        }
    }

    /// The first rule the workspace breaks, as a sentence; nil when all hold.
    static func brokenInvariant(in workspace: Workspace) -> String? {
        for candidate in workspace.candidates {
            var jobs: Set<JobID> = []
            for placement in candidate.placements {
                guard jobs.insert(placement.job).inserted else { return "\(candidate.name) is in two stages of \(placement.job)" }
                if let job = workspace.job(placement.job), job.stage(placement.stage) == nil {
                    return "\(candidate.name) is in \(placement.stage), which \(job.title) does not have"
                }
            }
        }
        for run in workspace.actionRuns {
            for step in run.steps {
                guard let id = step.email, let email = workspace.emails[id] else { continue }
                if step.state == .cancelled && email.status == .sent { return "email \(id) was sent although its step was cancelled" }
                if step.state == .done && email.status == .cancelled { return "email \(id) was cancelled although its step is done" }
            }
        }
        for email in workspace.emails {
            let entry = workspace.candidates[email.candidate]?.timeline.first { $0.email == email.id }
            if let status = entry?.status, status != email.status {
                return "email \(email.id) is \(email.status.rawValue) but its timeline says \(status.rawValue)"
            }
        }
        return nil
    }
}
