import Foundation
import Testing

/// The real board in a real terminal (tmux), typed into like a person would.
@Suite struct BoardTerminalTests {
    /// A sample workspace and a board open on it.
    struct OpenBoard {
        let cli: StagehandCLI
        let tmux: TmuxSession
        let width: Int
        let height: Int

        /// - Parameter reusing: a command line whose state file already holds a workspace, to open the board on.
        init(
            width: Int = 120, height: Int = 35, lang: String = "C.UTF-8", term: String = "xterm-256color", arguments: [String] = [],
            store: TestStore = .file, reusing existing: StagehandCLI? = nil, before: (StagehandCLI) throws -> Void = { _ in }
        ) throws {
            if let existing {
                cli = existing
            } else {
                cli = try StagehandCLI(store)
                let demo = try cli.run(["demo"])
                guard demo.status == 0 else { throw TmuxSession.Failure(description: "demo failed: \(demo.errors)") }
            }
            try before(cli)
            self.width = width
            self.height = height
            environment = [
                "TERM": term, "LANG": lang, "STAGEHAND_STATE": cli.location,
                "STAGEHAND_NOW": cli.now, "HOME": cli.scratch.url.path, "PATH": "/usr/bin:/bin",
            ]
            tmux = try TmuxSession(
                command: [try BuiltBinary.url("stagehand").path] + arguments, width: width, height: height, environment: environment)
            try tmux.waitFor(text: "Northwind Robotics")
        }

        /// What the board was started with: another board on the same store uses it too.
        let environment: [String: String]

