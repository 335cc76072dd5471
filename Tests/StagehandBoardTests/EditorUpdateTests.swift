import Foundation
import StagehandCore
import Testing
@testable import StagehandBoard

/// The setup editors' list screens through `update`: opening them from the board,
/// the changes their keys ask for, and what the board shows once the core made them.
@MainActor @Suite struct EditorUpdateTests {
    typealias F = BoardFixture

    // MARK: Opening and closing

    @Test func eachEditorOpensFromTheBoardAndEscapeComesBack() throws {
        var state = F.state()
        let job = try #require(state.job)
        let interview = job.pipeline[2].id
        let opened: [(Key, EditorScreen)] = [
            (.character("a"), .actions(.stage(.job(job.id), interview), selected: 0)),
            (.character("p"), .pipeline(.job(job.id), selected: 2)),
            (.character("e"), .templates(selected: 0)),
            (.character("r"), .reasons(selected: 0)),
        ]
        F.press([.character("3")], &state)
        for (key, screen) in opened {
            #expect(F.press([key], &state).isEmpty)
            #expect(F.screens(state) == [screen], "\(key)")
            F.press([.escape], &state)
            #expect(state.mode == .board, "Esc after \(key)")
            #expect(state.stageIndex == 2, "the board is where it was")
        }
    }

    @Test func escapeGoesBackOneScreenAtATime() throws {
        var state = F.state()
        let job = try #require(state.job)
        F.press([.character("p"), .down, .enter, .character("n")], &state)
        let stage = ActionOwner.stage(.job(job.id), job.pipeline[1].id)
        #expect(F.screens(state).count == 3)
        #expect(F.form(state)?.purpose == .action(stage, replacing: nil))
        F.press([.escape], &state)
        #expect(F.screens(state) == [.pipeline(.job(job.id), selected: 1), .actions(stage, selected: 0)])
        F.press([.character("q")], &state)
        #expect(F.screens(state) == [.pipeline(.job(job.id), selected: 1)])
        F.press([.escape], &state)
        #expect(state.mode == .board)
    }

    @Test func theBottomBarShowsTheKeysAgainAfterTheNextKey() {
        var state = F.state()
        F.press([.character("a"), .character("n"), .escape], &state)
        #expect(F.lines(state).last == " Cancelled; nothing saved")
        F.press([.down], &state)
        #expect(state.status == nil)
        #expect(F.lines(state).last?.contains("n add") == true)
    }

    // MARK: Actions of a stage

    @Test func addingAnActionToAnEmptyStageShowsTheBoltOnTheBoard() throws {
        var state = F.state()
        F.press([.character("7")], &state)
        #expect(state.stage?.name == "Hired" && state.stage?.actions.isEmpty == true)
        #expect(F.lines(state)[1].contains("Hired 1") && !F.lines(state)[1].contains("Hired ⚡"))
        F.press([.character("a")], &state)
        #expect(Board.render(state).text.contains("No automatic actions yet: n adds one."))
        F.press([.character("n")] + Array(repeating: Key.tab, count: 6), &state)
        F.type("1d", &state)
        try F.perform(F.press([.enter], &state), &state)
        #expect(Board.render(state).text.contains("1. ⚡ Email 'Thanks for applying' from the mover, 1 day after entry"))
        F.press([.escape], &state)
        #expect(state.mode == .board)
        #expect(F.lines(state)[1].contains("7 Hired ⚡ 1"))
    }

    @Test func removingAnActionAsksFirst() throws {
        var state = F.state()
        let job = try #require(state.job)
        let owner = ActionOwner.stage(.job(job.id), job.pipeline[0].id)
        F.press([.character("a")], &state)
        for key in [Key.character("n"), .escape, .enter] {
            var declined = state
            #expect(F.press([.character("x")], &declined).isEmpty)
            guard case .confirm(let confirmation) = F.screens(declined).last else {
                Issue.record("x should ask first")
                return
            }
            #expect(confirmation.question == "Remove action 1 of Applied (Senior iOS Engineer): Email 'Thanks for applying' from the mover, at once?")
            #expect(F.press([key], &declined).isEmpty, "\(key) keeps the action")
            #expect(F.screens(declined) == [.actions(owner, selected: 0)])
            #expect(declined.status == StatusLine(kind: .info, text: "Kept; nothing changed"))
        }
        let first = state.workspace.stageActions(of: owner)?.first
        let effects = F.press([.character("x"), .character("y")], &state)
        #expect(effects == [.changeSetup(.removeAction(owner: owner, index: 0, expecting: first))])
        #expect(F.screens(state) == [.actions(owner, selected: 0)])
        try F.perform(effects, &state)
        #expect(state.workspace.actions(of: owner) == [])
        F.press([.escape], &state)
        #expect(F.lines(state)[1].hasPrefix(" 1 Applied 7 "), "no bolt once the stage has no actions")
    }

