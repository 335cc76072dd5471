import Foundation
import StagehandCore
import Testing
@testable import StagehandBoard

/// Typing into the action forms, as Ana (an admin) does: what each key does to the
/// fields, what a problem looks like before saving, and the change a save asks for.
@MainActor @Suite struct FormUpdateTests {
    typealias F = BoardFixture

    /// The board focused on stage `stage` (1-based) of the first job, with a new action's form open.
    func newActionForm(stage: Int = 1) throws -> (BoardState, ActionOwner) {
        var state = F.state()
        F.press([.character(Character(String(stage))), .character("a"), .character("n")], &state)
        let job = try #require(state.job)
        let owner = ActionOwner.stage(.job(job.id), job.pipeline[stage - 1].id)
        #expect(F.form(state)?.purpose == .action(owner, replacing: nil))
        return (state, owner)
    }

    func labels(_ state: BoardState) -> [String] { F.form(state)?.fields.map(\.label) ?? [] }
    func focusedKey(_ state: BoardState) -> FormField.Key? { F.form(state)?.focusedField?.key }
    func value(_ field: ActionDraft.Field, _ state: BoardState) -> String? { F.form(state)?.value(field) }

    // MARK: Saving an email

    @Test func anEmailWithACustomDelayIsSavedAsTyped() throws {
        var (state, owner) = try newActionForm()
        #expect(labels(state) == ["Kind", "Template", "Template name", "Subject", "Body", "From", "Delay", "When"])
        #expect(focusedKey(state) == .draft(.kind))
        F.press(Array(repeating: .tab, count: 6), &state)
        #expect(focusedKey(state) == .draft(.delay))
        F.type("90m", &state)
        #expect(F.form(state)?.hints[.draft(.delay)] == "90 minutes after entry")

        let effects = F.press([.enter], &state)
        guard case .saveAction(let draft, let savedFor, let replacing, _) = try F.change(in: effects) else {
            Issue.record("expected an action to be saved, got \(effects)")
            return
        }
        #expect(savedFor == owner && replacing == nil)
        #expect(draft.kind == .sendEmail && draft.template == "tpl-thanks")
        #expect(draft.subject == "Thanks for applying to {{company.name}}")
        #expect(draft.sender == "mover" && draft.delay == "90m")
        #expect(F.form(state) != nil, "the form waits for the core's answer")

        let said = try F.perform(effects, &state)
        #expect(said.hasPrefix("Added to Applied (Senior iOS Engineer): Email 'Thanks for applying' from the mover"))
        let actions = try #require(state.workspace.actions(of: owner))
        #expect(actions.count == 2)
        #expect(actions.last == .sendEmail(.init(template: "tpl-thanks", sender: .mover, delay: RelativeDuration(90, .minutes))))
        #expect(F.screens(state) == [.actions(owner, selected: 1)], "the form closes and the new action is highlighted")
        #expect(state.status == StatusLine(kind: .info, text: said))
    }

    @Test func aDelayThatIsNotADurationShowsItsProblemUnderTheFieldAndIsNotSaved() throws {
        var (state, _) = try newActionForm()
        F.press(Array(repeating: .tab, count: 6), &state)
        F.type("90x", &state)
        let problem = try #require(F.form(state)?.problems[.draft(.delay)])
        #expect(problem.contains("'90x' is not a duration"))
        #expect(F.form(state)?.hints[.draft(.delay)] == nil, "no hint pretends to read it")
        let lines = F.lines(state)
        let row = try #require(lines.firstIndex { $0.hasPrefix(" Delay ") })
        #expect(lines[row].contains("90x_"))
        #expect(lines[row + 1].contains("! '90x' is not a duration"))

        // Saving from another field brings the focus back to the problem.
        F.press([.up], &state)
        #expect(focusedKey(state) == .draft(.sender))
        #expect(F.press([.enter], &state).isEmpty)
        #expect(focusedKey(state) == .draft(.delay))
        #expect(state.status?.kind == .error)
        #expect(state.status?.text.hasPrefix("Not saved: '90x' is not a duration") == true)
        #expect(F.form(state)?.value(.delay) == "90x", "nothing typed is lost")
        #expect(F.lines(state).last?.contains("Not saved: '90x'") == true)
    }