        /// The iOS job's cards of a stage, as `stagehand board --json` reports them.
        func cards(in stage: String) throws -> [String] {
            let board = try cli.json(["board", "--job", "ios"])
            let stages = ((board["jobs"] as? [[String: Any]])?.first?["stages"] as? [[String: Any]]) ?? []
            let found = stages.first { $0["id"] as? String == stage }
            return (found?["candidates"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        }

        func profile(_ name: String) throws -> [String: Any] { try cli.json(["show", name]) }

        func outboxCount() -> Int {
            ((try? FileManager.default.contentsOfDirectory(atPath: cli.scratch.outbox.path)) ?? []).filter { $0.hasSuffix(".eml") }.count
        }
    }

    @Test(arguments: TestStore.allCases) func carryingACardIntoABoltStageRunsItsActionsInTheLowerRightPane(store: TestStore) throws {
        let board = try OpenBoard(store: store)
        let name = try #require(try board.cards(in: "applied").first)
        try board.tmux.waitFor(text: "Applied ⚡")
        let emails = board.outboxCount()
        try board.tmux.send("m")
        try board.tmux.send("Right")
        try board.tmux.waitFor(text: "Drop card here")
        try board.tmux.send("Enter")
        let screen = try board.tmux.waitFor(text: "[c] Cancel")
        let lines = screen.components(separatedBy: "\n")
        let row = try #require(lines.firstIndex { $0.contains("[c] Cancel") })
        let column = try #require(lines[row].range(of: "[c] Cancel")).lowerBound.utf16Offset(in: lines[row])
        #expect(row > board.height / 2, "the pane is not in the lower half")
        #expect(column > board.width / 2, "the pane is not in the right half")
        #expect(lines.contains { $0.contains("⚡ \(name)") })
        try board.tmux.waitFor("the pane to finish", timeout: 15) { $0.contains("Done") }
        let profile = try board.profile(name)
        let placements = profile["placements"] as? [[String: Any]] ?? []
        #expect(placements.contains { $0["stage"] as? String == "phone-screen" })
        let timeline = profile["timeline"] as? [[String: Any]] ?? []
        #expect(timeline.contains { $0["kind"] as? String == "task" && $0["automatic"] as? Bool == true })
        #expect(board.outboxCount() == emails + 1)
        try board.tmux.send("Enter")
        try board.tmux.waitFor(text: "Timeline, newest first")
        try board.tmux.send("Escape")
        try board.tmux.send("q")
        #expect(try board.tmux.waitForExit() == 0)
    }

    @Test(arguments: TestStore.allCases) func cancellingDuringTheGracePeriodRunsNothing(store: TestStore) throws {
        let board = try OpenBoard(store: store)
        let name = try #require(try board.cards(in: "applied").first)
        let emails = board.outboxCount()
        try board.tmux.send("L")
        try board.tmux.waitFor(text: "[c] Cancel")
        try board.tmux.send("c")
        try board.tmux.waitFor(text: "Cancelled")
        let profile = try board.profile(name)
        let timeline = profile["timeline"] as? [[String: Any]] ?? []
        #expect(!timeline.contains { $0["kind"] as? String == "task" && $0["automatic"] as? Bool == true })
        #expect(timeline.contains { $0["kind"] as? String == "actionsCancelled" })
        let tasks = profile["tasks"] as? [[String: Any]] ?? []
        #expect(!tasks.contains { $0["title"] as? String == "Hold the phone screen" })
        #expect(board.outboxCount() == emails)
        try board.tmux.send("q")
        #expect(try board.tmux.waitForExit() == 0)
        #expect(board.outboxCount() == emails, "quitting must not run a cancelled run")
    }

    @Test(arguments: TestStore.allCases) func bulkMovingThreeCandidatesWithoutActions(store: TestStore) throws {
        let board = try OpenBoard(store: store)
        let applied = try board.cards(in: "applied")
        let emails = board.outboxCount()
        try board.tmux.send("Space")
        try board.tmux.send("Space")
        try board.tmux.send("Space")
        try board.tmux.waitFor(text: "3 selected")
        try board.tmux.send("m")
        try board.tmux.send("Right")
        try board.tmux.send("Enter")
        try board.tmux.waitFor(text: "Move 3 candidates to Phone screen?")
        try board.tmux.send("w")
        try board.tmux.waitFor(text: "Moved 3 candidates")
        let phone = try board.cards(in: "phone-screen")
        #expect(Set(applied.prefix(3)).isSubset(of: Set(phone)))
        #expect(board.outboxCount() == emails)
        try board.tmux.send("q")
        #expect(try board.tmux.waitForExit() == 0)
    }

    @Test func resizingRedrawsAndSaysWhenTheTerminalIsTooSmall() throws {
        let board = try OpenBoard()
        try board.tmux.resize(width: 60, height: 20)
        try board.tmux.waitFor("two columns at 60×20") { screen in
            screen.contains("2 Phone screen") && !screen.contains("3 Interview")
        }
        try board.tmux.resize(width: 50, height: 12)
        try board.tmux.waitFor(text: "Terminal too small")
        try board.tmux.resize(width: 120, height: 35)
        try board.tmux.waitFor("the full board again") { $0.contains("5 Reference check") }
        try board.tmux.send("q")
        #expect(try board.tmux.waitForExit() == 0)
    }

    @Test func keysTypedJustBeforeTheTerminalBecomesTooSmallAreKept() throws {
        let board = try OpenBoard()
        try board.tmux.send("/")
        try board.tmux.waitFor(text: "/_")
        // Typed while the screen was large, then the window dragged small at once: the
        // resize can be noticed before the keys are read, and must not swallow them.
        try board.tmux.type("zqx")
        try board.tmux.resize(width: 50, height: 12)
        try board.tmux.waitFor(text: "Terminal too small")
        try board.tmux.resize(width: 120, height: 35)
        try board.tmux.waitFor("the filter with every key typed") { $0.contains("/zqx") }
        try board.tmux.send("Escape", "q")
        #expect(try board.tmux.waitForExit() == 0)
    }

    @Test func openOnAJobThenTheBoardReopensWhereTheMemberLeftIt() throws {
        // Another workspace's entry, and one of a shape this Stagehand does not read: the first must survive.
        let chosen = try OpenBoard(arguments: ["open", "--job", "robotics"]) { cli in
            let folder = cli.scratch.url.appendingPathComponent(".local/state/stagehand")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(#"{"/elsewhere/state.json": {"bob": "job-2"}, "\#(cli.location)": 5}"#.utf8)
                .write(to: folder.appendingPathComponent("last-jobs.json"))
        }
        try chosen.tmux.waitFor(text: "Robotics Technician [2/3]")
        try chosen.tmux.send("q")
        #expect(try chosen.tmux.waitForExit() == 0)

        let again = try OpenBoard(reusing: chosen.cli)
        try again.tmux.waitFor(text: "Robotics Technician [2/3]")
        try again.tmux.send("]")
        try again.tmux.waitFor(text: "[3/3]")
        try again.tmux.send("q")
        #expect(try again.tmux.waitForExit() == 0)

        let third = try OpenBoard(reusing: chosen.cli)
        try third.tmux.waitFor(text: "[3/3]")
        try third.tmux.send("q")
        #expect(try third.tmux.waitForExit() == 0)

        let refused = try chosen.cli.run(["open", "--job", "nowhere"])
        #expect(refused.status != 0 && refused.errors.contains("No job matches 'nowhere'"), "\(refused.errors)")
        let file = chosen.cli.scratch.url.appendingPathComponent(".local/state/stagehand/last-jobs.json")
        let saved = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: [String: String]])
        #expect(saved["/elsewhere/state.json"] == ["bob": "job-2"], "another workspace's entry is kept")
    }