    @Test func capitalKAndJReorderAndTheHighlightFollows() throws {
        var state = F.state()
        let job = try #require(state.job)
        let owner = ActionOwner.stage(.job(job.id), job.pipeline[2].id)
        let before = try #require(state.workspace.stageActions(of: owner))
        F.press([.character("3"), .character("a")], &state)
        #expect(F.press([.character("K")], &state).isEmpty, "the first action cannot run earlier")
        let effects = F.press([.character("J")], &state)
        #expect(effects == [.changeSetup(.moveAction(owner: owner, from: 0, to: 1, expecting: before[0]))])
        #expect(F.screens(state) == [.actions(owner, selected: 1)])
        try F.perform(effects, &state)
        #expect(state.workspace.stageActions(of: owner) == [before[1], before[0], before[2], before[3]])
        #expect(F.screens(state) == [.actions(owner, selected: 1)])

        F.press([.down, .down], &state)
        #expect(F.press([.character("J")], &state).isEmpty, "the last action cannot run later")
        #expect(F.press([.character("K")], &state) == [.changeSetup(.moveAction(owner: owner, from: 3, to: 2, expecting: before[3]))])
    }

    // MARK: Pipelines

    @Test func addingAStageSelectsIt() throws {
        var state = F.state()
        let job = try #require(state.job)
        F.press([.character("p"), .character("n")], &state)
        #expect(F.form(state)?.title == "New stage for Senior iOS Engineer")
        #expect(F.form(state)?.problems[.name] == "A stage needs a name.")
        F.type("interview", &state)
        #expect(F.form(state)?.problems[.name] == "Senior iOS Engineer already has a stage called Interview: choose another name.")
        #expect(F.press([.enter], &state).isEmpty)
        F.press([.control("u")], &state)
        F.type("Onsite", &state)
        let effects = F.press([.enter], &state)
        #expect(effects == [.changeSetup(.addStage(.job(job.id), name: "Onsite"))])
        try F.perform(effects, &state)
        #expect(state.job?.pipeline.map(\.name).last == "Onsite")
        #expect(F.screens(state) == [.pipeline(.job(job.id), selected: 7)])
        #expect(Board.render(state).text.contains("8. Onsite  (no actions, 0 cards)"))
    }

    @Test func renamingAStageStartsFromItsName() throws {
        var state = F.state()
        let job = try #require(state.job)
        F.press([.character("p"), .character("e")], &state)
        let form = try #require(F.form(state))
        #expect(form.purpose == .renameStage(.job(job.id), "applied"))
        #expect(form.value(.name) == "Applied")
        #expect(form.problems.isEmpty, "its own name is no clash")
        F.press([.control("u")], &state)
        F.type("New applicants", &state)
        let effects = F.press([.enter], &state)
        #expect(effects == [.changeSetup(.renameStage(.job(job.id), "applied", name: "New applicants"))])
        try F.perform(effects, &state)
        F.press([.escape], &state)
        #expect(F.lines(state)[1].hasPrefix(" 1 New applicants ⚡ 7"))
    }

    @Test func removingAnOccupiedStageAsksWhereItsCandidatesGo() throws {
        var state = F.state()
        let job = try #require(state.job)
        let people = state.cards(inStage: 2).map(\.id)
        #expect(people.count == 3)
        F.press([.character("3"), .character("p"), .character("x")], &state)
        let form = try #require(F.form(state))
        #expect(form.purpose == .removeStage(.job(job.id), "interview"))
        #expect(form.fields.map(\.label) == ["Move them to"])
        #expect(form.value(.destination) == "phone-screen", "the stage before it is offered first")
        F.press([.right], &state)
        #expect(F.form(state)?.value(.destination) == "take-home")
        let effects = F.press([.enter], &state)
        #expect(effects == [.changeSetup(.removeStage(.job(job.id), "interview", movingTo: "take-home"))])
        try F.perform(effects, &state)
        #expect(state.job?.pipeline.map(\.id).contains("interview") == false)
        #expect(people.allSatisfy { state.workspace.candidates[$0]?.placement(in: job.id)?.stage == "take-home" })
        #expect(F.screens(state) == [.pipeline(.job(job.id), selected: 2)])
    }

