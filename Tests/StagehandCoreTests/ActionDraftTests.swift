import Foundation
import Testing
@testable import StagehandCore

/// Spec §2 and §5: the form behind "add / edit an automatic action". Each field is
/// checked on its own so that the editor shows every problem next to its field; a
/// draft is saved only when nothing is wrong, and an email's template is created or
/// updated in the same change.
@Suite struct ActionDraftTests {
    typealias T = TestWorkspace
    typealias Field = ActionDraft.Field

    static let interview = ActionOwner.stage(.job(T.backend), T.interview)
    static let placeholders =
        "{{candidate.first_name}}, {{candidate.name}}, {{job.title}}, {{stage.name}}, {{sender.name}} or {{company.name}}"
    static let notADueDay = "is not a due day: write a day such as 2026-12-01, or a time such as 3d, 36h or 2bd (business days)."
    static let notADuration = "is not a duration: use a number and a unit, such as 90m, 36h, 10d, 1w or 3bd (business days)."

    static func draft(_ kind: AutomaticAction.Kind, _ fields: [Field: String] = [:], in ws: Workspace = T.make()) -> ActionDraft {
        var draft = ActionDraft(kind: kind, in: ws)
        for (field, value) in fields { draft[field] = value }
        return draft
    }

    // MARK: The form of each kind

    @Test("Each kind's form shows its own fields, in order", arguments: [
        (AutomaticAction.Kind.sendEmail, [Field.kind, .template, .templateName, .subject, .body, .sender, .delay]),
        (.addNote, [.kind, .note]),
        (.addTask, [.kind, .title, .assignee, .due]),
        (.addTags, [.kind, .tags]),
        (.requestEvaluation, [.kind, .members]),
        (.addFollowers, [.kind, .members]),
        (.assign, [.kind, .target]),
    ])
    func fieldsOfEachKind(kind: AutomaticAction.Kind, fields: [Field]) {
        #expect(ActionDraft.fields(for: kind, owner: .stage(.defaultTemplate, "applied")) == fields + [.when], "a stage's actions say when they run")
        #expect(ActionDraft.fields(for: kind, owner: .reason("not-a-fit")) == fields, "a reason's run on disqualification")
    }

    @Test func aNewEmailStartsFromTheFirstTemplateSentByTheMoverAtOnce() {
        let draft = ActionDraft(kind: .sendEmail, in: T.make())
        #expect(draft.template == T.thanks)
        #expect(draft.templateName == "Thanks for applying")
        #expect(draft.subject == "Thanks")
        #expect(draft.body == "We got your application.")
        #expect(draft.sender == "mover")
        #expect(draft.delay == "")
        #expect(draft.problems(for: Self.interview, in: T.make()).isEmpty)
    }