    @Test func reorderingJobsOnTheBoardAndFromAnotherProcessKeepsTheBoardOnItsJob() throws {
        let board = try OpenBoard()
        try board.tmux.waitFor(text: "Senior iOS Engineer [1/3]")
        try board.tmux.send("p")
        try board.tmux.waitFor(text: "Pipeline of Senior iOS Engineer (open) · job 1 of 3")
        try board.tmux.send(">")
        try board.tmux.waitFor(text: "Senior iOS Engineer is now job 2 of 3")
        try board.tmux.send("Escape")
        try board.tmux.waitFor(text: "Senior iOS Engineer [2/3]")
        let listed = try board.cli.run(["jobs", "list"])
        #expect(listed.output.split(separator: "\n").dropFirst().first?.hasPrefix("2. Senior iOS Engineer [ios]") == true, "\(listed.output)")

        let moved = try board.cli.run(["jobs", "move", "ios", "--to-position", "3"])
        #expect(moved.status == 0, "\(moved.errors)")
        try board.tmux.waitFor("the other process's reorder", timeout: 5) { $0.contains("Senior iOS Engineer [3/3]") }
        try board.tmux.send("q")
        #expect(try board.tmux.waitForExit() == 0)
    }

    @Test func aThemeIsFoundBesideThePackageWhenTheBoardIsStartedThroughPATH() throws {
        let cli = try StagehandCLI()
        #expect(try cli.run(["demo"]).status == 0)
        let binary = try BuiltBinary.url("stagehand")
        let environment = [
            "TERM": "xterm-256color", "LANG": "C.UTF-8", "STAGEHAND_STATE": cli.location, "STAGEHAND_NOW": cli.now,
            "HOME": cli.scratch.url.path, "PATH": "\(binary.deletingLastPathComponent().path):/usr/bin:/bin",
        ]
        // From a folder without Themes/, by name alone: only the executable's own path leads to the package.
        let tmux = try TmuxSession(
            command: ["sh", "-c", "cd / && exec stagehand --theme light"], width: 120, height: 35, environment: environment)
        let screen = try tmux.waitFor(text: "Northwind Robotics")
        #expect(!screen.contains("no such theme"), "\(screen)")
        try tmux.send("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func quittingLeavesTheTerminalClean() throws {
        let board = try OpenBoard()
        try board.tmux.send("q")
        #expect(try board.tmux.waitForExit() == 0)
        let screen = try board.tmux.capture()
        #expect(!screen.contains("Northwind Robotics"), "the board is still on screen after quitting:\n\(screen)")
    }

    @Test func theBoardFallsBackToASCIIWithoutAUTF8Locale() throws {
        let board = try OpenBoard(lang: "C")
        let screen = try board.tmux.waitFor(text: "Applied *")
        #expect(!screen.contains("⚡"))
        #expect(screen.contains("|"))
        try board.tmux.send("m")
        try board.tmux.send("Right")
        try board.tmux.send("Enter")
        try board.tmux.waitFor(text: "[c] Cancel")
        try board.tmux.waitFor("the run to finish", timeout: 15) { $0.contains("Done") }
        try board.tmux.send("q")
        #expect(try board.tmux.waitForExit() == 0)
    }

    @Test(arguments: TestStore.allCases) func anotherProcessesMoveShowsWithinASecond(store: TestStore) throws {
        let board = try OpenBoard(store: store)
        let name = try #require(try board.cards(in: "applied").last)
        let moved = try board.cli.run(["move", name, "--to", "interview", "--job", "ios", "--without-actions"])
        #expect(moved.status == 0, "\(moved.errors)")
        // The board looks for changes four times a second; the bound here only
        // guards against a board that never notices (timing is the benchmarks' job).
        try board.tmux.waitFor("the other process's move", timeout: 5) { screen in
            screen.contains("3 Interview ⚡ 4")
        }
        try board.tmux.send("q")
        #expect(try board.tmux.waitForExit() == 0)
    }
}
