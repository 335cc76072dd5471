import Foundation
import Testing

/// The `stagehand` command line as a newcomer uses it, run as a real process.
@Suite struct CommandLineTests {
    /// A fresh sample workspace on `store` and the ids of the iOS job's candidates by stage.
    func demo(_ store: TestStore = .file) throws -> (StagehandCLI, [String: [[String: Any]]]) {
        let cli = try StagehandCLI(store)
        let result = try cli.run(["demo"])
        #expect(result.status == 0, "\(result.errors)")
        let board = try cli.json(["board", "--job", "ios"])
        let job = try #require((board["jobs"] as? [[String: Any]])?.first)
        var stages: [String: [[String: Any]]] = [:]
        for stage in job["stages"] as? [[String: Any]] ?? [] {
            stages[stage["id"] as! String] = stage["candidates"] as? [[String: Any]]
        }
        return (cli, stages)
    }

    func emailOf(_ id: String, _ cli: StagehandCLI) throws -> String? {
        try cli.json(["show", id])["email"] as? String
    }

    func firstWithEmail(in stage: String, _ stages: [String: [[String: Any]]], _ cli: StagehandCLI) throws -> String {
        for card in stages[stage] ?? [] {
            let id = card["id"] as! String
            let profile = try cli.json(["show", id])
            if profile["email"] as? String != nil, profile["doNotEmail"] as? Bool == false,
                (profile["placements"] as? [[String: Any]])?.count == 1
            {
                return id
            }
        }
        throw StagehandCLI.Failure(arguments: ["no candidate with email in \(stage)"], result: .init(status: 0, output: "", errors: ""))
    }