    @Test func aNewEmailInAWorkspaceWithoutTemplatesStartsANewTemplate() {
        var ws = T.make()
        ws.setup.emailTemplates = []
        let draft = ActionDraft(kind: .sendEmail, in: ws)
        #expect(draft.template == nil)
        #expect(draft.problems(for: Self.interview, in: ws) == [
            .templateName: "Give the template a name.", .subject: "An email needs a subject.",
        ])
    }

    @Test func aNewTaskIsDueThreeDaysAfterTheMove() {
        let draft = ActionDraft(kind: .addTask, in: T.make())
        #expect(draft.due == "3d")
        #expect(draft.problems(for: Self.interview, in: T.make()) == [
            .title: "A task needs a title.", .assignee: "Say who the task is for.",
        ])
    }

    @Test func choosingAnotherTemplateShowsItsTextAndNoTemplateStartsANewOne() {
        let ws = T.make()
        var draft = ActionDraft(kind: .sendEmail, in: ws)
        draft.useTemplate(T.reminder, in: ws)
        #expect([draft.templateName, draft.subject, draft.body] == ["Interview reminder", "Reminder", "See you soon."])
        draft.useTemplate(nil, in: ws)
        #expect(draft.template == nil)
        #expect([draft.templateName, draft.subject, draft.body] == ["", "", ""])
    }

    @Test("Every field reads back what was typed into it", arguments: Field.allCases.filter { $0 != .kind && $0 != .template })
    func fieldsReadBackWhatWasTyped(field: Field) {
        var draft = ActionDraft(kind: .addNote, in: T.make())
        draft[field] = "typed text"
        #expect(draft[field] == "typed text")
    }

    @Test func theKindAndTemplateFieldsTakeTheirRawValues() {
        var draft = ActionDraft(kind: .addNote, in: T.make())
        draft[.kind] = "addTags"
        #expect(draft.kind == .addTags)
        draft[.kind] = "juggle"
        #expect(draft.kind == .addTags, "an unknown kind leaves the kind as it was")
        draft[.template] = "tpl-invite"
        #expect(draft.template == T.invite)
        draft[.template] = ""
        #expect(draft.template == nil)
    }

    // MARK: Opening an existing action

    @Test func anExistingActionOpensWithItsFieldsAsPeopleReadThem() {
        let ws = T.make()
        let email = ActionDraft(T.sendReminder, in: ws)
        #expect(email.kind == .sendEmail)
        #expect(email.template == T.reminder)
        #expect([email.templateName, email.subject, email.body] == ["Interview reminder", "Reminder", "See you soon."])
        #expect(email.sender == "mover")
        #expect(email.delay == "1h")
        #expect(ActionDraft(T.sendThanks, in: ws).sender == "rita")
        #expect(ActionDraft(T.sendThanks, in: ws).delay == "")

        let task = ActionDraft(T.screenTask, in: ws)
        #expect([task.title, task.assignee, task.due] == ["Prepare phone screen", "Rita Recruiter", "3d"])
        #expect(ActionDraft(T.screenNote, in: ws).note == "Phone screen booked")
        #expect(ActionDraft(.addTags(.init(tags: ["senior", "remote"])), in: ws).tags == "senior, remote")
        #expect(ActionDraft(.requestEvaluation(.init(members: [T.hugo, T.ada])), in: ws).members == "Hugo Hiring, Ada Admin")
        #expect(ActionDraft(T.ritaFollows, in: ws).members == "Rita Recruiter")
        #expect(ActionDraft(T.assignToPlatform, in: ws).target == "job-platform")
        #expect(ActionDraft(T.addToSilver, in: ws).target == "pool-silver")
    }

    /// Every action the test workspace holds, with its owner and place.
    static let everyAction: [(ActionOwner, Int)] = {
        let ws = T.make()
        var owners: [ActionOwner] = ws.setup.defaultPipeline.map { .stage(.defaultTemplate, $0.id) }
        for job in ws.setup.jobs { owners += job.pipeline.map { .stage(.job(job.id), $0.id) } }
        owners += ws.setup.disqualificationReasons.map { .reason($0.id) }
        return owners.flatMap { owner in (ws.actions(of: owner) ?? []).indices.map { (owner, $0) } }
    }()

    @Test func theRoundTripCoversEveryKind() {
        let ws = T.make()
        let kinds = Set(Self.everyAction.compactMap { ws.actions(of: $0.0)?[$0.1].kind })
        #expect(kinds == Set(AutomaticAction.Kind.allCases))
        #expect(Self.everyAction.count == 17)
    }

    @Test("Opening an action and saving it unchanged gives the same action and changes nothing", arguments: everyAction)
    func roundTrip(owner: ActionOwner, index: Int) throws {
        var ws = T.make()
        let before = ws
        let action = try #require(ws.actions(of: owner)?[index])
        let draft = ActionDraft(action, in: ws)
        #expect(draft.problems(for: owner, in: ws) == [:])
        #expect(try draft.action(for: owner, in: ws) == action)
        #expect(try ws.save(draft, to: owner, replacing: index, by: T.ada) == StageAction(action))
        #expect(ws == before)
    }

    // MARK: Live validation, field by field

    struct Problem: Sendable, CustomTestStringConvertible {
        var label: String
        var kind: AutomaticAction.Kind
        var typed: [Field: String]
        var newTemplate = false
        var expected: [Field: String]
        var testDescription: String { label }
    }

    static let problems: [Problem] = [
        // Email
        Problem(
            label: "unknown placeholder in the body", kind: .sendEmail, typed: [.body: "Hi {{candidate.age}}"],
            expected: [.body: "The email body uses the unknown placeholder {{candidate.age}}: use one of \(placeholders)."]),
        Problem(
            label: "unknown placeholder in the subject", kind: .sendEmail, typed: [.subject: "About {{job.name}}"],
            expected: [.subject: "The email subject uses the unknown placeholder {{job.name}}: use one of \(placeholders)."]),
        Problem(label: "no subject", kind: .sendEmail, typed: [.subject: "  "], expected: [.subject: "An email needs a subject."]),
        Problem(
            label: "a new template named like another", kind: .sendEmail, typed: [.templateName: "rejection", .subject: "Hi"],
            newTemplate: true, expected: [.templateName: "Another template is called Rejection: choose another name."]),
        Problem(
            label: "a template renamed like another", kind: .sendEmail, typed: [.templateName: "Interview Invitation"],
            expected: [.templateName: "Another template is called Interview invitation: choose another name."]),
        Problem(
            label: "a new template without a name or subject", kind: .sendEmail, typed: [:], newTemplate: true,
            expected: [.templateName: "Give the template a name.", .subject: "An email needs a subject."]),
        Problem(
            label: "an unknown sender", kind: .sendEmail, typed: [.sender: "Zoe"],
            expected: [.sender: "No team member matches 'Zoe'."]),
        Problem(
            label: "an ambiguous sender", kind: .sendEmail, typed: [.sender: "in"],
            expected: [.sender: "'in' could be Ada Admin [ada] or Hugo Hiring [hugo] or Cora Coordinator [cora]: type more."]),
        Problem(label: "a bad delay", kind: .sendEmail, typed: [.delay: "90x"], expected: [.delay: "'90x' \(notADuration)"]),
        Problem(label: "a delay of nothing", kind: .sendEmail, typed: [.delay: "0m"], expected: [.delay: "'0m' is no time at all: a duration is at least 1 of its unit, such as 1d or 30m."]),
        Problem(
            label: "several problems at once", kind: .sendEmail,
            typed: [.subject: "", .body: "{{oops}}", .sender: "Zoe", .delay: "soon"],
            expected: [
                .subject: "An email needs a subject.",
                .body: "The email body uses the unknown placeholder {{oops}}: use one of \(placeholders).",
                .sender: "No team member matches 'Zoe'.", .delay: "'soon' \(notADuration)",
            ]),
        // Note
        Problem(label: "an empty note", kind: .addNote, typed: [.note: " \n "], expected: [.note: "A note needs some text."]),
        Problem(
            label: "unknown placeholder in a note", kind: .addNote, typed: [.note: "Called {{candidate.phone}}"],
            expected: [.note: "The note uses the unknown placeholder {{candidate.phone}}: use one of \(placeholders)."]),
        // Task
        Problem(
            label: "unknown placeholder in a task title", kind: .addTask, typed: [.title: "Send laptop to {{candidate.nickname}}", .assignee: "Rita"],
            expected: [.title: "The task title uses the unknown placeholder {{candidate.nickname}}: use one of \(placeholders)."]),
        Problem(
            label: "a task without a title", kind: .addTask, typed: [.title: " ", .assignee: "Rita"],
            expected: [.title: "A task needs a title."]),
        Problem(
            label: "a task for nobody", kind: .addTask, typed: [.title: "Call", .assignee: ""],
            expected: [.assignee: "Say who the task is for."]),
        Problem(
            label: "a task for an unknown member", kind: .addTask, typed: [.title: "Call", .assignee: "Zoe"],
            expected: [.assignee: "No team member matches 'Zoe'."]),
        Problem(
            label: "a task for an ambiguous member", kind: .addTask, typed: [.title: "Call", .assignee: "in"],
            expected: [.assignee: "'in' could be Ada Admin [ada] or Hugo Hiring [hugo] or Cora Coordinator [cora]: type more."]),
        Problem(
            label: "a task due at no time", kind: .addTask, typed: [.title: "Call", .assignee: "Rita", .due: "soon"],
            expected: [.due: "'soon' \(notADueDay)"]),
        Problem(
            label: "a task due on a day that does not exist", kind: .addTask,
            typed: [.title: "Call", .assignee: "Rita", .due: "2026-02-30"],
            expected: [.due: "'2026-02-30' \(notADueDay)"]),
        Problem(
            label: "a task due in a month that does not exist", kind: .addTask,
            typed: [.title: "Call", .assignee: "Rita", .due: "2026-13-01"],
            expected: [.due: "'2026-13-01' \(notADueDay)"]),
        // Tags
        Problem(label: "no tags", kind: .addTags, typed: [.tags: " , ,"], expected: [.tags: "Name at least one tag."]),
        // Members
        Problem(
            label: "nobody to evaluate", kind: .requestEvaluation, typed: [.members: ""],
            expected: [.members: "Name at least one team member."]),
        Problem(
            label: "an unknown evaluator", kind: .requestEvaluation, typed: [.members: "Hugo, Zoe"],
            expected: [.members: "No team member matches 'Zoe'."]),
        Problem(
            label: "an evaluator who may not evaluate", kind: .requestEvaluation, typed: [.members: "Cora"],
            expected: [.members: "Cora Coordinator may not evaluate: their role lacks the permission for evaluating candidates. Ask someone who may."]),
        Problem(
            label: "an ambiguous follower", kind: .addFollowers, typed: [.members: "in"],
            expected: [.members: "'in' could be Ada Admin [ada] or Hugo Hiring [hugo] or Cora Coordinator [cora]: type more."]),
        Problem(
            label: "nobody to follow", kind: .addFollowers, typed: [.members: ", "],
            expected: [.members: "Name at least one team member."]),
        // Assign
        Problem(label: "nowhere to assign", kind: .assign, typed: [.target: " "], expected: [.target: "Choose a job or a talent pool."]),
        Problem(label: "an unknown job", kind: .assign, typed: [.target: "Nowhere"], expected: [.target: "No job matches 'Nowhere'."]),
        Problem(
            label: "an ambiguous job", kind: .assign, typed: [.target: "engineer"],
            expected: [.target: "'engineer' could be Backend Engineer [job-backend] or Platform Engineer [job-platform]: type more."]),
        Problem(
            label: "a closed job", kind: .assign, typed: [.target: "Office Manager"],
            expected: [.target: "Office Manager is closed: choose an open job or a talent pool."]),
        Problem(
            label: "its own job", kind: .assign, typed: [.target: "Backend Engineer"],
            expected: [.target: "A stage cannot assign candidates to its own job."]),
    ]

    @Test("Each problem is one sentence next to its field, and no other field complains", arguments: problems)
    func problemsNextToTheirFields(problem: Problem) throws {
        let ws = T.make()
        var draft = ActionDraft(kind: problem.kind, in: ws)
        if problem.newTemplate { draft.useTemplate(nil, in: ws) }
        for (field, value) in problem.typed { draft[field] = value }
        #expect(draft.problems(for: Self.interview, in: ws) == problem.expected)

        let first = try #require(ActionDraft.fields(for: problem.kind, owner: Self.interview).first { problem.expected[$0] != nil })
        #expect(throws: StagehandError.invalidAction(problem.expected[first] ?? "")) {
            try draft.action(for: Self.interview, in: ws)
        }
    }

    @Test("An invalid draft is refused on saving and the workspace does not change", arguments: problems)
    func invalidDraftsChangeNothing(problem: Problem) throws {
        var ws = T.make()
        var draft = ActionDraft(kind: problem.kind, in: ws)
        if problem.newTemplate { draft.useTemplate(nil, in: ws) }
        for (field, value) in problem.typed { draft[field] = value }
        let before = ws
        #expect(throws: StagehandError.self) { try ws.save(draft, to: Self.interview, by: T.ada) }
        #expect(throws: StagehandError.self) { try ws.save(draft, to: Self.interview, replacing: 0, by: T.ada) }
        #expect(ws == before)
    }

    @Test func anActionWhoseTemplateWasRemovedSaysSoNextToTheTemplate() {
        let ws = T.make()
        let draft = ActionDraft(.sendEmail(.init(template: "tpl-gone")), in: ws)
        #expect(draft.template == "tpl-gone")
        #expect(draft.problems(for: Self.interview, in: ws) == [
            .template: "No email template matches 'tpl-gone'.", .subject: "An email needs a subject.",
        ])
    }

    @Test func aSyntaxMistakeInTheSubjectIsShownNextToTheSubject() throws {
        let ws = T.make()
        let draft = Self.draft(.sendEmail, [.subject: "Hi {{candidate.name"], in: ws)
        let problems = draft.problems(for: Self.interview, in: ws)
        #expect(Array(problems.keys) == [.subject])
        #expect(problems[.subject]?.hasPrefix("The email subject has a mistake in its placeholders (") == true)
    }

    @Test func fieldsOtherKindsUseAreNotChecked() {
        let ws = T.make()
        let draft = Self.draft(.addTags, [.tags: "shortlist", .note: "", .delay: "90x", .assignee: "Zoe", .target: "Nowhere"], in: ws)
        #expect(draft.problems(for: Self.interview, in: ws) == [:])
    }

    // MARK: What valid drafts become

    @Test("Delays: none, a preset, or any custom duration", arguments: [
        ("", nil), ("none", nil), ("at once", nil), ("0", nil),
        ("30m", RelativeDuration(30, .minutes)), ("90m", RelativeDuration(90, .minutes)), ("36h", RelativeDuration(36, .hours)),
        ("10d", RelativeDuration(10, .days)), ("1w", RelativeDuration(1, .weeks)), ("3bd", RelativeDuration(3, .businessDays)),
        (" 2 business days ", RelativeDuration(2, .businessDays)),
    ] as [(String, RelativeDuration?)])
    func delays(typed: String, delay: RelativeDuration?) throws {
        let ws = T.make()
        let draft = Self.draft(.sendEmail, [.delay: typed], in: ws)
        #expect(draft.problems(for: Self.interview, in: ws) == [:])
        #expect(try draft.action(for: Self.interview, in: ws) == .sendEmail(.init(template: T.thanks, sender: .mover, delay: delay)))
    }

    @Test("Senders: the mover, or a member by login, id, name or part of it", arguments: [
        ("mover", Sender.mover), ("The Mover", .mover), ("ada", .member(T.ada)), ("Rita Recruiter", .member(T.rita)),
        ("hugo hiring", .member(T.hugo)), ("coord", .member(T.cora)),
    ])
    func senders(typed: String, sender: Sender) throws {
        let ws = T.make()
        let draft = Self.draft(.sendEmail, [.sender: typed], in: ws)
        #expect(try draft.action(for: Self.interview, in: ws) == .sendEmail(.init(template: T.thanks, sender: sender)))
    }

    @Test("A task is due some time after the move or on a fixed day", arguments: [
        ("3d", TaskDue.after(RelativeDuration(3, .days))), ("36h", .after(RelativeDuration(36, .hours))),
        ("2bd", .after(RelativeDuration(2, .businessDays))), ("2026-12-01", .on(DateComponents(year: 2026, month: 12, day: 1))),
        ("2028-02-29", .on(DateComponents(year: 2028, month: 2, day: 29))),
    ])
    func taskDue(typed: String, due: TaskDue) throws {
        let ws = T.make()
        let draft = Self.draft(.addTask, [.title: " Call back ", .assignee: "Hugo", .due: typed], in: ws)
        #expect(draft.problems(for: Self.interview, in: ws) == [:])
        #expect(try draft.action(for: Self.interview, in: ws) == .addTask(.init(title: "Call back", assignee: T.hugo, due: due)))
    }

    @Test func listsAreCommaSeparatedAndBlanksIgnored() throws {
        let ws = T.make()
        #expect(
            try Self.draft(.addTags, [.tags: " senior, ,remote ,"], in: ws).action(for: Self.interview, in: ws)
                == .addTags(.init(tags: ["senior", "remote"])))
        #expect(
            try Self.draft(.requestEvaluation, [.members: "Hugo, ada"], in: ws).action(for: Self.interview, in: ws)
                == .requestEvaluation(.init(members: [T.hugo, T.ada])))
        #expect(
            try Self.draft(.addFollowers, [.members: "Cora Coordinator"], in: ws).action(for: Self.interview, in: ws)
                == .addFollowers(.init(members: [T.cora])))
        #expect(
            try Self.draft(.addNote, [.note: "Hello {{candidate.first_name}}"], in: ws).action(for: Self.interview, in: ws)
                == .addNote(.init(text: "Hello {{candidate.first_name}}")))
    }

    @Test("Assign to a job or a pool by id or name", arguments: [
        ("Platform", AutomaticAction.Assign(job: T.platform)), ("job-platform", .init(job: T.platform)),
        ("silver", .init(talentPool: T.silver)), ("pool-alumni", .init(talentPool: T.alumni)), ("Alumni", .init(talentPool: T.alumni)),
    ])
    func assignTargets(typed: String, assign: AutomaticAction.Assign) throws {
        let ws = T.make()
        #expect(try Self.draft(.assign, [.target: typed], in: ws).action(for: Self.interview, in: ws) == .assign(assign))
    }

    @Test func assigningToAJobIsRefusedOnlyInThatJobsOwnStages() {
        let ws = T.make()
        let draft = Self.draft(.assign, [.target: "Backend Engineer"], in: ws)
        for owner in [
            ActionOwner.stage(.job(T.platform), T.platformHired), .stage(.defaultTemplate, "hired"), .reason(T.withdrew),
        ] {
            #expect(draft.problems(for: owner, in: ws) == [:], "\(owner)")
        }
        #expect(draft.problems(for: .stage(.job(T.backend), T.hired), in: ws) == [
            .target: "A stage cannot assign candidates to its own job."
        ])
    }

    // MARK: Saving

    @Test func savingAnEmailWithANewTemplateCreatesTheTemplate() throws {
        var ws = T.make()
        var draft = ActionDraft(kind: .sendEmail, in: ws)
        draft.useTemplate(nil, in: ws)
        draft.templateName = " Take-home exercise "
        draft.subject = "Your take-home for {{job.title}}"
        draft.body = "Hi {{candidate.first_name}}, here it is."
        draft.sender = "Rita"
        draft.delay = "1d"
        #expect(draft.problems(for: .stage(.job(T.backend), T.screen), in: ws) == [:])

        let saved = try ws.save(draft, to: .stage(.job(T.backend), T.screen), by: T.ada)

        #expect(ws.setup.emailTemplates.count == 6)
        let template = try #require(ws.setup.emailTemplates.last)
        #expect(template.name == "Take-home exercise")
        #expect(template.subject == "Your take-home for {{job.title}}")
        #expect(template.body == "Hi {{candidate.first_name}}, here it is.")
        let expected = AutomaticAction.sendEmail(.init(template: template.id, sender: .member(T.rita), delay: RelativeDuration(1, .days)))
        #expect(saved == StageAction(expected))
        #expect(ws.job(T.backend)?.stage(T.screen)?.actions == [T.screenNote, T.screenTask, T.ritaFollows, expected])
        #expect(ws.summary(of: saved) == "Email 'Take-home exercise' from Rita Recruiter, 1 day after entry")
    }

    @Test func aNewTemplateWithoutANameIsNamedAfterItsSubject() throws {
        var ws = T.make()
        var draft = ActionDraft(kind: .sendEmail, in: ws)
        draft.useTemplate(nil, in: ws)
        draft.subject = "Quick question"
        draft.body = "Are you still interested?"
        try ws.save(draft, to: Self.interview, by: T.ada)
        #expect(ws.setup.emailTemplates.last?.name == "Quick question")
    }

    @Test func aNewTemplateWhoseSubjectWouldNameItLikeAnotherIsShownBeforeSaving() {
        var ws = T.make()
        var draft = ActionDraft(kind: .sendEmail, in: ws)
        draft.useTemplate(nil, in: ws)
        draft.subject = "Rejection"
        #expect(draft.problems(for: Self.interview, in: ws) == [
            .templateName: "Another template is called Rejection: choose another name."
        ])
        let before = ws
        #expect(throws: StagehandError.invalidAction("Another template is called Rejection: choose another name.")) {
            try ws.save(draft, to: Self.interview, by: T.ada)
        }
        #expect(ws == before)
    }

    @Test func editingTheTextOfAnEmailUpdatesTheTemplateEveryActionSharing() throws {
        var ws = T.make()
        let owner = ActionOwner.stage(.job(T.backend), T.applied)
        var draft = ActionDraft(T.sendThanks, in: ws)
        draft.subject = "Thanks, {{candidate.first_name}}"
        draft.body = "We will be in touch about {{job.title}}."
        draft.delay = "30m"
        try ws.save(draft, to: owner, replacing: 0, by: T.ada)

        #expect(ws.setup.emailTemplates.count == 5, "no new template")
        #expect(ws.template(T.thanks) == EmailTemplate(
            id: T.thanks, name: "Thanks for applying", subject: "Thanks, {{candidate.first_name}}",
            body: "We will be in touch about {{job.title}}."))
        #expect(ws.job(T.backend)?.stage(T.applied)?.actions == [
            .sendEmail(.init(template: T.thanks, sender: .member(T.rita), delay: RelativeDuration(30, .minutes))), T.tagApplicant,
        ])
        // Platform Engineer sends the same template: its next applicant gets the new text.
        let arrival = try ws.addCandidate(
            NewCandidate(name: "Gia Rossi", email: "gia@example.com", source: "career page"), to: T.platform,
            origin: .application, by: T.rita, now: T.now)
        ws.advanceRuns(now: T.now)
        let email = try #require(ws.emails(of: arrival.candidate).first)
        #expect(email.subject == "Thanks, Gia")
        #expect(email.body == "We will be in touch about Platform Engineer.")
    }

    @Test func pickingAnotherTemplateOnlyChangesWhichOneIsSent() throws {
        var ws = T.make()
        var draft = ActionDraft(T.sendInvite, in: ws)
        draft.useTemplate(T.reminder, in: ws)
        try ws.save(draft, to: Self.interview, replacing: 0, by: T.ada)
        #expect(ws.job(T.backend)?.stage(T.interview)?.actions.first == .sendEmail(.init(template: T.reminder)))
        #expect(ws.setup.emailTemplates == T.make().setup.emailTemplates)
    }

    @Test func savingReplacesInPlaceOrAddsAtTheEnd() throws {
        var ws = T.make()
        let draft = Self.draft(.addTags, [.tags: "shortlist"], in: ws)
        try ws.save(draft, to: Self.interview, replacing: 1, by: T.ada)
        #expect(ws.job(T.backend)?.stage(T.interview)?.actions == [T.sendInvite, .addTags(.init(tags: ["shortlist"])), T.askHugo])
        try ws.save(Self.draft(.addNote, [.note: "Ready"], in: ws), to: Self.interview, by: T.ada)
        #expect(ws.job(T.backend)?.stage(T.interview)?.actions.last == .addNote(.init(text: "Ready")))
    }

    @Test func aValidEmailForAPlaceThatDoesNotExistCreatesNoTemplate() throws {
        var ws = T.make()
        var draft = ActionDraft(kind: .sendEmail, in: ws)
        draft.useTemplate(nil, in: ws)
        draft.templateName = "Welcome"
        draft.subject = "Welcome"
        let before = ws
        #expect(throws: StagehandError.invalidAction("That stage is no longer part of Backend Engineer: someone removed it meanwhile.")) {
            try ws.save(draft, to: .stage(.job(T.backend), "nowhere"), by: T.ada)
        }
        #expect(throws: StagehandError.invalidAction("Interview has 3 actions; there is no number 8.")) {
            try ws.save(draft, to: Self.interview, replacing: 7, by: T.ada)
        }
        #expect(throws: StagehandError.notFound(kind: "disqualification reason", name: "reason-nope")) {
            try ws.save(draft, to: .reason("reason-nope"), by: T.ada)
        }
        #expect(ws == before)
    }

    @Test func anEditedTemplateTextIsNotSavedWhenTheActionCannotBe() throws {
        var ws = T.make()
        var draft = ActionDraft(T.sendInvite, in: ws)
        draft.body = "Changed"
        let before = ws
        #expect(throws: StagehandError.self) { try ws.save(draft, to: Self.interview, replacing: 3, by: T.ada) }
        #expect(ws == before)
        #expect(ws.template(T.invite)?.body == "Please pick a time.")
    }

    @Test("Saving needs both permissions, before anything is checked or created", arguments: [
        (T.rita, "Rita Recruiter", [Permission.manageAutomations]), (T.hugo, "Hugo Hiring", [.manageAutomations, .editJobs]),
    ])
    func savingNeedsBothPermissions(member: MemberID, name: String, missing: [Permission]) {
        var ws = T.make()
        var email = ActionDraft(kind: .sendEmail, in: ws)
        email.useTemplate(nil, in: ws)
        email.templateName = "Welcome"
        email.subject = "Welcome"
        let before = ws
        let refusal = StagehandError.missingPermission(member: name, missing: missing, doing: "change automatic actions")
        #expect(throws: refusal) { try ws.save(email, to: Self.interview, by: member) }
        #expect(throws: refusal) { try ws.save(Self.draft(.addNote, [.note: ""], in: ws), to: Self.interview, by: member) }
        #expect(ws == before)
    }

    // MARK: Tags offered for completion

    @Test func tagsInUseGathersCandidatesStagesAndReasonsOnceEach() throws {
        var ws = T.make()
        ws.candidates.modify(T.alice) { $0.addTags(["Senior", "applicant"]) }
        ws.candidates.modify(T.bruno) { $0.addTags(["remote"]) }
        try ws.addAction(.addTags(.init(tags: ["rejected", "Applicant"])), to: .reason(T.withdrew), by: T.ada)
        try ws.addAction(.addTags(.init(tags: ["backend"])), to: .stage(.defaultTemplate, "hired"), by: T.ada)
        #expect(ws.tagsInUse == ["Applicant", "applicant", "backend", "platform", "rejected", "remote", "Senior"])
    }
}