    @Test func removingAnEmptyStageAsksToConfirm() throws {
        var state = F.state()
        let job = try #require(state.job)
        F.press([.character("p"), .character("n")], &state)
        F.type("Onsite", &state)
        try F.perform(F.press([.enter], &state), &state)
        let onsite = try #require(state.job?.pipeline.last?.id)
        #expect(F.press([.character("x")], &state).isEmpty)
        guard case .confirm(let confirmation) = F.screens(state).last else {
            Issue.record("an empty stage is removed after a question, got \(F.screens(state))")
            return
        }
        #expect(confirmation.question == "Remove the stage Onsite from Senior iOS Engineer?")
        let effects = F.press([.character("y")], &state)
        #expect(effects == [.changeSetup(.removeStage(.job(job.id), onsite, movingTo: nil))])
        try F.perform(effects, &state)
        #expect(state.job?.pipeline.count == 7)
        #expect(F.screens(state) == [.pipeline(.job(job.id), selected: 6)])
    }

    @Test func capitalJMovesAStageRightAndTheBoardFollows() throws {
        var state = F.state()
        let job = try #require(state.job)
        let peter = try #require(state.focused)
        F.press([.character("p")], &state)
        #expect(F.press([.character("K")], &state).isEmpty, "the first stage cannot move left")
        let effects = F.press([.character("J")], &state)
        #expect(effects == [.changeSetup(.moveStage(.job(job.id), "applied", to: 1))])
        try F.perform(effects, &state)
        #expect(state.job?.pipeline.prefix(2).map(\.name) == ["Phone screen", "Applied"])
        #expect(F.screens(state) == [.pipeline(.job(job.id), selected: 1)], "the highlight moves with the stage")
        F.press([.escape], &state)
        #expect(F.lines(state)[1].hasPrefix(" 1 Phone screen ⚡ 4"))
        #expect(state.focused == peter && state.stageIndex == 1, "the focused card is still focused, in its new column")
    }

    @Test func anotherBoardRemovingTheStageLeavesAnHonestScreen() throws {
        var state = F.state()
        let job = try #require(state.job)
        F.press([.character("3"), .character("a")], &state)
        var elsewhere = state.workspace
        try elsewhere.apply(.removeStage(.job(job.id), "interview", movingTo: "phone-screen"), by: "ana", now: F.now)
        _ = Board.update(&state, .workspaceChanged(elsewhere))
        let text = Board.render(state).text
        #expect(text.contains("This no longer exists"))
        #expect(text.contains("Someone removed it meanwhile. Esc goes back."))
        #expect(F.press([.character("n")], &state).isEmpty)
        #expect(F.screens(state).count == 1, "no form for adding to something gone")
        F.press([.escape], &state)
        #expect(state.mode == .board)
    }

    @Test func tabSwitchesBetweenTheJobsPipelineAndTheDefaultTemplate() throws {
        var state = F.state()
        let job = try #require(state.job)
        F.press([.character("p"), .tab], &state)
        #expect(F.screens(state) == [.pipeline(.defaultTemplate, selected: 0)])
        F.press([.down, .down, .enter], &state)
        #expect(F.screens(state).last == .actions(.stage(.defaultTemplate, "interview"), selected: 0))
        #expect(Board.render(state).text.contains("The default template: changes reach jobs created afterwards only."))
        F.press([.escape], &state)
        #expect(F.press([.character("o")], &state).isEmpty, "the template is no job to close")
        F.press([.character("x")], &state)
        guard case .confirm(let confirmation) = F.screens(state).last else {
            Issue.record("the template's stages hold nobody: removing one only asks")
            return
        }
        #expect(confirmation.question == "Remove the stage Interview from the default pipeline? Its 4 automatic actions go with it.")
        F.press([.character("n"), .tab], &state)
        #expect(F.screens(state) == [.pipeline(.job(job.id), selected: 0)])
    }

