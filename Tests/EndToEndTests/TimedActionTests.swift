import Foundation
import Testing

/// Issue 18 with the real binaries: a stage whose actions wait two days, run by
/// `dispatch` once their time has come, once, and never for someone who moved on.
@Suite struct TimedActionEndToEndTests {
    /// The sample with "after 2 days: email from Ana + tag stale" on the iOS job's
    /// Hired stage; Peter Schmidt moved there, Zoë Müller moved there and on.
    func workspace(_ store: TestStore) throws -> StagehandCLI {
        let cli = try StagehandCLI(store)
        #expect(try cli.run(["demo"]).status == 0)
        #expect(try cli.run(["mail", "set", "outbox", "--folder", cli.scratch.outbox.path]).status == 0)
        let email = try cli.run(["automations", "add", "--job", "ios", "--stage", "Hired", "--after", "2d", "--email", "Thanks", "--sender", "ana"])
        #expect(email.status == 0 && email.output.contains("After 2 days in the stage: Email"), "\(email.errors)\(email.output)")
        let tag = try cli.run(["automations", "add", "--job", "ios", "--stage", "Hired", "--after", "2d", "--tags", "stale"])
        #expect(tag.status == 0, "\(tag.errors)")
        #expect(try cli.run(["board", "--job", "ios"]).output.contains("Hired ⚡ ⏱"), "the printed board marks the stage too")
        let listed = try cli.run(["automations", "list", "--job", "ios", "--stage", "Hired"])
        #expect(listed.output.contains("Hired [hired] ⚡ ⏱") && listed.output.contains("2. ⏱ After 2 days in the stage: Tag stale"), "\(listed.output)")

        let moved = try cli.run(["move", "Peter Schmidt", "Zoë Müller", "--job", "ios", "--to", "Hired", "--run-actions"])
        #expect(moved.status == 0 && moved.output.contains("⏱ Tag stale: waits until 2026-11-27 09:00"), "\(moved.errors)\(moved.output)")
        let onward = try cli.run(["move", "Zoë Müller", "--job", "ios", "--to", "Offer", "--without-actions"], now: "2026-11-26T09:00:00Z")
        #expect(onward.status == 0 && onward.output.contains("Cancelled for Zoë Müller: Tag stale"), "\(onward.errors)\(onward.output)")
        return cli
    }

