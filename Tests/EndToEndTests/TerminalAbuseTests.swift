#if canImport(Glibc)
    import Glibc
#endif
import CNcursesw
import Foundation
import Testing

/// The real board in terminals that make life hard: too dumb to draw, without
/// colour, resized without pause, closed under it; and names that terminals
/// disagree about. Each time the process ends or degrades cleanly and the store
/// keeps every change, delayed emails included.
@Suite struct TerminalAbuseTests {
    typealias OpenBoard = BoardTerminalTests.OpenBoard

    @Test func aTerminalThatCannotMoveTheCursorIsRefusedWithASentence() throws {
        let cli = try StagehandCLI()
        _ = try cli.run(["demo"])
        let before = cli.savedState()
        let tmux = try TmuxSession(
            command: [try BuiltBinary.url("stagehand").path],
            environment: ["TERM": "dumb", "LANG": "C.UTF-8", "STAGEHAND_STATE": cli.statePath, "HOME": cli.scratch.url.path])
        #expect(try tmux.waitForExit() == 2)
        // Joined, the wrapped sentence reads as the program wrote it.
        let screen = try tmux.captureWithHistory()
        #expect(screen.contains("The terminal type 'dumb' cannot move the cursor, so the board cannot be drawn"), "\(screen)")
        #expect(cli.savedState() == before)
    }

    @Test(arguments: ["vt100", "xterm"])
    func oldAndEightColourTerminalsShowAWorkingBoard(term: String) throws {
        let board = try OpenBoard(term: term)
        try board.tmux.send("m", "Right", "Enter")
        try board.tmux.waitFor("the run to finish", timeout: 15) { $0.contains("Done") }
        try board.tmux.send("q")
        #expect(try board.tmux.waitForExit() == 0)
        #expect(try board.cards(in: "phone-screen").count == 5)
    }

    @Test(arguments: TestStore.allCases) func resizingWithoutPauseWhileActionsRunLosesNothing(store: TestStore) throws {
        let board = try OpenBoard(store: store)
        let before = try board.cards(in: "interview")
        // Carried to Interview, whose actions include an email an hour after entry.
        try board.tmux.send("m", "Right", "Right", "Enter")
        let sizes = [(60, 20), (200, 60), (30, 8), (120, 35), (81, 24), (250, 80), (40, 12), (133, 41)]
        for round in 0..<60 {
            let (width, height) = sizes[round % sizes.count]
            try board.tmux.resize(width: width, height: height)
        }
        try board.tmux.resize(width: 120, height: 35)
        try board.tmux.waitFor("the run to finish at the last size", timeout: 15) { $0.contains("Done") && $0.contains("3 Interview ⚡ 4") }
        try board.tmux.send("q")
        #expect(try board.tmux.waitForExit() == 0)
        try expectIntactWithADelayedEmail(board, interviewBefore: before)
    }

    @Test(arguments: TestStore.allCases) func aClosedTerminalEndsTheBoardAndKeepsTheDelayedEmail(store: TestStore) throws {
        let board = try OpenBoard(store: store)
        let before = try board.cards(in: "interview")
        let shell = try board.tmux.panePID()
        try board.tmux.send("m", "Right", "Right", "Enter")
        try board.tmux.waitFor(text: "[c] Cancel")
        let processes = try descendants(of: shell)
        try board.tmux.closeTerminal()
        let deadline = Date().addingTimeInterval(15)
        while processes.contains(where: { kill($0, 0) == 0 }), Date() < deadline { usleep(20_000) }
        #expect(!processes.contains { kill($0, 0) == 0 }, "the board outlived its terminal")
        try expectIntactWithADelayedEmail(board, interviewBefore: before)
    }