    @Test func capitalNCreatesAJobAndTheBoardGoesToIt() throws {
        var state = F.state()
        let jobs = state.workspace.setup.jobs.count
        F.press([.character("p"), .character("N")], &state)
        #expect(F.form(state)?.purpose == .newJob)
        #expect(F.form(state)?.fields.map(\.label) == ["Job title"])
        F.type("Robot Wrangler", &state)
        let effects = F.press([.enter], &state)
        #expect(effects == [.changeSetup(.createJob(title: "Robot Wrangler"))])
        try F.perform(effects, &state)
        #expect(state.workspace.setup.jobs.count == jobs + 1)
        let job = try #require(state.job)
        #expect(job.title == "Robot Wrangler")
        #expect(job.pipeline.map(\.name) == state.workspace.setup.defaultPipeline.map(\.name))
        #expect(F.screens(state) == [.pipeline(.job(job.id), selected: 0)])
        #expect(Board.render(state).text.contains("Pipeline of Robot Wrangler (open)"))
    }

    @Test func oClosesAndReopensTheJob() throws {
        var state = F.state()
        let job = try #require(state.job)
        F.press([.character("p")], &state)
        let close = F.press([.character("o")], &state)
        #expect(close == [.changeSetup(.setJobStatus(job.id, .closed))])
        try F.perform(close, &state)
        #expect(state.status == StatusLine(kind: .info, text: "Closed the job Senior iOS Engineer"))
        #expect(F.screens(state) == [.pipeline(.job(job.id), selected: 0)], "no form to close: the list stays")
        let lines = F.lines(state)
        #expect(lines[0].contains("Senior iOS Engineer (closed)"))
        #expect(lines[1].contains("Pipeline of Senior iOS Engineer (closed)"))
        #expect(lines.contains { $0.contains("o reopens this one") })
        #expect(F.press([.character("o")], &state) == [.changeSetup(.setJobStatus(job.id, .open))])
    }

    @Test func angleBracketsMoveTheJobInTheJobOrderAndTheBoardStaysOnIt() throws {
        var state = F.state()
        let jobs = state.workspace.setup.jobs.map(\.id)
        try #require(jobs.count >= 2)
        let job = try #require(state.job)
        F.press([.character("p")], &state)
        #expect(F.lines(state)[1].contains("Pipeline of \(job.title) (open) · job 1 of \(jobs.count)"))
        #expect(F.press([.character("<")], &state).isEmpty, "the first job has no place before it")
        #expect(state.status == StatusLine(kind: .info, text: "\(job.title) is already the first job."))
        let later = F.press([.character(">")], &state)
        #expect(later == [.changeSetup(.moveJob(job.id, to: 1))])
        try F.perform(later, &state)
        #expect(state.workspace.setup.jobs.map(\.id) == [jobs[1], jobs[0]] + jobs.dropFirst(2))
        #expect(state.job?.id == job.id, "the board stays on the job it showed")
        #expect(state.jobIndex == 1)
        #expect(state.status == StatusLine(kind: .info, text: "\(job.title) is now job 2 of \(jobs.count)"))
        #expect(F.lines(state)[1].contains("· job 2 of \(jobs.count)"))
        F.press([.tab], &state)
        #expect(F.press([.character(">")], &state).isEmpty)
        #expect(state.status?.text == "The default template is no job: Tab back to a job to move it in the job order.")
        F.press([.escape], &state)
        #expect(F.lines(state)[0].contains("\(job.title) [2/\(jobs.count)]"))
        F.press([.tab], &state)
        #expect(state.job?.id == (jobs.count > 2 ? jobs[2] : jobs[1]), "Tab walks the new order")
    }