    /// The messages in the outbox to Peter Schmidt (the sample has other delayed emails falling due meanwhile).
    func outbox(_ cli: StagehandCLI) -> [String] {
        let folder = cli.scratch.outbox
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { name in
            name.hasSuffix(".eml")
                && ((try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "").contains("peter.schmidt@example.com")
        }
    }

    func tags(_ name: String, _ cli: StagehandCLI) throws -> [String] {
        try cli.json(["show", name])["tags"] as? [String] ?? []
    }

    @Test(arguments: TestStore.allCases) func dispatchRunsThemOnceWhenTheirTimeHasComeAndNeverForWhoMovedOn(store: TestStore) throws {
        let cli = try workspace(store)
        let before = outbox(cli).count
        let scheduled = try cli.json(["scheduled"])["timedActions"] as? [[String: Any]] ?? []
        #expect(scheduled.map { $0["candidateName"] as? String } == ["Peter Schmidt", "Peter Schmidt"], "\(scheduled)")
        #expect(try cli.run(["check"]).output.contains("2 timed actions waiting"))
        #expect(try cli.json(["show", "Peter Schmidt"])["timedActions"].map { ($0 as? [Any])?.count } == 2)

        let early = try cli.run(["dispatch"], now: "2026-11-26T09:00:00Z")
        #expect(early.status == 0 && !early.output.contains("Ran"), "\(early.output)")
        #expect(outbox(cli).count == before)
        #expect(try !tags("Peter Schmidt", cli).contains("stale"))

        let due = try cli.run(["dispatch"], now: "2026-11-27T09:00:00Z")
        #expect(due.status == 0, "\(due.errors)")
        #expect(due.output.contains("Ran Tag stale for Peter Schmidt"), "\(due.output)")
        #expect(due.output.contains(", 2 timed actions run."), "the count says what ran: \(due.output)")
        #expect(outbox(cli).count == before + 1, "the nudge went out once")
        #expect(try tags("Peter Schmidt", cli).contains("stale"))

        let second = try cli.run(["dispatch"], now: "2026-11-27T09:05:00Z")
        #expect(!second.output.contains("Ran") && second.output.contains("Sent 0"), "a second dispatcher has nothing to do: \(second.output)")
        #expect(outbox(cli).count == before + 1)
        #expect(try !tags("Zoë Müller", cli).contains("stale"), "she moved on before her time")
        #expect((try cli.json(["scheduled"])["timedActions"] as? [Any])?.isEmpty == true)
    }

    @Test(arguments: TestStore.allCases) func scheduledRunsOneNowOrCancelsIt(store: TestStore) throws {
        let cli = try workspace(store)
        let listed = try cli.run(["scheduled"])
        #expect(listed.output.contains("Timed actions waiting (2)"), "\(listed.output)")
        let ids = (try cli.json(["scheduled"])["timedActions"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        try #require(ids.count == 2)
        let tagRun = try #require((try cli.json(["scheduled"])["timedActions"] as? [[String: Any]])?.first { $0["kind"] as? String == "addTags" }?["id"] as? String)
        let emailRun = try #require(ids.first { $0 != tagRun })
        let ran = try cli.run(["scheduled", "send-now", tagRun])
        #expect(ran.status == 0 && ran.output.contains("Ran now: Tag stale for Peter Schmidt"), "\(ran.errors)\(ran.output)")
        #expect(try tags("Peter Schmidt", cli).contains("stale"))
        let cancelled = try cli.run(["scheduled", "cancel", emailRun])
        #expect(cancelled.status == 0 && cancelled.output.contains("Cancelled Email 'Thanks"), "\(cancelled.errors)\(cancelled.output)")
        let again = try cli.run(["scheduled", "cancel", emailRun])
        #expect(again.status != 0 && again.errors.contains("Email 'Thanks") && again.errors.contains("for Peter Schmidt was already cancelled: nothing to do."), "\(again.errors)")
        let ranAgain = try cli.run(["scheduled", "send-now", tagRun])
        #expect(ranAgain.status != 0 && ranAgain.errors.contains("Tag stale for Peter Schmidt already ran: nothing to do."), "\(ranAgain.errors)")
        let before = outbox(cli).count
        _ = try cli.run(["dispatch"], now: "2026-11-28T09:00:00Z")
        #expect(outbox(cli).count == before, "a cancelled one never runs")
    }

    @Test(arguments: TestStore.allCases) func theBoardShowsTheTimerAndWhenPetersNextOneFallsDue(store: TestStore) throws {
        let board = try BoardTerminalTests.OpenBoard(reusing: try workspace(store))
        try board.tmux.send("7")
        try board.tmux.waitFor("the Hired column with its timer") { $0.contains("Hired ⚡ ⏱ 2") }
        let screen = try board.tmux.waitFor(text: "⏱2d")
        #expect(screen.contains("Peter Schmidt"))
        try board.tmux.send("s")
        try board.tmux.waitFor(text: "⏱ Tag stale")
        try board.tmux.send("Escape", "q")
        #expect(try board.tmux.waitForExit() == 0)
    }

    @Test func aTimedEmailWithoutASenderIsRefusedAndNothingChanges() throws {
        let cli = try StagehandCLI()
        #expect(try cli.run(["demo"]).status == 0)
        let before = cli.savedState()
        let refused = try cli.run(["automations", "add", "--job", "ios", "--stage", "Hired", "--after", "2d", "--email", "Thanks"])
        #expect(refused.status != 0 && refused.errors.contains("choose a team member to send the email"), "\(refused.errors)")
        let badTime = try cli.run(["automations", "add", "--job", "ios", "--stage", "Hired", "--after", "2x", "--tags", "stale"])
        #expect(badTime.status != 0 && badTime.errors.contains("'2x'"), "\(badTime.errors)")
        let noTime = try cli.run(["automations", "add", "--job", "ios", "--stage", "Hired", "--after", " ", "--tags", "stale"])
        #expect(noTime.status == 64 && noTime.errors.contains("--after needs a time"), "\(noTime.errors)")
        let unknown = try cli.run(["scheduled", "send-now", "run-999999"])
        #expect(unknown.status != 0 && unknown.errors.contains("Nothing waiting is listed as 'run-999999'"), "\(unknown.errors)")
        #expect(cli.savedState() == before)
    }
}
