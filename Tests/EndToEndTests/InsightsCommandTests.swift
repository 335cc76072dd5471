import Foundation
import Testing

/// Expected times, `stagehand report` and the board's aging cards and insights page,
/// run as real processes on the sample workspace, on a state file and on PostgreSQL.
@Suite struct InsightsCommandTests {
    func demo(_ store: TestStore) throws -> StagehandCLI {
        let cli = try StagehandCLI(store)
        let result = try cli.run(["demo"])
        #expect(result.status == 0, "\(result.errors)")
        return cli
    }

    @discardableResult
    func succeed(_ arguments: [String], _ cli: StagehandCLI, environment: [String: String] = [:]) throws -> String {
        let result = try cli.run(arguments, environment: environment)
        #expect(result.status == 0, "stagehand \(arguments.joined(separator: " ")): \(result.errors)")
        return result.output
    }

    @Test(arguments: TestStore.allCases) func anExpectedTimeIsSetWithAStageChangedAndClearedAndABadOneChangesNothing(store: TestStore) throws {
        let cli = try demo(store)
        let added = try succeed(["pipeline", "add", "--job", "ios", "Culture chat", "--position", "3", "--expected", "3bd"], cli)
        #expect(added.contains("Candidates are expected to stay in Culture chat for 3 business days (Senior iOS Engineer)"))
        #expect(try succeed(["pipeline", "list", "--job", "ios"], cli).contains("  3. Culture chat [stage-"))
        #expect(try succeed(["pipeline", "list", "--job", "ios"], cli).contains(": 0 candidates, expected 3bd"))
        let edited = try succeed(["pipeline", "edit", "--job", "ios", "--stage", "Phone screen", "--expected", "36h"], cli)
        // The printed board and its JSON say the expected time and who is past it, as the board does.
        let board = try cli.json(["board", "--job", "ios"])
        let stages = try #require((board["jobs"] as? [[String: Any]])?.first?["stages"] as? [[String: Any]])
        let phone = try #require(stages.first { $0["id"] as? String == "phone-screen" })
        let cards = try #require(phone["candidates"] as? [[String: Any]])
        #expect(phone["expected"] as? String == "36h")
        #expect(phone["overdue"] as? Int == cards.filter { $0["overdue"] as? Bool == true }.count)
        #expect(cards.contains { $0["overdue"] as? Bool == true }, "someone has waited over 36 hours in the sample")
        #expect(stages.first { $0["id"] as? String == "applied" }?["expected"] == nil, "left out when none is set")
        let printed = try succeed(["board", "--job", "ios"], cli)
        #expect(printed.contains("Phone screen ⚡ (\(cards.count), expected 36h, \(phone["overdue"] as? Int ?? -1) overdue)"), "\(printed)")
        #expect(printed.contains("⚠"))
        #expect(edited.contains("Candidates are expected to stay in Phone screen for 36 hours (Senior iOS Engineer)"))
        #expect(try succeed(["pipeline", "list", "--job", "ios"], cli).contains("2. Phone screen ⚡ [phone-screen]: 4 candidates, expected 36h"))
        let template = try succeed(["pipeline", "edit", "--default", "--stage", "Interview", "--expected", "1w"], cli)
        #expect(template.contains("Only jobs created from now on get this"))

        let before = cli.savedState()
        let bad = try cli.run(["pipeline", "edit", "--job", "ios", "--stage", "Phone screen", "--expected", "3x"])
        #expect(bad.status == 1)
        #expect(bad.errors.contains("'3x' is not a duration: use a number and a unit, such as 90m, 36h, 10d, 1w or 3bd"))
        let badAdd = try cli.run(["pipeline", "add", "--job", "ios", "Final chat", "--expected", "soon"])
        #expect(badAdd.status == 1 && badAdd.errors.contains("'soon' is not a duration"))
        let refused = try cli.run(["pipeline", "edit", "--job", "ios", "--stage", "Phone screen", "--expected", "2d", "--as", "ben"])
        #expect(refused.status == 3)
        #expect(cli.savedState() == before, "a refused or bad expected time changes nothing")

        let cleared = try succeed(["pipeline", "edit", "--job", "ios", "--stage", "Phone screen", "--expected", "none"], cli)
        #expect(cleared.contains("Phone screen has no expected time any more"))
        #expect(!(try succeed(["pipeline", "list", "--job", "ios"], cli)).contains("Phone screen ⚡ [phone-screen]: 4 candidates, expected"))
    }