    /// The signal alone, the terminal still open, and twice, as a closing terminal
    /// sends it: the board must not take the runs the user did not cancel with it.
    @Test func aHangupSignalEndsTheBoardAndKeepsTheDelayedEmail() throws {
        let board = try OpenBoard()
        let before = try board.cards(in: "interview")
        let pane = try board.tmux.panePID()
        try board.tmux.send("m", "Right", "Right", "Enter")
        try board.tmux.waitFor(text: "[c] Cancel")
        let processes = [pane] + (try descendants(of: pane))
        for process in processes {
            kill(process, SIGHUP)
            kill(process, SIGHUP)
        }
        let deadline = Date().addingTimeInterval(15)
        while processes.contains(where: { kill($0, 0) == 0 }), Date() < deadline { usleep(20_000) }
        #expect(!processes.contains { kill($0, 0) == 0 }, "the board outlived the signal")
        try expectIntactWithADelayedEmail(board, interviewBefore: before)
    }

    @Test func namesTerminalsDisagreeAboutKeepEveryColumnInPlace() throws {
        let names = [
            "Ana 👨‍👩‍👧 Family", "Flag 🇺🇸 Tester", "Skin 👍🏽 Tone", "Zalgo Z̵̡̢a̷l̸g̶o̴", "עברית שלום", "مرحبا بك", "漢字 名前",
            "e\u{301}clair", "Tab\tEsc\u{1B}[31mRed", "\u{202E}reversed", "Wide ｆｕｌｌ ０", "Keycap 1️⃣ ❤️",
        ]
        let board = try OpenBoard(width: 200, height: 80) { cli in
            for (index, name) in names.enumerated() {
                let applied = try cli.run(["apply", "--job", "ios", "--name", name, "--email", "odd\(index)@example.com"])
                guard applied.status == 0 else { throw TmuxSession.Failure(description: "apply \(name): \(applied.errors)") }
            }
        }
        let screen = try board.tmux.waitFor(text: "Keycap")
        let rows = screen.components(separatedBy: "\n").dropFirst().prefix { !$0.contains("? help  q quit") }
        let header = try #require(rows.first)
        let separators = columns(of: "│", in: header)
        #expect(separators.count == 6, "\(header)")
        for row in rows where !row.trimmingCharacters(in: .whitespaces).isEmpty {
            #expect(Array(columns(of: "│", in: row).prefix(separators.count)) == separators, "misaligned: \(row)")
        }
        try board.tmux.send("q")
        #expect(try board.tmux.waitForExit() == 0)
    }

    /// The display columns where `glyph` stands in `line`, counted as the C
    /// library's `wcwidth` (which tmux uses) counts them.
    private func columns(of glyph: Character, in line: String) -> [Int] {
        let utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil)
        let previous = uselocale(utf8)
        defer {
            uselocale(previous)
            freelocale(utf8)
        }
        var column = 0
        var found: [Int] = []
        for character in line {
            if character == glyph { found.append(column) }
            for scalar in character.unicodeScalars { column += max(0, Int(stagehand_wcwidth(wchar_t(bitPattern: scalar.value)))) }
        }
        return found
    }

    /// The state file passes `check`, the carried candidate is in Interview, and
    /// the email an hour after entry is waiting for them.
    private func expectIntactWithADelayedEmail(_ board: OpenBoard, interviewBefore: [String]) throws {
        let check = try board.cli.run(["check"])
        #expect(check.status == 0 && check.output.contains("OK"), "\(check.output)\(check.errors)")
        let moved = try board.cards(in: "interview").filter { !interviewBefore.contains($0) }
        try #require(moved.count == 1, "\(moved)")
        let emails = try board.cli.json(["show", moved[0]])["emails"] as? [[String: Any]] ?? []
        #expect(emails.contains { $0["status"] as? String == "scheduled" && ($0["subject"] as? String ?? "").contains("nterview") }, "\(emails)")
    }

    /// Every process below `parent`, found through /proc.
    private func descendants(of parent: pid_t) throws -> [pid_t] {
        var found: [pid_t] = []
        var frontier = [parent]
        while let next = frontier.popLast() {
            let children = (try? String(contentsOfFile: "/proc/\(next)/task/\(next)/children", encoding: .utf8)) ?? ""
            let pids = children.split(separator: " ").compactMap { pid_t($0) }
            found += pids
            frontier += pids
        }
        return found
    }
}
