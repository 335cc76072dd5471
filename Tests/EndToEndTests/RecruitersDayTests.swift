import Foundation
import Testing

/// A recruiter's day with the real binaries: the board in tmux as Ana, Ben and Dev
/// on one workspace, and the command line, on a state file and on PostgreSQL.
@Suite struct RecruitersDayEndToEndTests {
    typealias OpenBoard = BoardTerminalTests.OpenBoard

    @Test(arguments: TestStore.allCases) func benMarksTheTaskAMoveGaveHimDoneAndItLeavesHisList(store: TestStore) throws {
        let cli = try StagehandCLI(store)
        try #require(try cli.run(["demo"]).status == 0)
        let moved = try cli.run(["move", "Peter Schmidt", "--to", "Phone screen", "--job", "ios"])
        try #require(moved.status == 0, "\(moved.errors)")
        let ben = try OpenBoard(arguments: ["--as", "ben"], reusing: cli)
        try ben.tmux.send("i")
        try ben.tmux.waitFor(text: "Hold the phone screen — Peter Schmidt")
        let tasks = try cli.run(["tasks", "--assignee", "ben", "--json"]).json as? [[String: Any]] ?? []
        let peters = try #require(tasks.firstIndex { ($0["candidate"] as? [String: Any])?["name"] as? String == "Peter Schmidt" })
        try ben.tmux.send(contentsOf: Array(repeating: "Down", count: peters))
        try ben.tmux.send("Space")
        try ben.tmux.waitFor("Peter's task to leave the list") { !$0.contains("Hold the phone screen — Peter Schmidt") }
        let profile = try cli.json(["show", "Peter Schmidt"])
        let task = (profile["tasks"] as? [[String: Any]] ?? []).first { $0["title"] as? String == "Hold the phone screen" }
        #expect(task?["done"] as? Bool == true && task?["doneAt"] != nil)
        try ben.tmux.send("Escape", "q")
        #expect(try ben.tmux.waitForExit() == 0)
    }

    @Test(arguments: TestStore.allCases) func devAnswersHisEvaluationRequestAndTheProfileShowsIt(store: TestStore) throws {
        let dev = try OpenBoard(arguments: ["--as", "dev"], store: store)
        try dev.tmux.send("i")
        let screen = try dev.tmux.waitFor(text: "Evaluations asked of me")
        let requests = screen.components(separatedBy: "\n").drop { !$0.contains("Evaluations asked of me") }.dropFirst()
        let first = try #require(requests.first).trimmingCharacters(in: CharacterSet(charactersIn: " >⚡"))
        let name = try #require(first.components(separatedBy: " for ").first)
        // The cursor starts on the first task, or on the first request when there is none.
        let tasks = screen.components(separatedBy: "\n").filter { $0.contains("[ ]") }.count
        try dev.tmux.send(contentsOf: Array(repeating: "Down", count: tasks == 0 ? 0 : tasks + 2))
        try dev.tmux.send("v")
        try dev.tmux.waitFor(text: "Evaluate \(name)")
        try dev.tmux.send("Right", "Right", "Tab")
        try dev.tmux.type("Explains trade-offs well.")
        try dev.tmux.send("C-s")
        try dev.tmux.waitFor(text: "Evaluated \(name)")
        let profile = try dev.cli.json(["show", name])
        let evaluation = (profile["evaluationRequests"] as? [[String: Any]] ?? []).first { $0["evaluator"] as? String == "dev" && $0["status"] as? String == "submitted" }
        #expect(evaluation?["rating"] as? Int == 4 && evaluation?["comment"] as? String == "Explains trade-offs well.")
        try dev.tmux.send("Escape", "q")
        #expect(try dev.tmux.waitForExit() == 0)
    }

    @Test(arguments: TestStore.allCases) func aCardAddedOnTheBoardFiresTheFirstStagesActions(store: TestStore) throws {
        let board = try OpenBoard(store: store)
        let emails = board.outboxCount()
        try board.tmux.send("n")
        try board.tmux.waitFor(text: "New candidate for Senior iOS Engineer")
        try board.tmux.type("Nadia Haddad")
        try board.tmux.send("Tab")
        try board.tmux.type("nadia@example.com")
        try board.tmux.send("C-s")
        try board.tmux.waitFor(text: "⚡ Nadia Haddad")
        try board.tmux.waitFor("the first stage's actions", timeout: 15) { $0.contains("Done") }
        #expect(board.outboxCount() == emails + 1, "the first stage's email went out")
        let profile = try board.profile("Nadia Haddad")
        #expect((profile["placements"] as? [[String: Any]])?.first?["stage"] as? String == "applied")
        try board.tmux.send("q")
        #expect(try board.tmux.waitForExit() == 0)
    }

