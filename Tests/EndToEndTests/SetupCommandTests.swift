import Foundation
import Testing

/// The commands that change how the workspace is set up — pipelines, jobs, reasons,
/// templates — run as real processes on the sample workspace.
@Suite struct SetupCommandTests {
    func demo(_ store: TestStore) throws -> StagehandCLI {
        let cli = try StagehandCLI(store)
        let result = try cli.run(["demo"])
        #expect(result.status == 0, "\(result.errors)")
        return cli
    }

    /// A job's stages as `board --json` prints them.
    func stages(of job: String, _ cli: StagehandCLI) throws -> [[String: Any]] {
        let jobs = try #require(try cli.json(["board"])["jobs"] as? [[String: Any]])
        let found = try #require(jobs.first { $0["id"] as? String == job || $0["title"] as? String == job })
        return try #require(found["stages"] as? [[String: Any]])
    }

    func stageNames(of job: String, _ cli: StagehandCLI) throws -> [String] {
        try stages(of: job, cli).map { $0["name"] as! String }
    }

    func candidateIDs(in stage: String, of job: String, _ cli: StagehandCLI) throws -> [String] {
        let found = try stages(of: job, cli).first { $0["id"] as? String == stage }
        return (found?["candidates"] as? [[String: Any]] ?? []).map { $0["id"] as! String }
    }

    /// Runs a command that must succeed and returns what it printed.
    func succeed(_ arguments: [String], _ cli: StagehandCLI) throws -> String {
        let result = try cli.run(arguments)
        #expect(result.status == 0, "stagehand \(arguments.joined(separator: " ")): \(result.errors)")
        return result.output
    }

    // MARK: Pipelines

    @Test(arguments: TestStore.allCases) func pipelineListShowsTheStagesInOrderWithBoltsAndCardCounts(store: TestStore) throws {
        let cli = try demo(store)
        let applied = try candidateIDs(in: "applied", of: "ios", cli).count
        let hired = try candidateIDs(in: "hired", of: "ios", cli).count
        let list = try succeed(["pipeline", "list", "--job", "ios"], cli)
        #expect(list.contains("Pipeline of Senior iOS Engineer [ios]"))
        #expect(list.contains("  1. Applied ⚡ [applied]: \(applied) candidate"))
        #expect(list.contains("  7. Hired [hired]: \(hired) candidate"))
        let ascii = try cli.run(["pipeline", "list", "--job", "ios"], environment: ["LANG": "C"])
        #expect(ascii.output.contains("  2. Phone screen * [phone-screen]"))
        let template = try succeed(["pipeline", "list", "--default"], cli)
        #expect(template.contains("jobs created from now on"))
        #expect(template.contains("  3. Interview ⚡ [interview]\n"))
        #expect(!template.contains("candidate"))
    }

    @Test(arguments: TestStore.allCases) func stagesAreAddedRenamedMovedAndRemoved(store: TestStore) throws {
        let cli = try demo(store)
        let original = try stageNames(of: "ios", cli)
        let added = try succeed(["pipeline", "add", "--job", "ios", "Culture chat", "--position", "3"], cli)
        #expect(added.contains("Added the stage Culture chat to Senior iOS Engineer"))
        #expect(try stageNames(of: "ios", cli)[2] == "Culture chat")
        let renamed = try succeed(["pipeline", "rename", "--job", "ios", "--stage", "culture", "--to", "Team chat"], cli)
        #expect(renamed.contains("Renamed Culture chat to Team chat in Senior iOS Engineer"))
        let moved = try succeed(["pipeline", "move", "--job", "ios", "--stage", "team chat", "--to-position", "1"], cli)
        #expect(moved.contains("Team chat is now stage 1 of Senior iOS Engineer"))
        #expect(try stageNames(of: "ios", cli) == ["Team chat"] + original)
        let removed = try succeed(["pipeline", "remove", "--job", "ios", "--stage", "1"], cli)
        #expect(removed.contains("Removed Team chat from Senior iOS Engineer"))
        #expect(try stageNames(of: "ios", cli) == original)

        // A stage added at a place that does not exist is not added either.
        let before = cli.savedState()
        let nowhere = try cli.run(["pipeline", "add", "--job", "ios", "Culture chat", "--position", "30"])
        #expect(nowhere.status == 1 && nowhere.errors.contains("no position 30"))
        #expect(cli.savedState() == before)
    }