    @Test func anUnknownPlaceholderIsNamedAtItsFieldAndThePreviewWaits() throws {
        var (state, _) = try newActionForm()
        F.press([.down, .down, .down], &state)
        #expect(focusedKey(state) == .draft(.subject))
        F.type(" {{candidate.nickname}}", &state)
        let problem = try #require(F.form(state)?.problems[.draft(.subject)])
        #expect(problem.contains("{{candidate.nickname}}"))
        let text = Board.render(state).text
        #expect(text.contains("Preview for Peter Schmidt: shows once the placeholders are right."))

        F.press([.tab, .tab, .tab], &state)
        #expect(focusedKey(state) == .draft(.delay))
        #expect(F.press([.enter], &state).isEmpty)
        #expect(focusedKey(state) == .draft(.subject))
        #expect(F.press([.control("s")], &state).isEmpty, "Ctrl-S is refused just the same")

        // Taking it out again makes the form savable.
        F.press(Array(repeating: .backspace, count: " {{candidate.nickname}}".count), &state)
        #expect(F.form(state)?.problems.isEmpty == true)
        #expect(Board.render(state).text.contains("Subject: Thanks for applying to Northwind Robotics"))
        #expect(F.press([.control("s")], &state).count == 1)
    }

    @Test func aTaskTitleWithPlaceholdersIsPreviewedAndAnUnknownOneIsRefused() throws {
        var (state, _) = try newActionForm()
        F.press([.right, .right, .tab], &state)
        #expect(focusedKey(state) == .draft(.title))
        F.type("Send laptop to {{candidate.first_name}}", &state)
        #expect(F.form(state)?.hints[.draft(.title)] == "for Peter Schmidt: Send laptop to Peter")
        #expect(F.lines(state).contains { $0.contains("for Peter Schmidt: Send laptop to Peter") }, "shown under the field")
        F.press(Array(repeating: .left, count: 2), &state)
        F.type("x", &state)
        let problem = try #require(F.form(state)?.problems[.draft(.title)])
        #expect(problem.hasPrefix("The task title uses the unknown placeholder {{candidate.first_namex}}"))
        #expect(F.press([.control("s")], &state).isEmpty, "not saved")
    }

    @Test func aNewTemplateWrittenInsideTheActionFormIsCreatedWithTheAction() throws {
        var (state, owner) = try newActionForm(stage: 7)
        F.press([.down, .left], &state)  // the template list ends with "New template"
        #expect(F.form(state)?.fields[1].shownValue == "New template")
        #expect(value(.subject, state) == "" && value(.body, state) == "")
        F.press([.down], &state)
        F.type("Welcome aboard", &state)
        F.press([.down], &state)
        F.type("Welcome to {{company.name}}", &state)
        F.press([.down], &state)
        F.type("Hi {{candidate.first_name}},", &state)
        #expect(F.press([.enter], &state).isEmpty, "Enter in the body starts a new line")
        F.type("see you on Monday.", &state)
        #expect(value(.body, state) == "Hi {{candidate.first_name}},\nsee you on Monday.")
        #expect(Board.render(state).text.contains("Subject: Welcome to Northwind Robotics"))

        let effects = F.press([.control("s")], &state)
        guard case .saveAction(let draft, _, nil, _) = try F.change(in: effects) else {
            Issue.record("expected a new action, got \(effects)")
            return
        }
        #expect(draft.template == nil && draft.templateName == "Welcome aboard")
        try F.perform(effects, &state)
        let template = try #require(state.workspace.setup.emailTemplates.first { $0.name == "Welcome aboard" })
        #expect(template.body == "Hi {{candidate.first_name}},\nsee you on Monday.")
        #expect(state.workspace.actions(of: owner) == [.sendEmail(.init(template: template.id, sender: .mover))])
    }

    // MARK: Kinds, completion, presets

    @Test func switchingTheKindBringsThatKindsFields() {
        var state = F.state()
        F.press([.character("a"), .character("n"), .right], &state)
        #expect(labels(state) == ["Kind", "Note", "When"])
        F.press([.right], &state)
        #expect(labels(state) == ["Kind", "Task title", "Assignee", "Due", "When"])
        #expect(value(.due, state) == "3d" && F.form(state)?.hints[.draft(.due)] == "3 days after the move")
        #expect(Board.render(state).text.contains("‹ Add a task ›"))
        F.press([.left, .left, .left], &state)  // past the email, round to the last kind
        #expect(labels(state) == ["Kind", "Assign to", "When"])
        #expect(focusedKey(state) == .draft(.kind), "the focus stays on Kind while choosing")
    }

    @Test func typingOnAChoiceChangesNothing() {
        var state = F.state()
        F.press([.character("a"), .character("n")], &state)
        let before = F.form(state)
        F.press(F.keys("xq") + [.backspace, .control("u")], &state)
        #expect(F.form(state) == before)
        #expect(F.screens(state).count == 2, "q types (or is ignored) in a form: it never closes it")
    }