    @Test(arguments: TestStore.allCases) func aReinstatedCandidateIsBackInTheirStageAndNoActionRuns(store: TestStore) throws {
        let board = try OpenBoard(store: store)
        let before = try board.profile("Tomás Herrera")
        let entries = (before["timeline"] as? [[String: Any]] ?? []).count
        try board.tmux.send("g")
        try board.tmux.send(contentsOf: ["Down", "Down", "Down"])
        try board.tmux.send("d")
        try board.tmux.waitFor(text: "Tomás Herrera is disqualified from Senior iOS Engineer already")
        try board.tmux.send("y")
        try board.tmux.waitFor(text: "Reinstated Tomás Herrera")
        let after = try board.profile("Tomás Herrera")
        let placement = (after["placements"] as? [[String: Any]] ?? []).first { $0["job"] as? String == "ios" }
        #expect(placement?["disqualification"] == nil && placement?["stage"] as? String == "applied")
        let new = (after["timeline"] as? [[String: Any]] ?? []).dropFirst(entries)
        #expect(new.map { $0["kind"] as? String } .contains("reinstated"))
        #expect(new.allSatisfy { $0["kind"] as? String == "reinstated" || $0["kind"] as? String == "actionsCancelled" }, "no action ran: \(new)")
        #expect(!(try board.tmux.capture()).contains("Tomás Herrera (dq)"))
        try board.tmux.send("q")
        #expect(try board.tmux.waitForExit() == 0)
    }

    @Test(arguments: TestStore.allCases) func theCommandLineFinishesTheSameWork(store: TestStore) throws {
        let cli = try StagehandCLI(store)
        try #require(try cli.run(["demo"]).status == 0)
        let added = try cli.run(["tasks", "add", "Zoë Müller", "--title", "Call about relocation", "--due", "2d", "--as", "ben"])
        #expect(added.status == 0 && added.output.contains("Added the task 'Call about relocation' (Zoë Müller) [task-"), "\(added.errors)")
        let id = try #require(added.output.components(separatedBy: "[").last?.components(separatedBy: "]").first)
        let refused = try cli.run(["tasks", "done", id, "--as", "dev"])
        #expect(refused.status == 3 && refused.errors.contains("that needs the permission for moving candidates"))
        #expect(try cli.run(["tasks", "edit", id, "--due", "2026-12-01", "--as", "ben"]).status == 0)
        #expect(try cli.run(["tasks", "done", id, "--as", "ben"]).status == 0)
        let listed = try cli.run(["tasks", "--all", "--json", "--assignee", "ben"]).json as? [[String: Any]] ?? []
        let entry = try #require(listed.first { $0["id"] as? String == id })
        #expect(entry["done"] as? Bool == true && (entry["candidate"] as? [String: Any])?["name"] as? String == "Zoë Müller")
        #expect((entry["due"] as? String)?.hasPrefix("2026-12-01") == true)

        #expect(try cli.run(["evaluate", "Zoë Müller", "--rating", "5", "--comment", "Ship it.", "--as", "dev"]).status == 0)
        let unrated = try cli.run(["evaluate", "Zoë Müller", "--rating", "9", "--as", "dev"])
        #expect(unrated.status == 64 && unrated.errors.contains("A rating is 1 to 5"))
        #expect(try cli.run(["note", "Zoë Müller", "Prefers mornings."]).status == 0)
        let badTag = try cli.run(["tag", "Zoë Müller", "--add", "two words"])
        #expect(badTag.status == 1 && badTag.errors.contains("a tag is one word"))
        #expect(try cli.run(["tag", "Zoë Müller", "--add", "relocation", "--remove", "swift"]).status == 0)
        #expect(try cli.run(["follow", "Zoë Müller", "--as", "ben"]).status == 0)
        #expect(try cli.run(["edit", "Zoë Müller", "--email", "zoe@new.example", "--do-not-email"]).status == 0)
        let profile = try cli.json(["show", "Zoë Müller"])
        #expect(profile["email"] as? String == "zoe@new.example" && profile["doNotEmail"] as? Bool == true)
        #expect((profile["tags"] as? [String])?.contains("relocation") == true && (profile["tags"] as? [String])?.contains("swift") == false)
        #expect((profile["followers"] as? [String])?.contains("ben") == true)
        let evaluation = (profile["evaluationRequests"] as? [[String: Any]] ?? []).first { $0["evaluator"] as? String == "dev" }
        #expect(evaluation?["rating"] as? Int == 5 && evaluation?["status"] as? String == "submitted" && evaluation?["automatic"] as? Bool == false)
        let note = (profile["timeline"] as? [[String: Any]] ?? []).last { $0["kind"] as? String == "note" }
        #expect(note?["text"] as? String == "Prefers mornings." && note?["author"] as? String != nil)

        #expect(try cli.run(["disqualify", "Zoë Müller", "--reason", "Withdrew"]).status == 0)
        let reinstated = try cli.run(["reinstate", "Zoë Müller"])
        #expect(reinstated.status == 0 && reinstated.output.contains("no actions ran"), "\(reinstated.errors)")
        let again = try cli.run(["reinstate", "Zoë Müller"])
        #expect(again.status == 1 && again.errors.contains("is not disqualified"))
    }
}