    func outboxFiles(_ cli: StagehandCLI) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cli.scratch.outbox.path)) ?? []).filter { $0.hasSuffix(".eml") }.sorted()
    }

    @Test(arguments: TestStore.allCases) func demoWritesTheSampleAndNeverOverwritesWithoutForce(store: TestStore) throws {
        let cli = try StagehandCLI(store)
        let first = try cli.run(["demo"])
        #expect(first.status == 0)
        #expect(first.output.contains("Northwind Robotics"))
        let before = cli.savedState()
        let again = try cli.run(["demo"])
        #expect(again.status != 0)
        #expect(again.errors.contains("--force"))
        #expect(cli.savedState() == before)
        let forced = try cli.run(["demo", "--force"])
        #expect(forced.status == 0)
        #expect(forced.output.contains("The workspace it replaced is kept as"), "\(forced.output)")
        if store == .file { #expect(FileManager.default.fileExists(atPath: cli.statePath + ".bak")) }
    }

    /// Found by `stagehand-bench fuzz-text`: a pasted escape sequence came back
    /// raw in the output and in errors, where the terminal obeyed it.
    @Test func controlCharactersInNamesAndArgumentsNeverReachTheTerminal() throws {
        let cli = try StagehandCLI()
        _ = try cli.run(["demo"])
        let name = "Eve \u{1B}]0;owned\u{7}\u{1B}[31mRed\u{202E}desrever"
        let applied = try cli.run(["apply", "--job", "ios", "--name", name, "--email", "eve@example.com"])
        #expect(applied.status == 0, "\(applied.errors)")
        let shown = try cli.run(["show", "Eve"])
        let wrong = try cli.run(["move", "Eve", "--to", "\u{1B}[2J"])
        let unparsed = try cli.run(["board", "\u{1B}[2J"])
        #expect(wrong.status != 0 && unparsed.status == 64)
        for printed in [applied.output, shown.output, wrong.errors, unparsed.errors] {
            #expect(!printed.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" || $0 == "\u{202E}" }, "\(printed.debugDescription)")
        }
        #expect(shown.output.contains("Eve ·]0;owned··[31mRed·desrever"), "\(shown.output)")
        // JSON is for programs: the name comes back exactly as it was given.
        #expect(try cli.json(["show", "Eve"])["name"] as? String == name)
    }

    @Test(arguments: TestStore.allCases) func boardPrintsStagesWithBoltsAndTheDocumentedJSON(store: TestStore) throws {
        let (cli, _) = try demo(store)
        let text = try cli.run(["board"])
        #expect(text.status == 0)
        #expect(text.output.contains("Phone screen ⚡"))
        let board = try cli.json(["board"])
        let jobs = try #require(board["jobs"] as? [[String: Any]])
        #expect(jobs.count == 3)
        for job in jobs {
            #expect(job["id"] is String && job["title"] is String)
            for stage in job["stages"] as? [[String: Any]] ?? [] {
                #expect(stage["id"] is String && stage["name"] is String && stage["hasActions"] is Bool)
                #expect(stage["actions"] is [Any] && stage["candidates"] is [Any])
                let actions = stage["actions"] as! [[String: Any]]
                #expect((stage["hasActions"] as! Bool) == !actions.isEmpty)
                for action in actions { #expect(action["kind"] is String && action["summary"] is String) }
            }
        }
        let ascii = try cli.run(["board"], environment: ["LANG": "C"])
        #expect(ascii.output.contains("Phone screen *"))
    }

    @Test(arguments: TestStore.allCases) func movingIntoABoltStageRunsItsActionsAndSendsTheEmailToTheOutbox(store: TestStore) throws {
        let (cli, stages) = try demo(store)
        let id = try firstWithEmail(in: "applied", stages, cli)
        let address = try #require(try emailOf(id, cli))
        let before = outboxFiles(cli)
        let move = try cli.json(["move", id, "--to", "Phone screen"])
        let moved = try #require(move["moved"] as? [[String: Any]])
        #expect(moved.first?["to"] as? String == "Phone screen")
        let ran = try #require(move["ran"] as? [[String: Any]])
        #expect(ran.map { $0["kind"] as? String } == ["sendEmail", "addTask"])
        #expect(ran.map { $0["state"] as? String } == ["sent", "done"])
        #expect(move["scheduled"] is [Any] && move["cancelled"] is [Any])

        let profile = try cli.json(["show", id])
        let placements = try #require(profile["placements"] as? [[String: Any]])
        #expect(placements.first?["stage"] as? String == "phone-screen")
        let timeline = try #require(profile["timeline"] as? [[String: Any]])
        let automatic = timeline.filter { $0["automatic"] as? Bool == true }
        #expect(automatic.contains { $0["kind"] as? String == "task" })
        #expect(automatic.contains { $0["kind"] as? String == "email" && $0["status"] as? String == "sent" })
        for entry in timeline { #expect(entry["at"] is String && entry["text"] is String && entry["kind"] is String) }

        let added = Set(outboxFiles(cli)).subtracting(before)
        #expect(added.count == 1)
        let eml = try String(contentsOf: cli.scratch.outbox.appendingPathComponent(added.first!), encoding: .utf8)
        #expect(eml.contains("To: ") && eml.contains(address))
        #expect(eml.contains("Message-ID: <"))
        #expect(eml.contains("\r\n"))
        let text = try cli.run(["show", id])
        #expect(text.output.contains("⚡"))

        // In words, a task made is "created": "done" would read as if the task were finished.
        let back = try cli.run(["move", id, "--to", "Applied", "--without-actions"])
        #expect(back.status == 0, "\(back.errors)")
        #expect(back.output.contains("  (without actions)\n"))
        let hired = try cli.run(["move", id, "--to", "Hired", "--run-actions"])
        #expect(hired.output.contains("  (Hired has no actions)\n"), "not '(without actions)', as if --run-actions were ignored: \(hired.output)")
        #expect(try cli.run(["move", id, "--to", "Applied", "--without-actions"]).status == 0)
        let again = try cli.run(["move", id, "--to", "Phone screen", "--run-actions"])
        #expect(again.output.contains("Task 'Hold the phone screen' for Ben Okafor, due 3 days after the move: created"), "\(again.output)")
    }

    @Test(arguments: TestStore.allCases) func aDelayedEmailWaitsForItsDueTimeAndGoesOutOnce(store: TestStore) throws {
        let (cli, stages) = try demo(store)
        let id = try firstWithEmail(in: "phone-screen", stages, cli)
        let move = try cli.json(["move", id, "--to", "interview"])
        let scheduled = try #require(move["scheduled"] as? [[String: Any]])
        #expect(scheduled.count == 1)
        #expect(scheduled.first?["dueAt"] as? String == "2026-11-25T10:00:00Z")
        let before = outboxFiles(cli)
        let early = try cli.run(["dispatch"], now: "2026-11-25T09:30:00Z")
        #expect(early.status == 0 && early.output.contains("Sent 0"))
        #expect(outboxFiles(cli) == before)
        let due = try cli.run(["dispatch"], now: "2026-11-25T11:00:00Z")
        #expect(due.output.contains("Sent 1,"), "\(due.output)")
        #expect(outboxFiles(cli).count == before.count + 1)
        let again = try cli.run(["dispatch"], now: "2026-11-25T12:00:00Z")
        #expect(again.output.contains("Sent 0"))
        #expect(outboxFiles(cli).count == before.count + 1)
        let emails = try #require(try cli.json(["show", id])["emails"] as? [[String: Any]])
        #expect(emails.contains { $0["status"] as? String == "sent" && ($0["subject"] as? String ?? "").isEmpty == false })
    }

    @Test(arguments: TestStore.allCases) func movingBackNeedsAnExplicitChoiceAndChangesNothingWithoutOne(store: TestStore) throws {
        let (cli, stages) = try demo(store)
        let id = try firstWithEmail(in: "interview", stages, cli)
        let before = cli.savedState()
        let refused = try cli.run(["move", id, "--to", "phone-screen"])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("--run-actions") && refused.errors.contains("--without-actions"))
        #expect(cli.savedState() == before)
        let without = try cli.json(["move", id, "--to", "phone-screen", "--without-actions"])
        #expect((without["ran"] as? [Any])?.isEmpty == true)
        let again = try cli.json(["move", id, "--to", "interview", "--run-actions"])
        #expect((again["ran"] as? [Any])?.isEmpty == false)
    }

    @Test(arguments: TestStore.allCases) func aBulkMoveNeedsAChoiceUpFront(store: TestStore) throws {
        let (cli, stages) = try demo(store)
        let ids = (stages["applied"] ?? []).prefix(2).map { $0["id"] as! String }
        #expect(ids.count == 2)
        let refused = try cli.run(["move"] + ids + ["--to", "phone-screen", "--job", "ios"])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("--run-actions") && refused.errors.contains("--without-actions"))
        let moved = try cli.json(["move"] + ids + ["--to", "phone-screen", "--job", "ios", "--without-actions"])
        #expect((moved["moved"] as? [Any])?.count == 2)
        #expect((moved["ran"] as? [Any])?.isEmpty == true)
    }

    @Test(arguments: TestStore.allCases) func aNegativePortIsRefusedWithWhatAPortIs(store: TestStore) throws {
        let (cli, _) = try demo(store)
        let before = cli.savedState()
        let refused = try cli.run(["mail", "set", "smtp", "--host", "127.0.0.1", "--port", "-5", "--security", "none"])
        #expect(refused.status != 0 && refused.errors.contains("The port -5 is not a port number"), "\(refused.errors)")
        #expect(cli.savedState() == before, "nothing is saved")
    }

    @Test(arguments: TestStore.allCases) func movingOnCancelsAPendingDelayedEmail(store: TestStore) throws {
        let (cli, stages) = try demo(store)
        let id = try firstWithEmail(in: "phone-screen", stages, cli)
        _ = try cli.json(["move", id, "--to", "interview"])
        let name = try #require(try cli.json(["show", id])["name"] as? String)
        let next = try cli.run(["move", id, "--to", "take-home"])
        #expect(next.output.contains("Cancelled for \(name): Email 'Interview invitation'"), "the person, not their id: \(next.output)")
        let profile = try cli.json(["show", id])
        let emails = try #require(profile["emails"] as? [[String: Any]])
        #expect(emails.contains { $0["status"] as? String == "cancelled" })
        let timeline = try #require(profile["timeline"] as? [[String: Any]])
        #expect(timeline.contains { $0["kind"] as? String == "email" && $0["status"] as? String == "cancelled" })
        let later = try cli.run(["dispatch"], now: "2026-11-26T09:00:00Z")
        #expect(!later.output.contains("Interview"))
    }

    @Test(arguments: TestStore.allCases) func applyingFiresTheFirstStageButImportDoesNot(store: TestStore) throws {
        let (cli, _) = try demo(store)
        let before = outboxFiles(cli).count
        let applied = try cli.run(["apply", "--job", "ios", "--name", "Grace Hopper", "--email", "grace@example.com"])
        #expect(applied.status == 0, "\(applied.errors)")
        #expect(outboxFiles(cli).count == before + 1)
        let csv = cli.scratch.url.appendingPathComponent("people.csv")
        try "name,email,source,tags\nAda Lovelace,ada@example.com,Agency,math;history\nAlan Turing,alan@example.com,,\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        let imported = try cli.run(["import", csv.path, "--job", "ios"])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output.contains("Imported 2"))
        #expect(outboxFiles(cli).count == before + 1)
        let ada = try cli.json(["show", "Ada Lovelace"])
        #expect((ada["tags"] as? [String]) == ["math", "history"])
        #expect((ada["timeline"] as? [[String: Any]])?.allSatisfy { $0["automatic"] as? Bool == false } == true)
        let bad = cli.scratch.url.appendingPathComponent("bad.csv")
        try "name,email\nOk Person,ok@example.com\n,nobody@example.com\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try cli.run(["import", bad.path, "--job", "ios"])
        #expect(refused.status != 0 && refused.errors.contains("row 3"))
        #expect(try cli.run(["show", "Ok Person"]).status != 0)
    }

    @Test(arguments: TestStore.allCases) func disqualifyingRunsTheReasonsDelayedRejection(store: TestStore) throws {
        let (cli, stages) = try demo(store)
        let id = try firstWithEmail(in: "phone-screen", stages, cli)
        let result = try cli.run(["disqualify", id, "--reason", "not a fit"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("scheduled for 2026-11-27"))
        let profile = try cli.json(["show", id])
        let placement = try #require((profile["placements"] as? [[String: Any]])?.first)
        #expect(placement["disqualification"] is [String: Any])
    }

    @Test(arguments: TestStore.allCases) func permissionsAreEnforcedWithAClearRefusal(store: TestStore) throws {
        let (cli, stages) = try demo(store)
        let id = try #require(stages["applied"]?.first?["id"] as? String)
        let manager = try cli.run(["move", id, "--to", "phone-screen", "--job", "ios", "--as", "dev"])
        #expect(manager.status == 3)
        #expect(manager.errors.contains("Dev Patel may not move candidates: that needs the permission for moving candidates"))
        #expect(!manager.errors.contains("moveCandidates"), "permissions are named in words, not as identifiers")
        let before = cli.savedState()
        let recruiter = try cli.run(["automations", "add", "--job", "ios", "--stage", "hired", "--tags", "hired", "--as", "ben"])
        #expect(recruiter.status == 3)
        #expect(recruiter.errors.contains("the permission for managing automations"))
        #expect(cli.savedState() == before)
        let admin = try cli.run(["automations", "add", "--job", "ios", "--stage", "hired", "--tags", "hired"])
        #expect(admin.status == 0, "\(admin.errors)")
        let listed = try cli.run(["automations", "list", "--job", "ios", "--stage", "hired"])
        #expect(listed.output.contains("Tag hired"))
        let placeholder = try cli.run([
            "automations", "add", "--job", "ios", "--stage", "hired", "--subject", "Welcome", "--body", "Hi {{candidate.phone}}",
        ])
        #expect(placeholder.status != 0)
        #expect(placeholder.errors.contains("candidate.phone"))
        let removed = try cli.run(["automations", "remove", "--job", "ios", "--stage", "hired", "--number", "1"])
        #expect(removed.status == 0)
        #expect(try cli.json(["board", "--job", "ios"]).description.contains("hasActions") == true)
    }

    @Test(arguments: TestStore.allCases) func unknownAndAmbiguousNamesSayWhatToDo(store: TestStore) throws {
        let (cli, stages) = try demo(store)
        let id = try #require(stages["applied"]?.first?["id"] as? String)
        let stage = try cli.run(["move", id, "--to", "Nowhere", "--job", "ios"])
        #expect(stage.status != 0 && stage.errors.contains("No stage"))
        let candidate = try cli.run(["show", "zzzz-nobody"])
        #expect(candidate.status != 0 && candidate.errors.contains("No candidate matches 'zzzz-nobody'"))
        let ambiguous = try cli.run(["show", "a"])
        #expect(ambiguous.status != 0 && ambiguous.errors.contains("matches several candidates"))
    }

    @Test func aMistypedAsIsRefusedByCommandsThatOnlyRead() throws {
        let (cli, _) = try demo()
        for command in [["show", "Hannah"], ["board"], ["report"], ["jobs"], ["tasks"]] {
            let result = try cli.run(command + ["--as", "nobdy"])
            #expect(result.status == 1, "\(command)")
            #expect(result.errors.contains("No team member matches 'nobdy'"), "\(command): \(result.errors)")
            #expect(result.output.isEmpty, "\(command) printed as if for someone")
        }
        #expect(try cli.run(["show", "Hannah", "--as", "ben"]).status == 0)
    }

    @Test func editWithBothEmailMarksSaysTheyContradictAndChangesNothing() throws {
        let (cli, _) = try demo()
        let before = cli.stateBytes()
        let both = try cli.run(["edit", "Yuki", "--do-not-email", "--allow-email"])
        #expect(both.status == 64)
        #expect(both.errors.contains("--do-not-email and --allow-email say opposite things: pass one of them."), "\(both.errors)")
        #expect(cli.stateBytes() == before)
        #expect(try cli.run(["edit", "Yuki", "--do-not-email"]).status == 0)
    }

    @Test func aGroupNamedAloneListsOrSaysWhatItNeeds() throws {
        let (cli, _) = try demo()
        for group in ["jobs", "templates", "reasons"] {
            let alone = try cli.run([group])
            let listed = try cli.run([group, "list"])
            #expect(alone.status == 0 && alone.output == listed.output, "\(group)")
        }
        for group in ["automations", "pipeline"] {
            let alone = try cli.run([group])
            #expect(alone.status == 64, "\(group): a missing argument, as the README's table says")
            #expect(alone.errors.contains("Say which"), "\(group): \(alone.errors)")
        }
    }

    @Test func aDamagedStateFileIsReportedWithItsPlaceAndNeverOverwritten() throws {
        let (cli, _) = try demo()
        let damaged = Data("{\n  \"schemaVersion\": 1,\n  \"generation\": oops\n}\n".utf8)
        try damaged.write(to: cli.scratch.statePath)
        let check = try cli.run(["check"])
        #expect(check.status == 65)
        #expect(check.errors.contains(cli.statePath) && check.errors.contains("line 3"))
        let board = try cli.run(["board"])
        #expect(board.status == 65)
        let move = try cli.run(["move", "x", "--to", "y"])
        #expect(move.status == 65)
        #expect(cli.stateBytes() == damaged)
        let healthy = try StagehandCLI()
        _ = try healthy.run(["demo"])
        let report = try healthy.run(["check"])
        #expect(report.status == 0 && report.output.contains("OK"))
    }

    @Test func aFileFromANewerStagehandIsRefusedByEveryCommandAndLeftUntouched() throws {
        let (cli, _) = try demo()
        let text = String(decoding: cli.stateBytes() ?? Data(), as: UTF8.self)
        let version = try #require(text.firstMatch(of: /"schemaVersion" : (\d+)/).flatMap { Int($0.1) })
        let newer = Data(text.replacingOccurrences(of: "\"schemaVersion\" : \(version)", with: "\"schemaVersion\" : \(version + 1)").utf8)
        try newer.write(to: cli.scratch.statePath)
        for command in [["check"], ["board"], ["move", "Zoë", "--to", "Offer"], ["dispatch"], ["mail", "set", "outbox"]] {
            let result = try cli.run(command)
            #expect(result.status == 65, "\(command): \(result.errors)")
            #expect(result.errors.contains("newer Stagehand (schema \(version + 1); this version reads \(version))"))
        }
        #expect(cli.stateBytes() == newer)
        #expect(!FileManager.default.fileExists(atPath: cli.statePath + ".journal"))
    }

    @Test func aBadClockSettingIsRefused() throws {
        let (cli, _) = try demo()
        let result = try cli.run(["board"], now: "next tuesday")
        #expect(result.status == 2 && result.errors.contains("STAGEHAND_NOW"))
    }

    @Test(arguments: [
        "", "demo", "board", "move", "show", "apply", "import", "disqualify", "automations", "pipeline", "jobs", "reasons",
        "templates", "scheduled", "dispatch", "mail", "check",
    ])
    func everyCommandHasHelp(_ command: String) throws {
        let cli = try StagehandCLI()
        let result = try cli.run((command.isEmpty ? [] : [command]) + ["--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("USAGE"))
    }

    @Test func theBoardNeedsATerminal() throws {
        let (cli, _) = try demo()
        let result = try cli.run([])
        #expect(result.status == 2)
        #expect(result.errors.contains("stagehand board"))
    }
}