    @Test func tabCompletesAMembersNameThenMovesOn() throws {
        var (state, owner) = try newActionForm(stage: 7)
        F.press([.right, .right, .tab], &state)
        #expect(focusedKey(state) == .draft(.title))
        F.type("Send the welcome pack", &state)
        F.press([.tab], &state)
        #expect(focusedKey(state) == .draft(.assignee))
        F.type("oka", &state)
        #expect(F.lines(state).contains { $0.contains("Tab: Ben Okafor") })
        F.press([.tab], &state)
        #expect(value(.assignee, state) == "Ben Okafor")
        #expect(focusedKey(state) == .draft(.assignee), "the first Tab completes, the next one moves on")
        F.press([.tab], &state)
        #expect(focusedKey(state) == .draft(.due))

        let effects = F.press([.enter], &state)
        try F.perform(effects, &state)
        let task = AutomaticAction.addTask(.init(title: "Send the welcome pack", assignee: "ben", due: .after(RelativeDuration(3, .days))))
        #expect(state.workspace.actions(of: owner) == [task])
    }

    @Test func downMovesOnWithoutCompleting() {
        var state = F.state()
        F.press([.character("a"), .character("n"), .right, .right, .down, .down], &state)
        F.type("oka", &state)
        F.press([.down], &state)
        #expect(value(.assignee, state) == "oka")
        #expect(focusedKey(state) == .draft(.due))
    }

    @Test func tabCompletesTagsInUseOneItemAtATime() throws {
        var (state, owner) = try newActionForm()
        F.press([.right, .right, .right, .tab], &state)
        #expect(labels(state) == ["Kind", "Tags", "When"])
        #expect(state.workspace.tagsInUse.contains("take-home") && state.workspace.tagsInUse.contains("swift"))
        F.type("take", &state)
        F.press([.tab], &state)
        #expect(value(.tags, state) == "take-home")
        F.type(", sw", &state)
        F.press([.tab], &state)
        #expect(value(.tags, state) == "take-home, swift")
        #expect(focusedKey(state) == .draft(.tags))

        let effects = F.press([.enter], &state)
        let change = try F.change(in: effects)
        guard case .saveAction(let draft, _, _, _) = change else {
            Issue.record("expected an action to be saved, got \(change)")
            return
        }
        #expect(draft.tags == "take-home, swift")
        try F.perform(effects, &state)
        #expect(state.workspace.actions(of: owner)?.last == .addTags(.init(tags: ["take-home", "swift"])))
    }

    @Test func arrowsWalkTheDelayPresetsAndTheHintSaysWhatEachMeans() {
        var state = F.state()
        F.press([.character("a"), .character("n")] + Array(repeating: Key.tab, count: 6), &state)
        #expect(F.form(state)?.hints[.draft(.delay)] == "at once")
        var seen: [String] = []
        for _ in 0..<3 {
            F.press([.right], &state)
            seen.append("\(value(.delay, state) ?? "") = \(F.form(state)?.hints[.draft(.delay)] ?? "")")
        }
        #expect(seen == ["30m = 30 minutes after entry", "1h = 1 hour after entry", "4h = 4 hours after entry"])
        F.press([.left, .left, .left], &state)
        #expect(value(.delay, state) == "" && F.form(state)?.hints[.draft(.delay)] == "at once")
        F.press([.left], &state)
        #expect(value(.delay, state) == "2bd" && F.form(state)?.hints[.draft(.delay)] == "2 business days after entry")
        // A preset is text like any other: Ctrl-U clears it for a custom one.
        F.press([.control("u")], &state)
        F.type("36h", &state)
        #expect(F.form(state)?.hints[.draft(.delay)] == "36 hours after entry")
    }

    // MARK: Editing