    @Test(arguments: TestStore.allCases) func removingAnOccupiedStageNeedsADestinationAndThenMovesItsCards(store: TestStore) throws {
        let cli = try demo(store)
        let interviewing = try candidateIDs(in: "interview", of: "ios", cli)
        #expect(interviewing.count > 1)
        let before = cli.savedState()
        let refused = try cli.run(["pipeline", "remove", "--job", "ios", "--stage", "interview"])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("\(interviewing.count) candidates are still in Interview"))
        #expect(refused.errors.contains("--move-candidates-to"))
        #expect(cli.savedState() == before)

        let removed = try succeed(
            ["pipeline", "remove", "--job", "ios", "--stage", "interview", "--move-candidates-to", "phone screen"], cli)
        #expect(removed.contains("\(interviewing.count) candidates moved to Phone screen"))
        #expect(try !stageNames(of: "ios", cli).contains("Interview"))
        #expect(Set(try candidateIDs(in: "phone-screen", of: "ios", cli)).isSuperset(of: interviewing))
        let timeline = try #require(try cli.json(["show", interviewing[0]])["timeline"] as? [[String: Any]])
        #expect(timeline.contains { ($0["text"] as? String ?? "").contains("Interview was removed; no actions ran") })
    }

    @Test(arguments: TestStore.allCases) func editingTheDefaultTemplateReachesOnlyJobsCreatedAfterwards(store: TestStore) throws {
        let cli = try demo(store)
        let edited = try succeed(["pipeline", "add", "--default", "Culture chat", "--position", "2"], cli)
        #expect(edited.contains("Added the stage Culture chat to the default pipeline"))
        #expect(edited.contains("Only jobs created from now on get this; existing jobs keep their own pipelines."))
        let created = try succeed(["jobs", "create", "Data Engineer"], cli)
        #expect(created.contains("Created the job Data Engineer with a copy of the default pipeline"))
        #expect(try stageNames(of: "Data Engineer", cli)[1] == "Culture chat")
        #expect(try !stageNames(of: "ios", cli).contains("Culture chat"))

        // From then on the job's pipeline is its own.
        _ = try succeed(["pipeline", "rename", "--job", "data engineer", "--stage", "culture", "--to", "Values chat"], cli)
        #expect(try succeed(["pipeline", "list", "--default"], cli).contains("2. Culture chat"))
    }

    // MARK: Jobs

    @Test(arguments: TestStore.allCases) func jobsAreListedCreatedRenamedClosedAndReopened(store: TestStore) throws {
        let cli = try demo(store)
        #expect(try succeed(["jobs", "list"], cli).contains("1. Senior iOS Engineer [ios]: open, 7 stages"))
        _ = try succeed(["jobs", "create", "Data Engineer"], cli)
        let renamed = try succeed(["jobs", "rename", "data engineer", "--to", "Staff Data Engineer"], cli)
        #expect(renamed.contains("Renamed the job Data Engineer to Staff Data Engineer"))
        let duplicate = try cli.run(["jobs", "create", "staff data engineer"])
        #expect(duplicate.status == 1 && duplicate.errors.contains("already a job called Staff Data Engineer"))

        #expect(try succeed(["jobs", "close", "staff data"], cli).contains("Closed the job Staff Data Engineer"))
        let listed = try succeed(["jobs", "list"], cli)
        #expect(listed.contains("Staff Data Engineer [job-") && listed.contains(": closed, 7 stages"))
        let jobs = try #require(try cli.json(["board"])["jobs"] as? [[String: Any]])
        #expect(jobs.first { $0["title"] as? String == "Staff Data Engineer" }?["status"] as? String == "closed")
        let applicant = ["apply", "--job", "staff data", "--name", "Grace Hopper", "--email", "grace@example.com"]
        let applying = try cli.run(applicant)
        #expect(applying.status == 1 && applying.errors.contains("closed"))

        #expect(try succeed(["jobs", "reopen", "staff data"], cli).contains("Reopened the job Staff Data Engineer"))
        _ = try succeed(applicant, cli)
    }

    @Test(arguments: TestStore.allCases) func aJobMovesInTheJobOrderThatListsAndBoardsFollow(store: TestStore) throws {
        let cli = try demo(store)
        _ = try succeed(["jobs", "create", "Data Engineer"], cli)
        let moved = try succeed(["jobs", "move", "data engineer", "--to-position", "1"], cli)
        #expect(moved.contains("Data Engineer is now job 1 of 4"))
        let listed = try succeed(["jobs", "list"], cli).split(separator: "\n")
        #expect(listed.first?.hasPrefix("1. Data Engineer [job-") == true)
        #expect(listed.dropFirst().first?.hasPrefix("2. Senior iOS Engineer [ios]") == true)
        let titles = try #require(try cli.json(["board"])["jobs"] as? [[String: Any]]).map { $0["title"] as? String }
        #expect(titles.first == "Data Engineer")

        let nowhere = try cli.run(["jobs", "move", "ios", "--to-position", "9"])
        #expect(nowhere.status == 1 && nowhere.errors.contains("There are 4 jobs; there is no position 9: use 1–4."))
        let negative = try cli.run(["jobs", "move", "ios", "--to-position", "-1"])
        #expect(negative.status == 1 && negative.errors.contains("There are 4 jobs; there is no position -1: use 1–4."), "not read as an option")
        #expect(try succeed(["jobs", "list"], cli).split(separator: "\n") == listed, "a refused move changes nothing")
    }

    // MARK: Reasons

    @Test(arguments: TestStore.allCases) func reasonsAreListedWithTheirActionsAndEdited(store: TestStore) throws {
        let cli = try demo(store)
        let list = try succeed(["reasons", "list"], cli)
        #expect(list.contains("Not a fit for the role ⚡ [not-a-fit]\n  1. ⚡ Email 'Rejection' from the mover, 2 days after"))
        #expect(list.contains("Withdrew [withdrew]: no actions"))

        let added = try succeed(["reasons", "add", "Salary expectations"], cli)
        #expect(added.contains("Added the disqualification reason Salary expectations"))
        _ = try succeed(["automations", "add", "--reason", "salary", "--note", "Salary gap noted"], cli)
        #expect(try succeed(["reasons", "list"], cli).contains("Salary expectations ⚡ [reason-"))
        #expect(try succeed(["automations", "list", "--reason", "salary"], cli).contains("1. ⚡ Note 'Salary gap noted'"))
        _ = try succeed(["automations", "remove", "--reason", "salary", "--number", "1"], cli)
        #expect(try succeed(["reasons", "list"], cli).contains("Salary expectations [reason-"))

        let renamed = try succeed(["reasons", "rename", "salary", "--to", "Salary too high"], cli)
        #expect(renamed.contains("Renamed the reason Salary expectations to Salary too high"))
        let removed = try succeed(["reasons", "remove", "salary too"], cli)
        #expect(removed.contains("Removed the disqualification reason Salary too high"))
        #expect(try !succeed(["reasons", "list"], cli).contains("Salary"))

        // A reason someone was disqualified with stays on record: it may be renamed, not removed.
        let applied = try stages(of: "ios", cli).first?["candidates"] as? [[String: Any]] ?? []
        let candidate = try #require(applied.first { $0["disqualified"] as? Bool == false }?["id"] as? String)
        _ = try succeed(["disqualify", candidate, "--reason", "withdrew", "--job", "ios"], cli)
        let refused = try cli.run(["reasons", "remove", "withdrew"])
        #expect(refused.status == 1 && refused.errors.contains("rename the reason instead"))
    }

    // MARK: Templates

    @Test(arguments: TestStore.allCases) func templatesAreWrittenPreviewedAndRemovedOnceUnused(store: TestStore) throws {
        let cli = try demo(store)
        let created = try succeed(
            ["templates", "add", "--name", "Offer follow-up", "--subject", "{{job.title}}: any questions?",
             "--body", "Hi {{candidate.first_name}}, {{sender.name}} from {{company.name}} here."], cli)
        #expect(created.contains("Created the email template Offer follow-up"))
        let list = try succeed(["templates", "list"], cli)
        #expect(list.contains("Offer follow-up [tpl-") && list.contains("Subject: {{job.title}}: any questions?"))
        #expect(list.contains("Rejection [tpl-rejection]\n  Subject: Your application for {{job.title}}\n  Sent by: the reason"))

        let candidate = try #require(try stages(of: "ios", cli).first?["candidates"] as? [[String: Any]]).first
        let id = try #require(candidate?["id"] as? String)
        let name = try #require(candidate?["name"] as? String)
        let preview = try succeed(
            ["templates", "preview", "offer follow", "--candidate", id, "--job", "ios", "--as", "ben"], cli)
        #expect(preview.contains("Offer follow-up for \(name) [\(id)], Senior iOS Engineer, from Ben Okafor:"))
        #expect(preview.contains("Subject: Senior iOS Engineer: any questions?"))
        #expect(preview.contains("Hi \(name.split(separator: " ")[0]), Ben Okafor from Northwind Robotics here."))

        let edited = try succeed(["templates", "edit", "offer follow", "--subject", "Questions, {{candidate.name}}?"], cli)
        #expect(edited.contains("Saved the email template Offer follow-up"))
        let madeUp = try succeed(["templates", "preview", "offer follow"], cli)
        #expect(madeUp.contains("Subject: Questions, Alex Example?"))
        #expect(madeUp.contains("Alex Example (made up), Senior iOS Engineer (the first job; --job names another)"))
        #expect(try succeed(["templates", "preview", "thanks"], cli).contains("for the Senior iOS Engineer role"), "no empty job title")

        let before = cli.savedState()
        let inUse = try cli.run(["templates", "remove", "rejection"])
        #expect(inUse.status == 1 && inUse.errors.contains("Remove the actions that send Rejection first: the reason Not a fit for the role"))
        #expect(cli.savedState() == before)
        let removed = try succeed(["templates", "remove", "offer follow"], cli)
        #expect(removed.contains("Removed the email template Offer follow-up"))
        #expect(try !succeed(["templates", "list"], cli).contains("Offer follow-up"))
    }

    @Test(arguments: TestStore.allCases) func aTemplateWithAnUnknownPlaceholderIsRefusedNamingIt(store: TestStore) throws {
        let cli = try demo(store)
        let before = cli.savedState()
        let added = try cli.run(
            ["templates", "add", "--name", "Call", "--subject", "Hi", "--body", "We will call {{candidate.phone}}."])
        #expect(added.status == 1 && added.errors.contains("{{candidate.phone}}"))
        let edited = try cli.run(["templates", "edit", "thanks", "--subject", "Hi {{candidate.nick}}"])
        #expect(edited.status == 1 && edited.errors.contains("{{candidate.nick}}"))
        #expect(cli.savedState() == before)
    }

    // MARK: Permissions

    static let changes: [[String]] = [
        ["pipeline", "add", "--job", "ios", "Culture chat"],
        ["pipeline", "add", "--default", "Culture chat"],
        ["pipeline", "rename", "--job", "ios", "--stage", "hired", "--to", "Signed"],
        ["pipeline", "move", "--job", "ios", "--stage", "hired", "--to-position", "1"],
        ["pipeline", "remove", "--job", "ios", "--stage", "interview"],
        ["pipeline", "remove", "--job", "ios", "--stage", "interview", "--move-candidates-to", "applied"],
        ["jobs", "create", "Data Engineer"],
        ["jobs", "rename", "ios", "--to", "iOS Engineer"],
        ["jobs", "close", "ios"],
        ["jobs", "reopen", "ios"],
        ["reasons", "add", "Salary expectations"],
        ["reasons", "rename", "withdrew", "--to", "Withdrew their application"],
        ["reasons", "remove", "withdrew"],
        ["automations", "add", "--reason", "withdrew", "--note", "Withdrew"],
        ["templates", "add", "--name", "Nudge", "--subject", "Hello", "--body", "Hi"],
        ["templates", "edit", "thanks", "--subject", "Thank you"],
        ["templates", "remove", "thanks"],
    ]

    @Test(arguments: changes, TestStore.allCases)
    func aSetupChangeNeedsBothPermissions(_ change: [String], store: TestStore) throws {
        let cli = try demo(store)
        let before = cli.savedState()
        let manager = try cli.run(change + ["--as", "dev"])
        #expect(manager.status == 3)
        #expect(manager.errors.contains("Dev Patel may not"))
        #expect(manager.errors.contains("needs the permissions for managing automations and editing jobs"))
        let recruiter = try cli.run(change + ["--as", "ben"])
        #expect(recruiter.status == 3)
        #expect(recruiter.errors.contains("needs the permission for managing automations;"))
        #expect(cli.savedState() == before)
    }

    @Test(arguments: [
        "pipeline", "pipeline list", "pipeline add", "pipeline rename", "pipeline move", "pipeline remove",
        "jobs", "jobs list", "jobs create", "jobs rename", "jobs close", "jobs reopen",
        "reasons", "reasons list", "reasons add", "reasons rename", "reasons remove",
        "templates", "templates list", "templates add", "templates edit", "templates remove", "templates preview",
    ])
    func everySetupCommandHasHelp(_ command: String) throws {
        let result = try StagehandCLI().run(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("USAGE"))
        #expect(!result.output.contains("<to>") && !result.output.contains("<move-candidates-to>"))
    }
}
