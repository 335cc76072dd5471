#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import Testing

/// Issue 17, first part: the command line and the board on PostgreSQL, against a
/// real cluster started for each test. Same commands, same answers as on a file.
@Suite struct DatabaseStoreTests {
    /// A migrated database holding the sample workspace, and a CLI pointed at it.
    func sampleInDatabase(_ cluster: PostgresCluster) throws -> StagehandCLI {
        var cli = try StagehandCLI()
        cli.store = try cluster.database()
        let migrated = try cli.run(["migrate"])
        #expect(migrated.status == 0 && migrated.output.contains("applied schema 1, 2, 3"), "\(migrated.errors)\(migrated.output)")
        let again = try cli.run(["migrate"])
        #expect(again.status == 0 && again.output.contains("is up to date"), "migrate is safe to run again")
        let demo = try cli.run(["demo"])
        #expect(demo.status == 0, "\(demo.errors)")
        // The outbox in the test's scratch folder, not in the default data folder.
        #expect(try cli.run(["mail", "set", "outbox", "--folder", cli.scratch.outbox.path]).status == 0)
        return cli
    }

    /// The real board in tmux on the CLI's database.
    func openBoard(_ cli: StagehandCLI) throws -> TmuxSession {
        try TmuxSession(
            command: [try BuiltBinary.url("stagehand").path, "--state", cli.store ?? ""], width: 120, height: 35,
            environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": cli.scratch.url.path, "PATH": "/usr/bin:/bin"])
    }

    /// JSON with its keys sorted, so that two answers compare as text.
    func canonical(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func commandsWorkOnADatabaseAsOnAFile() throws {
        let cluster = try PostgresCluster()
        let cli = try sampleInDatabase(cluster)
        // Written by the Stagehand before this one: read as it is, and marked this version by the first change.
        try cluster.sql("UPDATE stagehand_workspaces SET document_version = 4")
        let moved = try cli.run(["move", "Peter Schmidt", "--job", "ios", "--to", "Phone screen"])
        #expect(try cluster.query("SELECT document_version FROM stagehand_workspaces").trimmingCharacters(in: .whitespacesAndNewlines) == "5")
        #expect(moved.status == 0, "\(moved.errors)")
        #expect(moved.output.contains("Moved Peter Schmidt"))
        let profile = try cli.json(["show", "Peter Schmidt"])
        let placements = profile["placements"] as? [[String: Any]] ?? []
        #expect(placements.contains { $0["stage"] as? String == "Phone screen" || $0["stageName"] as? String == "Phone screen" || "\($0)".contains("Phone screen") })
        #expect((profile["tasks"] as? [[String: Any]])?.contains { $0["title"] as? String == "Hold the phone screen" } == true, "the stage's task ran")
        let check = try cli.run(["check"])
        #expect(check.status == 0 && check.output.contains("schema 5, OK"), "\(check.output)")
        #expect(check.output.contains("0 timed actions waiting") && !check.output.contains("journal"), "a database has no journal: \(check.output)")
        #expect(!check.output.contains("password"))
    }

    @Test func aWorkspaceCopiesIntoADatabaseAndBackOutWithoutOverwritingAnything() throws {
        let cluster = try PostgresCluster()
        let file = try StagehandCLI()
        #expect(try file.run(["demo"]).status == 0)
        _ = try file.run(["move", "Peter Schmidt", "--job", "ios", "--to", "Phone screen"])
        let uri = try cluster.database()
        var db = try StagehandCLI()
        db.store = uri
        #expect(try db.run(["migrate"]).status == 0)
        let copied = try file.run(["copy", "--from", file.statePath, "--to", uri])
        #expect(copied.status == 0 && copied.output.contains("Copied 50 candidates and 3 jobs"), "\(copied.errors)\(copied.output)")
        #expect(try canonical(db.json(["show", "Peter Schmidt"])) == canonical(file.json(["show", "Peter Schmidt"])), "the same candidate, word for word")
        let again = try file.run(["copy", "--from", file.statePath, "--to", uri])
        #expect(again.status == 73 && again.errors.contains("already holds a workspace"), "\(again.errors)")

        let back = try StagehandCLI()
        let out = try back.run(["copy", "--from", uri, "--to", back.statePath])
        #expect(out.status == 0, "\(out.errors)")
        #expect(try canonical(back.json(["board", "--job", "ios"])) == canonical(file.json(["board", "--job", "ios"])))
        let onto = try back.run(["copy", "--from", uri, "--to", back.statePath])
        #expect(onto.status == 73, "an existing file is not overwritten: \(onto.errors)")
        #expect(onto.errors.contains("already holds a workspace") && !onto.errors.contains("--force"), "copy has no --force to offer: \(onto.errors)")
    }

    @Test func writersOnTwoHostsNeverLoseEachOthersChanges() throws {
        let cluster = try PostgresCluster()
        let cli = try sampleInDatabase(cluster)
        // Two "hosts": processes with working folders of their own and no shared file, one database.
        let hosts = try (0..<2).map { _ in
            var host = try StagehandCLI()
            host.store = cli.store
            return host
        }
        let writers = try hosts.enumerated().flatMap { index, host in
            try (0..<10).map { number in try host.start(["note", "Peter Schmidt", "host \(index) note \(number)", "--job", "ios"]) }
        }
        for writer in writers {
            let result = writer.finish()
            #expect(result.status == 0, "\(result.errors)")
        }
        let timeline = try cli.json(["show", "Peter Schmidt"])["timeline"] as? [[String: Any]] ?? []
        let notes = Set(timeline.compactMap { $0["text"] as? String }.filter { $0.hasPrefix("host ") })
        #expect(notes.count == 20, "every note of both hosts is there: \(notes.sorted())")
    }

    @Test func eachProblemWithTheDatabaseIsOneSentenceWithItsOwnExitCodeAndNoPassword() throws {
        let cluster = try PostgresCluster()
        var cli = try StagehandCLI()
        cli.store = "postgresql://stagehand:sekrit@/nowhere?host=\(cluster.folder.path)&port=1"
        let unreachable = try cli.run(["board"])
        #expect(unreachable.status == 69 && unreachable.errors.contains("Cannot reach the database"), "\(unreachable.errors)")
        #expect(!unreachable.errors.contains("sekrit"), "the password never shows")

        cli.store = try cluster.database()
        let noSchema = try cli.run(["board"])
        #expect(noSchema.status == 78 && noSchema.errors.contains("run 'stagehand migrate --state \"postgresql://"), "quoted for a shell: \(noSchema.errors)")
        #expect(try cli.run(["migrate"]).status == 0)
        let noWorkspace = try cli.run(["board"])
        #expect(noWorkspace.status == 66 && noWorkspace.errors.contains("holds no workspace named default"), "\(noWorkspace.errors)")

        try cluster.sql("UPDATE stagehand_schema SET version = 99")
        let newer = try cli.run(["board"])
        #expect(newer.status == 65 && newer.errors.contains("set up by a newer Stagehand"), "\(newer.errors)")
        let migrate = try cli.run(["migrate"])
        #expect(migrate.status == 65, "migrate refuses a newer database too: \(migrate.errors)")
        try cluster.sql("UPDATE stagehand_schema SET version = 2")

        // A role with a password and no grant on Stagehand's tables.
        try cluster.sql("CREATE ROLE reader LOGIN PASSWORD 'right'")
        try cluster.requirePassword(for: "reader")
        var reader = try StagehandCLI()
        reader.store = cluster.uri("stagehand").replacingOccurrences(of: "stagehand@", with: "reader@")
        let wrong = try reader.run(["board"], environment: ["PGPASSWORD": "wrong-horse"])
        #expect(wrong.status == 77 && wrong.errors.contains("refused the login") && wrong.errors.contains("PGPASSWORD"), "\(wrong.errors)")
        #expect(!wrong.errors.contains("wrong-horse"))
        var stranger = try StagehandCLI()
        stranger.store = cluster.uri("stagehand").replacingOccurrences(of: "stagehand@", with: "nobodyx@")
        let unknownRole = try stranger.run(["board"])
        #expect(unknownRole.status == 77 && unknownRole.errors.contains("refused the login") && unknownRole.errors.contains("check the user"), "\(unknownRole.errors)")
        stranger.store = cluster.uri("no_such_database")
        let noDatabase = try stranger.run(["board"])
        #expect(noDatabase.status == 66 && noDatabase.errors.contains("has no such database"), "the server answered, so not 'cannot reach': \(noDatabase.errors)")
        let none = try reader.run(["board"], environment: ["PGPASSWORD": "", "PGPASSFILE": "/nonexistent"])
        #expect(none.status == 77 && none.errors.contains("refused the login"), "\(none.errors)")
        let denied = try reader.run(["board"], environment: ["PGPASSWORD": "right"])
        #expect(denied.status == 77 && denied.errors.contains("permission denied") && denied.errors.contains("grant"), "\(denied.errors)")
        #expect(denied.errors.split(separator: "\n").count == 1, "one sentence: \(denied.errors)")
    }

    @Test func demoForceKeepsTheWorkspaceItReplacesAsNameDotBak() throws {
        let cluster = try PostgresCluster()
        var cli = try sampleInDatabase(cluster)
        #expect(try cli.run(["note", "Peter Schmidt", "precious note"]).status == 0)
        let replaced = try cli.run(["demo", "--force"])
        #expect(replaced.status == 0 && replaced.output.contains("kept as") && replaced.output.contains("workspace=default.bak"), "\(replaced.output)\(replaced.errors)")
        #expect(try !cli.run(["show", "Peter Schmidt"]).output.contains("precious note"), "the sample is new")
        cli.store = cluster.uri("stagehand", workspace: "default.bak")
        #expect(try cli.run(["show", "Peter Schmidt"]).output.contains("precious note"), "the workspace it replaced is kept whole")
        cli.store = cluster.uri("stagehand")
        #expect(try cli.run(["demo", "--force"]).status == 0)
        let names = try cluster.query("SELECT name FROM stagehand_workspaces ORDER BY name")
        #expect(names.split(separator: "\n") == ["default", "default.bak"], "one backup, replaced, not a backup of the backup: \(names)")
    }

    @Test func dispatchWatchWakesOnAnotherProcesssChangeWithoutPolling() throws {
        let cluster = try PostgresCluster()
        let cli = try sampleInDatabase(cluster)
        let moved = try cli.run(["move", "Isabelle Fournier", "--job", "ios", "--to", "Take-home", "--run-actions"])
        #expect(moved.status == 0, "\(moved.errors)")
        let waiting = try #require((try cli.json(["scheduled"])["waiting"] as? [[String: Any]])?.first { $0["candidate"] as? String != nil })
        let email = try #require(waiting["email"] as? String ?? waiting["id"] as? String)
        func outboxCount() -> Int { ((try? FileManager.default.contentsOfDirectory(atPath: cli.scratch.outbox.path)) ?? []).count }
        let before = outboxCount()
        let watch = try cli.start(["dispatch", "--watch"])
        // Made due behind Stagehand's back, then announced as a change would be: only LISTEN wakes the watcher,
        // whose clock (STAGEHAND_NOW) puts the email days away.
        usleep(500_000)
        try cluster.sql(
            "UPDATE stagehand_workspaces SET revision = revision + 1; "
                + "UPDATE stagehand_emails SET document = jsonb_set(document, '{dueAt}', '\"2000-01-01T00:00:00Z\"'), "
                + "revision = (SELECT revision FROM stagehand_workspaces WHERE name = 'default') WHERE id = '\(email)'; "
                + "SELECT pg_notify('stagehand_changes', 'default');")
        let deadline = Date().addingTimeInterval(10)
        var sent = false
        while !sent, Date() < deadline {
            sent = outboxCount() > before
            if !sent { usleep(50_000) }
        }
        kill(watch.process.processIdentifier, SIGTERM)
        let stopped = watch.finish()
        #expect(sent, "the watcher sent the email once told: \(stopped.errors)\(stopped.output)")
    }

    @Test func twoWorkspacesShareADatabase() throws {
        let cluster = try PostgresCluster()
        let cli = try sampleInDatabase(cluster)
        var other = try StagehandCLI()
        other.store = (cli.store ?? "") + "&workspace=office-b"
        #expect(try other.run(["demo"]).status == 0)
        _ = try other.run(["move", "Peter Schmidt", "--job", "ios", "--to", "Phone screen", "--without-actions"])
        let here = try canonical(cli.json(["show", "Peter Schmidt"]))
        let there = try canonical(other.json(["show", "Peter Schmidt"]))
        #expect(here != there, "a move in one workspace leaves the other as it was")
    }

    @Test func theBoardRunsOnADatabaseAndSeesAnotherHostsMove() throws {
        let cluster = try PostgresCluster()
        let cli = try sampleInDatabase(cluster)
        let board = try openBoard(cli)
        try board.waitFor(text: "3 Interview ⚡ 3")
        let moved = try cli.run(["move", "Peter Schmidt", "--to", "Interview", "--job", "ios", "--without-actions"])
        #expect(moved.status == 0, "\(moved.errors)")
        try board.waitFor("the other host's move", timeout: 5) { $0.contains("3 Interview ⚡ 4") }
        try board.send("q")
        #expect(try board.waitForExit() == 0)
    }

    @Test func stagehandServeServesABoardFromADatabaseAndNoPasswordShowsInPs() throws {
        let cluster = try PostgresCluster()
        let uri = try cluster.database()
        let server = try ServeFixture(keysFor: ["ana"], database: uri)
        let board = try server.openBoard(as: "ana")
        try board.waitFor(text: "Ana Lindqvist (Admin)")
        let moved = try server.cli.run(["move", "Peter Schmidt", "--to", "Interview", "--job", "ios", "--without-actions"])
        #expect(moved.status == 0, "\(moved.errors)")
        try board.waitFor("the move made elsewhere", timeout: 5) { $0.contains("3 Interview ⚡ 4") }
        let session = try #require(server.sessionPIDs.first)
        let arguments = (try? String(contentsOfFile: "/proc/\(session)/cmdline", encoding: .utf8)) ?? ""
        #expect(!arguments.contains("postgresql://"), "the database's URI is not in the board's arguments: \(arguments)")
        try board.send("q")
        #expect(try board.waitForExit() == 0)
    }

    @Test func aBoardThatLosesTheDatabaseSaysSoKeepsTheLastStateAndComesBackByItself() throws {
        let cluster = try PostgresCluster()
        let cli = try sampleInDatabase(cluster)
        let board = try openBoard(cli)
        try board.waitFor(text: "3 Interview ⚡ 3")
        try cluster.stop()
        let lost = try board.waitFor("the bar to say the database is gone", timeout: 10) { $0.contains("Cannot reach the database") }
        #expect(lost.contains("Showing the last state read") && lost.contains("3 Interview ⚡ 3"), "the cards stay readable")
        try board.send("2", "L")
        try board.waitFor("the move to be refused with a sentence", timeout: 10) { $0.contains("Cannot reach the database") }
        try cluster.start()
        try board.waitFor("the bar to clear", timeout: 15) { !$0.contains("Showing the last state read") }
        let moved = try cli.run(["move", "Peter Schmidt", "--to", "Interview", "--job", "ios", "--without-actions"])
        #expect(moved.status == 0, "\(moved.errors)")
        try board.waitFor("a change made after the restart", timeout: 10) { $0.contains("3 Interview ⚡ 4") }
        try board.send("q")
        #expect(try board.waitForExit() == 0)
    }

    @Test func threeDispatchersOnThreeHostsSendEachEmailOnceFromOneDatabase() throws {
        let cluster = try PostgresCluster()
        let cli = try sampleInDatabase(cluster)
        let scratch = try Scratch()
        let server = try SMTPServer(in: scratch.url)
        #expect(try cli.run(["mail", "set", "smtp", "--host", "127.0.0.1", "--port", "\(server.port)", "--security", "none"]).status == 0)
        let count = Int(ProcessInfo.processInfo.environment["STAGEHAND_DISPATCH_EMAILS"] ?? "") ?? 60
        let csv = "name,email\n" + (1...count).map { "Zoë Load \($0),load\($0)@example.com" }.joined(separator: "\n") + "\n"
        let file = scratch.url.appendingPathComponent("load.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", file.path, "--job", "ios"]).status == 0)
        let board = try cli.json(["board", "--job", "ios"])
        let stages = ((board["jobs"] as? [[String: Any]])?.first?["stages"] as? [[String: Any]]) ?? []
        let ids = ((stages.first?["candidates"] as? [[String: Any]]) ?? [])
            .filter { ($0["name"] as? String)?.hasPrefix("Zoë Load ") == true }.compactMap { $0["id"] as? String }
        try #require(ids.count == count)
        // Into Interview: its invitation goes out an hour after entry, so every one waits.
        #expect(try cli.run(["move"] + ids + ["--to", "Interview", "--run-actions"], now: "2026-11-25T09:00:00Z").status == 0)
        let before = server.messages.count
        let hosts = try (0..<3).map { _ in
            var host = try StagehandCLI()
            host.store = cli.store
            return host
        }
        let dispatchers = try hosts.map { try $0.start(["dispatch"], now: "2026-11-25T10:30:00Z") }
        for result in dispatchers.map({ $0.finish() }) { #expect(result.status == 0, "\(result.errors)") }
        let addresses = server.messages.dropFirst(before).flatMap(\.envelopeTo).filter { $0.hasPrefix("load") }
        #expect(addresses.count - Set(addresses).count == 0, "no email twice")
        #expect(Set((1...count).map { "load\($0)@example.com" }).subtracting(addresses).isEmpty, "none missing")
    }
}