    @Test(arguments: TestStore.allCases) func reportAsCSVHasARowPerJobAndStageThenTheOutcomes(store: TestStore) throws {
        let cli = try demo(store)
        try succeed(["pipeline", "edit", "--job", "ios", "--stage", "Phone screen", "--expected", "2d"], cli)
        let csv = try succeed(["report", "--csv"], cli)
        let tables = csv.components(separatedBy: "\r\n\r\n")
        #expect(tables.count == 2)
        let rows = tables[0].components(separatedBy: "\r\n").map { $0.components(separatedBy: ",") }
        #expect(rows[0] == [
            "job", "job_title", "position", "stage", "stage_name", "expected", "now", "entered", "left", "moved_on", "moved_back",
            "disqualified", "moved_on_share", "median_days", "p90_days", "overdue",
        ])
        // One row per stage of every job, and "now" is the board's count of candidates not disqualified.
        let board = try cli.json(["board"])
        let jobs = try #require(board["jobs"] as? [[String: Any]])
        var expected: [[String]] = []
        for job in jobs {
            for (index, stage) in (job["stages"] as? [[String: Any]] ?? []).enumerated() {
                let waiting = (stage["candidates"] as? [[String: Any]] ?? []).filter { $0["disqualified"] as? Bool == false }.count
                expected.append([job["id"] as! String, "\(index + 1)", stage["id"] as! String, "\(waiting)"])
            }
        }
        #expect(rows.dropFirst().map { [$0[0], $0[2], $0[3], $0[6]] } == expected)
        let phone = try #require(rows.first { $0[0] == "ios" && $0[3] == "phone-screen" })
        #expect(phone[5] == "2d")
        #expect(Int(phone[15]) ?? 0 > 0, "someone is past two days in the sample's phone screen")
        let outcomes = tables[1].trimmingCharacters(in: .newlines).components(separatedBy: "\r\n")
        #expect(outcomes.first == "job,job_title,outcome,reason,count")
        #expect(outcomes.contains { $0.hasPrefix("ios,Senior iOS Engineer,emails sent,,") })
        #expect(outcomes.contains { $0.hasPrefix("ios,Senior iOS Engineer,evaluations answered,,") })
        // Every outcome for every job, a zero row included, so that a pivot table misses none.
        for job in jobs.compactMap({ $0["id"] as? String }) {
            for outcome in ["emails sent", "emails failed", "emails unknown", "emails skipped", "tasks created", "evaluations answered"] {
                #expect(outcomes.contains { $0.hasPrefix("\(job),") && $0.contains(",\(outcome),") }, "\(job): \(outcome)")
            }
        }
    }

    @Test(arguments: TestStore.allCases) func reportAsJSONHasTheDocumentedFields(store: TestStore) throws {
        let cli = try demo(store)
        let report = try cli.json(["report", "--job", "ios", "--since", "2026-11-01"])
        let period = try #require(report["period"] as? [String: Any])
        #expect((period["since"] as? String)?.hasPrefix("2026-11-01T00:00:00") == true)
        #expect(period["until"] is String && period["days"] is Int && report["at"] is String)
        let jobs = try #require(report["jobs"] as? [[String: Any]])
        #expect(jobs.count == 1 && jobs[0]["id"] as? String == "ios" && jobs[0]["title"] as? String == "Senior iOS Engineer")
        let stages = try #require(jobs[0]["stages"] as? [[String: Any]])
        let applied = try #require(stages.first)
        for field in ["id", "name", "position", "now", "entered", "left", "movedOn", "movedBack", "disqualified", "overdue"] {
            #expect(applied[field] != nil, "stages[].\(field)")
        }
        #expect(applied["movedOnShare"] is Double && applied["medianDays"] is Double && applied["p90Days"] is Double)
        #expect(applied["expected"] == nil, "an optional field without a value is left out")
        let automation = try #require(jobs[0]["automation"] as? [String: Any])
        let emails = try #require(automation["emails"] as? [String: Any])
        for field in ["sent", "failed", "unknown", "skipped", "skippedByReason"] { #expect(emails[field] != nil, "emails.\(field)") }
        #expect((automation["tasks"] as? [String: Any])?.keys.sorted() == ["created", "done", "overdue"])
        #expect((automation["evaluations"] as? [String: Any])?.keys.sorted() == ["answered", "requested"])

        let badDay = try cli.run(["report", "--since", "2026-13-01"])
        #expect(badDay.status == 1 && badDay.errors.contains("'2026-13-01' is not a day or a span of time"))
        let both = try cli.run(["report", "--json", "--csv"])
        #expect(both.status == 64)
    }

    @Test func reportTextFitsTheWidthAndIsASCIIUnderLangC() throws {
        let cli = try demo(.file)
        let ascii = try succeed(["report", "--job", "ios"], cli, environment: ["LANG": "C", "LC_ALL": "", "COLUMNS": "60"])
        let allASCII = ascii.allSatisfy { $0.isASCII }
        #expect(allASCII)
        #expect(ascii.contains("Candidates now") && ascii.contains("#"))
        let fits = ascii.split(separator: "\n").allSatisfy { $0.count <= 60 }
        #expect(fits, "\(ascii)")
        let narrow = try succeed(["report", "--job", "ios"], cli, environment: ["LANG": "C.UTF-8", "COLUMNS": "40"])
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 40 }, "titles wrap rather than run past 40 columns: \(narrow)")
        #expect(narrow.contains("median") && narrow.contains("percentile"), "and wrapping loses none of them")
        #expect(narrow.contains("Senior iOS Engineer: since") && narrow.contains("counted"), "nor cuts the job's own line: \(narrow)")
        let wide = try succeed(["report", "--job", "ios"], cli, environment: ["LANG": "C.UTF-8", "COLUMNS": "100"])
        #expect(wide.contains("█") && wide.contains("Days in stage"))
        let fitsWide = wide.split(separator: "\n").allSatisfy { $0.count <= 100 }
        #expect(fitsWide)
    }

    @Test(arguments: TestStore.allCases) func theBoardMarksOverdueCardsAndOpensTheInsightsPage(store: TestStore) throws {
        let board = try BoardTerminalTests.OpenBoard(store: store) { cli in
            let result = try cli.run(["pipeline", "edit", "--job", "ios", "--stage", "Phone screen", "--expected", "2d"])
            guard result.status == 0 else { throw TmuxSession.Failure(description: result.errors) }
        }
        let screen = try board.tmux.waitFor(text: "overdue")
        #expect(screen.contains("⚠3 overdue"), "\(screen)")
        #expect(screen.contains("⚠5d"))
        try board.tmux.send("I")
        try board.tmux.waitFor(text: "Insights: Senior iOS Engineer")
        try board.tmux.send("PageDown")
        try board.tmux.waitFor(text: "above")
        try board.tmux.send("Escape")
        try board.tmux.waitFor(text: "⚠3 overdue")
        try board.tmux.send("q")
        #expect(try board.tmux.waitForExit() == 0)
    }
}
