import Foundation
import Testing

/// Issue 4's promise, typed into the real board: an admin gives an empty stage a
/// delayed email and a task, ⚡ appears (on another open board too), a move runs
/// both — and a hiring manager sees the same editor read-only and changes nothing.
@Suite struct EditingOnTheBoardTests {
    typealias OpenBoard = BoardTerminalTests.OpenBoard

    @Test(arguments: TestStore.allCases) func anAdminGivesAnEmptyStageADelayedEmailAndATaskThatAMoveThenRuns(store: TestStore) throws {
        let board = try OpenBoard(store: store)
        let manager = try TmuxSession(
            command: [try BuiltBinary.url("stagehand").path, "--as", "dev"], environment: board.environment)
        try manager.waitFor(text: "Dev Patel (Hiring manager)")
        try manager.send("7")
        try manager.waitFor("Hired without ⚡") { $0.contains("Hired") && !$0.contains("Hired ⚡") }

        try board.tmux.send("7")
        try board.tmux.send("a")
        try board.tmux.waitFor(text: "No automatic actions yet")

        // A new email template, sent 90 minutes after entry.
        try board.tmux.send("n")
        try board.tmux.waitFor(text: "New action for Hired (Senior iOS Engineer)")
        try board.tmux.send("Tab")
        try board.tmux.send("Left")
        try board.tmux.waitFor(text: "‹ New template ›")
        try board.tmux.send("Tab")
        try board.tmux.type("Welcome aboard")
        try board.tmux.send("Tab")
        try board.tmux.type("Welcome to {{company.name}}, {{candidate.first_name}}")
        try board.tmux.send("Tab")
        try board.tmux.type("We are glad you said yes.")
        try board.tmux.send("Tab", "Tab")
        try board.tmux.type("90x")
        try board.tmux.waitFor(text: "'90x' is not a duration")
        try board.tmux.send("Enter")
        try board.tmux.waitFor(text: "Not saved")
        try board.tmux.send("BSpace")
        try board.tmux.type("m")
        try board.tmux.waitFor(text: "90 minutes after entry")
        try board.tmux.waitFor(text: "Subject: Welcome to Northwind Robotics,")
        try board.tmux.send("Enter")
        try board.tmux.waitFor(text: "1. ⚡ Email 'Welcome aboard' from the mover, 90 minutes after entry")

        // A task for Ben, his name completed with Tab.
        try board.tmux.send("n")
        try board.tmux.send("Right", "Right")
        try board.tmux.waitFor(text: "Task title")
        try board.tmux.send("Tab")
        // Typed out of order, through the real terminal's Home and ← keys.
        try board.tmux.type("first dy")
        try board.tmux.send("Left")
        try board.tmux.type("a")
        try board.tmux.send("Home")
        try board.tmux.type("Prepare the ")
        try board.tmux.waitFor(text: "Prepare the first day")
        try board.tmux.send("Tab")
        try board.tmux.type("ben")
        try board.tmux.waitFor(text: "Tab: Ben Okafor")
        try board.tmux.send("Tab")
        try board.tmux.waitFor(text: "Ben Okafor_")
        try board.tmux.send("Enter")
        try board.tmux.waitFor(text: "2. ⚡ Task 'Prepare the first day' for Ben Okafor, due 3 days after the move")

        try board.tmux.send("Escape")
        try board.tmux.waitFor(text: "Hired ⚡")
        try manager.waitFor(text: "Hired ⚡", timeout: 2)

        // The move runs both: the task at once, the email waits 90 minutes.
        let name = try #require(try board.cards(in: "offer").first)
        try board.tmux.send("6")
        try board.tmux.send("L")
        try board.tmux.waitFor("the run to finish", timeout: 15) { $0.contains("Done") }
        let profile = try board.profile(name)
        let tasks = profile["tasks"] as? [[String: Any]] ?? []
        #expect(tasks.contains { $0["title"] as? String == "Prepare the first day" })
        let emails = profile["emails"] as? [[String: Any]] ?? []
        let welcome = try #require(emails.first { ($0["subject"] as? String)?.hasPrefix("Welcome to Northwind Robotics") == true })
        #expect(welcome["status"] as? String == "scheduled")
        let placements = profile["placements"] as? [[String: Any]] ?? []
        let hired = try #require(placements.first { $0["stage"] as? String == "hired" })
        let entered = try #require((hired["enteredAt"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) })
        let due = try #require((welcome["dueAt"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) })
        #expect(due.timeIntervalSince(entered) == 90 * 60)

        // The hiring manager's editor is read-only and refuses changes with the same line.
        let before = board.cli.savedState()
        try manager.send("a")
        try manager.waitFor(text: "Read-only: changing this needs the permissions for managing automations and editing jobs.")
        try manager.waitFor(text: "1. ⚡ Email 'Welcome aboard'")
        try manager.send("x")
        try manager.send("n")
        try manager.send("K")
        #expect(!(try manager.capture()).contains("New action for"))
        try manager.send("Escape")
        try manager.send("p")
        try manager.waitFor(text: "Pipeline of Senior iOS Engineer")
        try manager.send("n")
        try manager.waitFor(text: "Read-only: changing this needs")
        #expect(board.cli.savedState() == before)

        try manager.send("Escape", "q")
        #expect(try manager.waitForExit() == 0)
        try board.tmux.send("q")
        #expect(try board.tmux.waitForExit() == 0)
    }
}
