import Foundation
import Testing
@testable import StagehandCore

/// Spec §2: email templates are shared by every action that sends them. They are
/// created and changed with their placeholders checked, cannot be removed while an
/// action still sends them, and can be previewed for a real candidate.
@Suite struct TemplateEditingTests {
    typealias T = TestWorkspace

    static let placeholders =
        "{{candidate.first_name}}, {{candidate.name}}, {{job.title}}, {{stage.name}}, {{sender.name}} or {{company.name}}"

    @Test func aNewTemplateIsAddedWithATrimmedName() throws {
        var ws = T.make()
        let id = try ws.saveTemplate(
            nil, name: "  Take-home\n", subject: "Your take-home for {{job.title}}", body: "Hi {{candidate.first_name}}", by: T.ada)
        #expect(ws.template(id) == EmailTemplate(
            id: id, name: "Take-home", subject: "Your take-home for {{job.title}}", body: "Hi {{candidate.first_name}}"))
        #expect(ws.setup.emailTemplates.count == 6)
        #expect(try ws.findTemplate("take-home").id == id)
        #expect(ws.owners(sending: id) == [])
    }

    @Test func changingATemplateChangesWhatEveryActionSendingItSendsFromThenOn() throws {
        var ws = T.make()
        try ws.moveTo(T.interview, T.alice)
        ws.advanceRuns(now: T.now)
        let scheduled = try #require(ws.emails(of: T.alice).first { $0.template == T.reminder })

        let id = try ws.saveTemplate(
            T.reminder, name: "Reminder", subject: "Tomorrow: {{job.title}}", body: "See you, {{candidate.first_name}}.", by: T.ada)
        #expect(id == T.reminder)
        #expect(ws.template(T.reminder) == EmailTemplate(
            id: T.reminder, name: "Reminder", subject: "Tomorrow: {{job.title}}", body: "See you, {{candidate.first_name}}."))
        #expect(ws.setup.emailTemplates.count == 5)
        #expect(ws.emails[scheduled.id] == scheduled, "an email already scheduled keeps its text")

        try ws.moveTo(T.interview, T.bruno)
        ws.advanceRuns(now: T.now)
        let bruno = try #require(ws.emails(of: T.bruno).first { $0.template == T.reminder })
        #expect(bruno.subject == "Tomorrow: Backend Engineer")
        #expect(bruno.body == "See you, Bruno.")
    }

    @Test func jobsCopyTheirPipelineButShareTheTemplatesItSends() throws {
        var ws = T.make()
        let job = try ws.createJob(title: "Data Engineer", by: T.ada)
        try ws.saveTemplate(T.thanks, name: "Thanks for applying", subject: "Thank you", body: "Talk soon.", by: T.ada)
        #expect(ws.job(job)?.stage("applied")?.actions == [T.sendThanks], "the job's actions are its own copy")
        let arrival = try ws.addCandidate(
            NewCandidate(name: "Gia Rossi", email: "gia@example.com", source: "career page"), to: job, origin: .application,
            by: nil, now: T.now)
        ws.advanceRuns(now: T.now)
        #expect(ws.emails(of: arrival.candidate).map(\.subject) == ["Thank you"], "…but the email they send is the shared one")
    }

    @Test("Templates are checked before they are saved, new or changed", arguments: [
        ("", "Hi", "Body", "An email template needs a name."),
        ("Hello", " ", "Body", "An email needs a subject."),
        ("  rejection ", "Hi", "Body", "Another template is called Rejection: choose another name."),
        ("Offer Follow-Úp", "Hi", "Body", "Another template is called Offer follow-up: choose another name."),
        ("Hello", "Hi {{candidate.age}}", "Body", "The email subject uses the unknown placeholder {{candidate.age}}: use one of \(placeholders)."),
        ("Hello", "Hi", "Dear {{candidate.lastname}}", "The email body uses the unknown placeholder {{candidate.lastname}}: use one of \(placeholders)."),
    ])
    func templatesAreChecked(name: String, subject: String, body: String, refusal: String) throws {
        var ws = T.make()
        let before = ws
        for id in [nil, T.invite] as [EmailTemplateID?] {
            let thrown = #expect(throws: (any Error).self) {
                try ws.saveTemplate(id, name: name, subject: subject, body: body, by: T.ada)
            }
            #expect((thrown as? any UserFacingError)?.sentence == refusal)
        }
        #expect(ws == before)
    }

    @Test func aMistakeInThePlaceholdersIsRefused() throws {
        var ws = T.make()
        let before = ws
        let thrown = #expect(throws: MailError.self) {
            try ws.saveTemplate(nil, name: "Hello", subject: "Hi", body: "Dear {{candidate.name", by: T.ada)
        }
        #expect(thrown?.sentence.hasPrefix("The email body has a mistake in its placeholders") == true)
        #expect(ws == before)
    }

    @Test func aTemplateKeepsItsOwnNameAndMayChangeItsCase() throws {
        var ws = T.make()
        try ws.saveTemplate(T.rejection, name: "REJECTION", subject: "Your application", body: "No.", by: T.ada)
        #expect(ws.template(T.rejection)?.name == "REJECTION")
    }

    @Test func changingATemplateThatIsNotThereIsRefused() {
        var ws = T.make()
        let before = ws
        #expect(throws: StagehandError.notFound(kind: "email template", name: "tpl-gone")) {
            try ws.saveTemplate("tpl-gone", name: "Gone", subject: "Hi", body: "", by: T.ada)
        }
        #expect(throws: StagehandError.notFound(kind: "email template", name: "tpl-gone")) {
            try ws.removeTemplate("tpl-gone", by: T.ada)
        }
        #expect(ws == before)
    }

    // MARK: Who sends a template, and removing it

    @Test func ownersAreEveryStageAndReasonSendingTheTemplate() {
        let ws = T.make()
        #expect(ws.owners(sending: T.thanks) == [
            .stage(.defaultTemplate, "applied"), .stage(.job(T.backend), T.applied), .stage(.job(T.platform), T.platformApplied),
            .stage(.job(T.closedJob), "o-applied"),
        ])
        #expect(ws.owners(sending: T.invite) == [.stage(.job(T.backend), T.interview)])
        #expect(ws.owners(sending: T.rejection) == [.reason(T.skillsMismatch)])
    }

    @Test("A template an action still sends cannot be removed, and the refusal says who sends it", arguments: [
        (T.thanks, "Remove the actions that send Thanks for applying first: Applied (the default pipeline), Applied (Backend Engineer), Applied (Platform Engineer), Applied (Office Manager)."),
        (T.offerFollowUp, "Remove the actions that send Offer follow-up first: Offer (Backend Engineer)."),
        (T.rejection, "Remove the actions that send Rejection first: the reason Skills mismatch."),
    ])
    func aTemplateInUseIsKept(id: EmailTemplateID, refusal: String) {
        var ws = T.make()
        let before = ws
        #expect(throws: StagehandError.invalidAction(refusal)) { try ws.removeTemplate(id, by: T.ada) }
        #expect(ws == before)
    }

    @Test func aTemplateNothingSendsIsRemoved() throws {
        var ws = T.make()
        try ws.removeAction(at: 0, of: .reason(T.skillsMismatch), by: T.ada)
        try ws.removeTemplate(T.rejection, by: T.ada)
        #expect(ws.template(T.rejection) == nil)
        #expect(ws.setup.emailTemplates.map(\.id) == [T.thanks, T.invite, T.reminder, T.offerFollowUp])
    }

    @Test func aRemovedTemplatesScheduledEmailsStillGoOutAsScheduled() throws {
        var ws = T.make()
        try ws.disqualify(T.alice, from: T.backend, reason: T.skillsMismatch, by: T.rita, now: T.now)
        ws.advanceRuns(now: T.now)
        let scheduled = try #require(ws.emails(of: T.alice).first)
        try ws.removeAction(at: 0, of: .reason(T.skillsMismatch), by: T.ada)
        try ws.removeTemplate(T.rejection, by: T.ada)
        #expect(ws.emails[scheduled.id] == scheduled)
    }

    // MARK: Preview

    @Test func thePreviewFillsThePlaceholdersForARealCandidate() throws {
        let ws = T.make()
        let preview = try ws.preview(
            subject: "{{job.title}}: next steps, {{candidate.first_name}}",
            body: "{{candidate.name}} is in {{stage.name}}. {{sender.name}}, {{company.name}}",
            for: T.alice, in: T.backend, sender: T.rita)
        #expect(preview.subject == "Backend Engineer: next steps, Alice")
        #expect(preview.body == "Alice Martin is in Applied. Rita Recruiter, Acme Robotics")
    }

    @Test func withoutACandidateThePreviewUsesAnExamplePerson() throws {
        let ws = T.make()
        let preview = try ws.preview(
            subject: "Hi {{candidate.first_name}}", body: "{{candidate.name}} / {{company.name}}", for: nil, in: nil, sender: nil)
        #expect(preview.subject == "Hi Alex")
        #expect(preview.body == "Alex Example / Acme Robotics")
    }

    @Test func thePreviewRefusesAnUnknownPlaceholder() {
        let ws = T.make()
        #expect(throws: MailError.unknownPlaceholder(name: "candidate.phone", field: "template")) {
            try ws.preview(subject: "Hi", body: "Call {{candidate.phone}}", for: T.alice, in: T.backend, sender: T.rita)
        }
    }

    // MARK: Permissions

    @Test("Templates need both permissions", arguments: [
        (T.rita, "Rita Recruiter", [Permission.manageAutomations]), (T.hugo, "Hugo Hiring", [.manageAutomations, .editJobs]),
    ])
    func templateChangesNeedBothPermissions(member: MemberID, name: String, missing: [Permission]) {
        var ws = T.make()
        let before = ws
        let refusal = StagehandError.missingPermission(member: name, missing: missing, doing: "change email templates")
        #expect(throws: refusal) { try ws.saveTemplate(nil, name: "Hello", subject: "Hi", body: "", by: member) }
        #expect(throws: refusal) { try ws.saveTemplate(T.invite, name: "Invite", subject: "Hi", body: "", by: member) }
        #expect(throws: refusal) { try ws.removeTemplate(T.rejection, by: member) }
        #expect(ws == before)
    }
}