    @Test func editingAnEmailActionFillsTheFormAndReplacesItInPlace() throws {
        var state = F.state()
        let job = try #require(state.job)
        let owner = ActionOwner.stage(.job(job.id), job.pipeline[2].id)
        F.press([.character("3"), .character("a"), .enter], &state)
        let form = try #require(F.form(state))
        #expect(form.purpose == .action(owner, replacing: 0))
        #expect(form.title == "Action 1 of Interview (Senior iOS Engineer)")
        #expect(form.value(.template) == "tpl-interview" && form.value(.templateName) == "Interview invitation")
        #expect(form.value(.sender) == "ben" && form.value(.delay) == "1h")
        #expect(form.focusedField?.key == .draft(.template), "the kind is set already: focus starts on what follows")
        #expect(F.lines(state).contains { $0.hasPrefix(" From             Ben Okafor") })

        F.press(Array(repeating: .tab, count: 5) + [.control("u")], &state)
        F.type("2h", &state)
        let effects = F.press([.enter], &state)
        guard case .saveAction(let draft, owner, 0, let expected) = try F.change(in: effects) else {
            Issue.record("expected action 1 to be replaced, got \(effects)")
            return
        }
        #expect(draft.delay == "2h" && draft.sender == "ben")
        #expect(expected == state.workspace.stageActions(of: owner)?.first, "it carries the action it replaces")
        try F.perform(effects, &state)
        let actions = try #require(state.workspace.actions(of: owner))
        #expect(actions.count == 4)
        #expect(actions.first == .sendEmail(.init(template: "tpl-interview", sender: .member("ben"), delay: RelativeDuration(2, .hours))))
        #expect(F.screens(state) == [.actions(owner, selected: 0)], "the edited action stays highlighted")
    }

    @Test func editingATaskFillsItsFields() throws {
        var state = F.state()
        F.press([.character("2"), .character("a"), .down, .character("e")], &state)
        let form = try #require(F.form(state))
        #expect(form.fields.map(\.label) == ["Kind", "Task title", "Assignee", "Due", "When"])
        #expect(form.value(.title) == "Hold the phone screen")
        #expect(form.value(.assignee) == "Ben Okafor" && form.value(.due) == "3d")
        #expect(form.focusedField?.key == .draft(.title) && form.problems.isEmpty)
    }

    // MARK: Leaving a form

    @Test func escapeOnAChangedFormAsksFirstThenCancelsAndNothingIsSaved() {
        var state = F.state()
        F.press([.character("a"), .character("n"), .down, .down, .down], &state)
        F.type("Changed my mind", &state)
        #expect(F.press([.escape], &state).isEmpty)
        #expect(F.lines(state).contains { $0.contains("Throw away your changes") })
        F.press([.enter], &state)
        #expect(F.form(state)?.fields.contains { $0.value.contains("Changed my mind") } == true, "Enter answers no: the form stays, as typed: \(F.form(state)?.fields.map(\.value) ?? [])")
        #expect(F.press([.escape, .character("y")], &state).isEmpty)
        guard case .actions = F.screens(state).last else {
            Issue.record("expected the list back, got \(F.screens(state))")
            return
        }
        #expect(F.screens(state).count == 1)
        #expect(state.status == StatusLine(kind: .info, text: "Cancelled; nothing saved"))
    }

    @Test func theCoreSavingClosesTheForm() {
        var state = F.state()
        F.press([.character("a"), .character("n")], &state)
        _ = Board.update(&state, .setupChanged("Added to Applied"))
        #expect(F.form(state) == nil)
        #expect(state.status == StatusLine(kind: .info, text: "Added to Applied"))
    }

    @Test func theListHighlightsWhatWasAddedAsSoonAsTheCoreSaysSo() throws {
        var (state, owner) = try newActionForm()
        let change = try F.change(in: F.press([.enter], &state))
        var workspace = state.workspace
        let said = try workspace.apply(change, by: "ana", now: F.now)
        // The runner's order: the new workspace, then the sentence; drawn before anything else arrives.
        _ = Board.update(&state, .workspaceChanged(workspace))
        _ = Board.update(&state, .setupChanged(said))
        #expect(F.screens(state) == [.actions(owner, selected: 1)])
        #expect(Board.render(state).text.contains("2. ⚡ Email 'Thanks for applying'"))
    }

    @Test func theCoreRefusingKeepsTheFormWithItsReasonUntilTheNextKey() throws {
        var state = F.state()
        F.press([.character("a"), .character("n"), .down, .down, .down], &state)
        F.type("!", &state)
        #expect(F.press([.control("s")], &state).count == 1)
        let refusal = "Ana Lindqvist may not change automatic actions: that needs the permission for managing automations; ask an admin."
        _ = Board.update(&state, .failed(refusal))
        let form = try #require(F.form(state))
        #expect(form.saveError == refusal && form.value(.subject).hasSuffix("!"))
        #expect(state.status == StatusLine(kind: .error, text: refusal))
        #expect(Board.render(state).text.contains("Not saved: Ana Lindqvist may not change automatic actions"))
        F.type("!", &state)
        #expect(F.form(state)?.saveError == nil, "typing again means trying again")
    }
}
