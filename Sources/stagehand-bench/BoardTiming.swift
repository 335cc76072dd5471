import Foundation
import StagehandBoard
import StagehandCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `stagehand-bench board [--candidates 10000] [--stagehand PATH] [--store postgresql|URI]`
///
/// The board's budgets on 10,000 candidates: first complete frame from process
/// start ≤ 200 ms (≤ 250 ms on a database, `--store`), one focus move handled and rendered ≤ 5 ms (median of 1,000),
/// ≤ 300 bytes written to the terminal per focus move (the real binary on a pty).
/// The setup editors are held to the same 5 ms per key: moving through the pipeline
/// editor (which counts each stage's cards) and typing into an action form (which
/// checks every field again).
enum BoardTiming {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            let options = try BenchOptions(arguments)
            let candidates = try options.integer("--candidates", default: 10_000)
            let binary = (try? options.string("--stagehand"))
                ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("stagehand").path
            let store = try BenchStore(options)
            defer { store.remove() }
            try measure(candidates: candidates, binary: binary, on: store)
            return 0
        } catch {
            return report(error)
        }
    }

    private static func measure(candidates: Int, binary: String, on store: BenchStore) throws {
        let workspace = SampleWorkspace.makeLarge(candidates: candidates, now: Date())
        try store.create(workspace)

        var state = BoardState(workspace: workspace, me: "ana", now: Date(), width: 120, height: 35)
        var toggle = false
        let keyToFrame = Timing.measure(1000) {
            toggle.toggle()
            _ = Board.update(&state, .input(.key(toggle ? .down : .up)))
            _ = Board.render(state)
        }

        var pipeline = state
        _ = Board.update(&pipeline, .input(.key(.character("p"))))
        let pipelineKey = Timing.measure(200) {
            toggle.toggle()
            _ = Board.update(&pipeline, .input(.key(toggle ? .down : .up)))
            _ = Board.render(pipeline)
        }
        var form = state
        for key in [Key.character("a"), .character("n"), .tab, .tab, .tab] { _ = Board.update(&form, .input(.key(key))) }
        let typing = Timing.measure(200) {
            toggle.toggle()
            _ = Board.update(&form, .input(.key(toggle ? .character("x") : .backspace)))
            _ = Board.render(form)
        }

        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw BenchUsageError(description: "No stagehand binary at \(binary): build it (swift build -c release) or pass --stagehand PATH.")
        }
        var firstFrames: [Double] = []
        var bytes: [Int] = []
        for _ in 0..<5 {
            let session = try PtySession(binary: binary, state: store.argument, width: 120, height: 35)
            defer { session.close() }
            let started = ContinuousClock.now
            try session.readUntil(contains: " quit", timeout: 30)
            firstFrames.append(Timing.milliseconds(ContinuousClock.now - started))
            session.drain(quietFor: 0.3)
            for index in 0..<10 {
                try session.send(index % 2 == 0 ? "j" : "k")
                bytes.append(session.drain(quietFor: 0.15))
            }
            try session.send("q")
        }
        firstFrames.sort()
        bytes.sort()
        let firstFrame = firstFrames[firstFrames.count / 2]
        let focusBytes = bytes[bytes.count / 2]
        print("board: \(candidates) candidates, 120×35, xterm-256color; \(store.kind)")
        print(String(format: "  first complete frame      median %9.3f ms, max %9.3f ms (%d runs)   %@", firstFrame, firstFrames.last ?? 0,
            firstFrames.count, Timing.verdict(firstFrame, budget: store.budgets.firstFrame)))
        print("  key to frame (focus move) \(keyToFrame)   \(keyToFrame.verdict(budget: 5))")
        print("  key to frame (pipeline editor) \(pipelineKey)   \(pipelineKey.verdict(budget: 5))")
        print("  key to frame (typing in a form) \(typing)   \(typing.verdict(budget: 5))")
        print("  bytes per focus move      median \(focusBytes) (max \(bytes.last ?? 0), \(bytes.count) moves)   \(focusBytes <= 300 ? "within 300 bytes" : "OVER the 300 bytes budget")")
    }
}
