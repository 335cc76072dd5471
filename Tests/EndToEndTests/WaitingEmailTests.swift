import Foundation
import Testing

/// A move whose email this process cannot send (the password variable is not
/// set here) says that the email waits, and why, rather than "running".
@Suite struct WaitingEmailTests {
    /// The sample workspace sending through a server whose password this process lacks.
    func workspaceWithoutPassword(_ store: TestStore) throws -> StagehandCLI {
        let cli = try StagehandCLI(store)
        #expect(try cli.run(["demo"]).status == 0)
        _ = try cli.run(["mail", "set", "smtp", "--host", "127.0.0.1", "--port", "9", "--user", "jobs", "--password-env", "STAGEHAND_TEST_UNSET_PASSWORD"])
        return cli
    }

    @Test(arguments: TestStore.allCases) func aMoveWhoseEmailWaitsForAPasswordSaysSo(store: TestStore) throws {
        let cli = try workspaceWithoutPassword(store)
        let moved = try cli.run(["move", "Peter Schmidt", "--job", "ios", "--to", "Phone screen"])
        #expect(moved.status == 0, "the move happened: \(moved.errors)")
        let line = try #require(moved.output.split(separator: "\n").first { $0.contains("Email '") }, "\(moved.output)")
        #expect(line.contains(": waiting — not sent yet: ") && line.contains("STAGEHAND_TEST_UNSET_PASSWORD"), "\(line)")
        #expect(!line.contains("running"))
        #expect(line.contains("it goes out from the next board or dispatch that can send mail"))
    }

    @Test(arguments: TestStore.allCases) func itsJSONSaysWaitingWithTheReason(store: TestStore) throws {
        let cli = try workspaceWithoutPassword(store)
        let json = try cli.json(["move", "Peter Schmidt", "--job", "ios", "--to", "Phone screen", "--json"])
        let email = try #require((json["ran"] as? [[String: Any]])?.first { $0["kind"] as? String == "sendEmail" })
        #expect(email["state"] as? String == "waiting")
        #expect((email["reason"] as? String)?.contains("STAGEHAND_TEST_UNSET_PASSWORD") == true)
    }
}

/// `stagehand scheduled` lists an email waiting for its next attempt with that
/// attempt whole, in a terminal or a file alike.
@Suite struct ScheduledListingTests {
    @Test(arguments: TestStore.allCases) func anEmailWaitingToBeTriedAgainShowsItsAttemptUncut(store: TestStore) throws {
        let cli = try StagehandCLI(store)
        #expect(try cli.run(["demo"]).status == 0)
        // Nothing listens on port 9 of this machine: the first attempt fails for a while, not for good.
        _ = try cli.run(["mail", "set", "smtp", "--host", "127.0.0.1", "--port", "9", "--security", "none", "--no-login"])
        let moved = try cli.run(["move", "Peter Schmidt", "--job", "ios", "--to", "Phone screen"])
        #expect(moved.status == 0, "\(moved.errors)")
        let listed = try cli.run(["scheduled"])
        let line = try #require(listed.output.split(separator: "\n").first { $0.contains("(attempt") }, "\(listed.output)")
        #expect(line.contains("(attempt 2 of 5)"), "\(line)")
    }
}