    @Test func theBoardStaysOnItsJobWhenSomeoneElseReordersTheJobs() throws {
        var state = F.state()
        let jobs = state.workspace.setup.jobs.map(\.id)
        try #require(jobs.count >= 2)
        F.press([.tab], &state)
        let shown = try #require(state.job)
        let focused = state.focused
        var elsewhere = state.workspace
        try elsewhere.moveJob(shown.id, to: 0, by: try #require(state.me))
        state.workspace = elsewhere
        #expect(state.job?.id == shown.id)
        #expect(state.jobIndex == 0)
        #expect(state.focused == focused, "nothing else on the board changes")
    }

    // MARK: Reasons

    @Test func addingAReasonThenGivingItAnAction() throws {
        var state = F.state()
        F.press([.character("r"), .character("n")], &state)
        #expect(F.form(state)?.purpose == .newReason)
        F.type("Hired elsewhere", &state)
        let effects = F.press([.enter], &state)
        #expect(effects == [.changeSetup(.addReason(name: "Hired elsewhere"))])
        try F.perform(effects, &state)
        let reason = try #require(state.workspace.setup.disqualificationReasons.last)
        #expect(reason.name == "Hired elsewhere")
        #expect(F.screens(state) == [.reasons(selected: 2)])

        F.press([.enter], &state)
        #expect(F.screens(state).last == .actions(.reason(reason.id), selected: 0))
        F.press([.character("n")], &state)
        #expect(F.form(state)?.title == "New action for the reason Hired elsewhere")
        F.press([.down, .left] + Array(repeating: Key.down, count: 5), &state)
        F.type("2d", &state)
        #expect(F.form(state)?.hints[.draft(.delay)] == "2 days after disqualification")
    }

    @Test func enterShowsAReasonsActions() {
        var state = F.state()
        F.press([.character("r"), .enter], &state)
        #expect(F.screens(state) == [.reasons(selected: 0), .actions(.reason("not-a-fit"), selected: 0)])
        #expect(Board.render(state).text.contains("1. ⚡ Email 'Rejection' from the mover, 2 days after disqualification"))
        F.press([.escape, .down, .character("a")], &state)
        #expect(F.screens(state) == [.reasons(selected: 1), .actions(.reason("withdrew"), selected: 0)])
    }

    // MARK: Templates

    @Test func aNewTemplateNeedsANameAndASubject() throws {
        var state = F.state()
        let count = state.workspace.setup.emailTemplates.count
        F.press([.character("e"), .character("n")], &state)
        #expect(F.form(state)?.fields.map(\.label) == ["Name", "Subject", "Body"])
        F.press([.down], &state)
        #expect(F.press([.enter], &state).isEmpty)
        let form = try #require(F.form(state))
        #expect(form.problems[.draft(.templateName)] == "Give the template a name.")
        #expect(form.problems[.draft(.subject)] == "An email needs a subject.")
        #expect(form.focusedField?.key == .draft(.templateName), "the first problem gets the focus")
        #expect(state.status == StatusLine(kind: .error, text: "Not saved: Give the template a name."))

        F.type("rejection", &state)
        #expect(F.form(state)?.problems[.draft(.templateName)] == "Another template is called Rejection: choose another name.")
        F.press([.control("u")], &state)
        F.type("Second interview", &state)
        F.press([.tab], &state)
        F.type("Next step at {{company.name}}", &state)
        #expect(Board.render(state).text.contains("Subject: Next step at Northwind Robotics"))
        let effects = F.press([.enter], &state)
        #expect(effects == [.changeSetup(.saveTemplate(nil, name: "Second interview", subject: "Next step at {{company.name}}", body: ""))])
        try F.perform(effects, &state)
        #expect(state.workspace.setup.emailTemplates.count == count + 1)
        #expect(F.screens(state) == [.templates(selected: count)])
        #expect(Board.render(state).text.contains("Second interview  (not sent by any action)"))
    }

    @Test func editingATemplateStartsFromItsText() throws {
        var state = F.state()
        F.press([.character("e"), .down, .enter], &state)
        let form = try #require(F.form(state))
        #expect(form.purpose == .template("tpl-phone-screen"))
        #expect(form.value(.templateName) == "Schedule your phone screen")
        #expect(form.value(.subject) == "{{job.title}}: let's schedule a phone screen")
        #expect(form.problems.isEmpty)
    }

    @Test func removingAnUnusedTemplateAsksFirst() throws {
        var state = F.state()
        let me = try #require(state.me)
        let id = try state.workspace.saveTemplate(nil, name: "Unused", subject: "Hi", body: "", by: me)
        let index = try #require(state.workspace.setup.emailTemplates.firstIndex { $0.id == id })
        F.press([.character("e")] + Array(repeating: .down, count: index) + [.character("x")], &state)
        guard case .confirm(let confirmation) = F.screens(state).last else {
            Issue.record("expected a question")
            return
        }
        #expect(confirmation.yes == .carryOut(.changeSetup(.removeTemplate(id))))
        #expect(F.press([.character("y")], &state) == [.changeSetup(.removeTemplate(id))])
        #expect(F.screens(state) == [.templates(selected: index)])
    }

    @Test func removingATemplateInUseSaysWhyAtOnceInsteadOfAsking() {
        var state = F.state()
        let effects = F.press([.character("e"), .character("x")], &state)
        #expect(effects.isEmpty)
        #expect(F.screens(state) == [.templates(selected: 0)])
        #expect(state.status?.kind == .error)
        #expect(state.status?.text.hasPrefix("Remove the actions that send Thanks for applying first:") == true)
    }

    // MARK: Read-only

    /// Every key that would change something, per editor; `j` first so that K has somewhere to go.
    static let editKeys: [(open: [Key], keys: [Key])] = [
        ([.character("3"), .character("a"), .down], [.character("n"), .character("x"), .delete, .character("K"), .character("J")]),
        ([.character("3"), .character("p")], [.character("n"), .character("e"), .character("x"), .character("K"), .character("J"), .character("N"), .character("o")]),
        ([.character("e"), .down], [.character("n"), .character("x")]),
        ([.character("r")], [.character("n"), .character("e"), .character("x")]),
        ([.character("r"), .enter], [.character("n"), .character("x")]),
    ]

    @Test(arguments: [
        ("dev", "Read-only: changing this needs the permissions for managing automations and editing jobs."),
        ("ben", "Read-only: changing this needs the permission for managing automations."),
    ])
    func readOnlyEditorsSayWhyAndChangeNothing(_ login: String, _ notice: String) {
        for (open, keys) in Self.editKeys {
            var opened = F.state(login: login)
            F.press(open, &opened)
            #expect(Board.render(opened).text.contains(notice), "\(open) shows why it is read-only")
            for key in keys {
                var state = opened
                #expect(F.press([key], &state).isEmpty, "\(login): \(open) then \(key)")
                #expect(state.mode == opened.mode, "\(login): \(open) then \(key) opens nothing")
                #expect(state.status == StatusLine(kind: .error, text: notice), "\(login): \(open) then \(key)")
                #expect(F.lines(state).last == " " + notice)
            }
        }
    }

    @Test(arguments: ["dev", "ben"], [
        [Key.character("3"), .character("a"), .down, .enter],
        [Key.character("e"), .down, .enter],
    ])
    func aReadOnlyFormShowsEverythingAndChangesNothing(_ login: String, _ open: [Key]) throws {
        var state = F.state(login: login)
        F.press(open, &state)
        let form = try #require(F.form(state))
        #expect(form.isReadOnly)
        #expect(F.lines(state)[1].contains("(read-only)"))
        let keys: [Key] = [.character("z"), .backspace, .right, .control("u"), .enter, .control("s")]
        for key in keys {
            #expect(F.press([key], &state).isEmpty, "\(login): \(key)")
            #expect(F.form(state)?.fields == form.fields, "\(login): \(key) changes no field")
            #expect(state.status?.kind == .error)
        }
        F.press([.tab], &state)
        #expect(F.form(state)?.focused == (form.focused + 1) % form.fields.count)
        F.press([.escape], &state)
        #expect(F.form(state) == nil)
    }

    @Test func readOnlyEditorsStillBrowse() throws {
        var state = F.state(login: "dev")
        let job = try #require(state.job)
        F.press([.character("p"), .down, .enter], &state)
        #expect(F.screens(state).last == .actions(.stage(.job(job.id), job.pipeline[1].id), selected: 0))
        F.press([.escape, .tab], &state)
        #expect(F.screens(state) == [.pipeline(.defaultTemplate, selected: 0)])
        F.press([.escape, .character("e"), .down, .down], &state)
        #expect(F.screens(state) == [.templates(selected: 2)])
        #expect(Board.render(state).text.contains("Subject: Interview for Senior iOS Engineer at Northwind Robotics"))
    }
}
