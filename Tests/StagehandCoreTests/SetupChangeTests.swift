import Foundation
import Testing
@testable import StagehandCore

/// Spec §1 and §5: every change to the setup — automations, templates, pipelines,
/// jobs, reasons — goes through `Workspace.apply`, which says in one sentence what
/// it did, and refuses anyone without both `manageAutomations` and `editJobs`,
/// changing nothing.
@Suite struct SetupChangeTests {
    typealias T = TestWorkspace

    static let interview = ActionOwner.stage(.job(T.backend), T.interview)

    /// A form as a user fills it in; choosing a template shows its text.
    static func draft(_ kind: AutomaticAction.Kind, template: EmailTemplateID? = nil, _ fill: [ActionDraft.Field: String]) -> ActionDraft {
        let ws = T.make()
        var draft = ActionDraft(kind: kind, in: ws)
        if let template { draft.useTemplate(template, in: ws) }
        for (field, value) in fill { draft[field] = value }
        return draft
    }

    struct Sentence: Sendable, CustomTestStringConvertible {
        /// Applied in order by Ada; the last one's sentence is checked.
        var changes: [SetupChange]
        var sentence: String
        var testDescription: String { sentence }
    }

    static let sentences: [Sentence] = [
        Sentence(
            changes: [.saveAction(draft(.addTags, [.tags: "shortlist"]), owner: interview, replacing: nil)],
            sentence: "Added to Interview (Backend Engineer): Tag shortlist"),
        Sentence(
            changes: [.saveAction(draft(.addTags, [.tags: "shortlist, senior"]), owner: interview, replacing: 2)],
            sentence: "Changed in Interview (Backend Engineer): Tags shortlist, senior"),
        Sentence(
            changes: [.saveAction(draft(.addTask, [.title: "Send contract", .assignee: "Rita", .due: "2bd"]),
                owner: .stage(.defaultTemplate, "hired"), replacing: nil)],
            sentence: "Added to Hired (the default pipeline): Task 'Send contract' for Rita Recruiter, due 2 business days after the move"),
        Sentence(
            changes: [.saveAction(
                draft(.sendEmail, template: T.rejection, [.delay: "3d"]), owner: .reason(T.withdrew), replacing: nil)],
            sentence: "Added to the reason Withdrew: Email 'Rejection' from the mover, 3 days after disqualification"),
        Sentence(
            changes: [.removeAction(owner: interview, index: 0)],
            sentence: "Removed from Interview (Backend Engineer): Email 'Interview invitation' from the mover, at once"),
        Sentence(
            changes: [.removeAction(owner: .reason(T.skillsMismatch), index: 0)],
            sentence: "Removed from the reason Skills mismatch: Email 'Rejection' from the mover, 2 days after disqualification"),
        Sentence(
            changes: [.moveAction(owner: interview, from: 0, to: 2)],
            sentence: "Now runs 3rd in Interview (Backend Engineer): Email 'Interview invitation' from the mover, at once"),
        Sentence(
            changes: [.moveAction(owner: interview, from: 2, to: 0)],
            sentence: "Now runs 1st in Interview (Backend Engineer): Request evaluation from Hugo Hiring"),
        Sentence(
            changes: [.saveTemplate(nil, name: " Hello ", subject: "Hi", body: "Body")],
            sentence: "Created the email template Hello"),
        Sentence(
            changes: [.saveTemplate(T.invite, name: "Invitation", subject: "Interview", body: "Pick a time.")],
            sentence: "Saved the email template Invitation"),
        Sentence(
            changes: [.removeAction(owner: .reason(T.skillsMismatch), index: 0), .removeTemplate(T.rejection)],
            sentence: "Removed the email template Rejection"),
        Sentence(
            changes: [.addStage(.job(T.backend), name: " Take-home ")],
            sentence: "Added the stage Take-home to Backend Engineer"),
        Sentence(
            changes: [.addStage(.defaultTemplate, name: "Offer")],
            sentence: "Added the stage Offer to the default pipeline"),
        Sentence(
            changes: [.renameStage(.job(T.backend), T.screen, name: "Screening call")],
            sentence: "Renamed Phone screen to Screening call in Backend Engineer"),
        Sentence(
            changes: [.moveStage(.job(T.backend), T.offer, to: 1)],
            sentence: "Offer is now stage 2 of Backend Engineer"),
        Sentence(
            changes: [.removeStage(.job(T.backend), T.applied, movingTo: T.screen)],
            sentence: "Removed Applied from Backend Engineer; 4 candidates moved to Phone screen"),
        Sentence(
            changes: [.removeStage(.job(T.platform), T.platformApplied, movingTo: T.platformInterview)],
            sentence: "Removed Applied from Platform Engineer; 1 candidate moved to Interview"),
        Sentence(
            changes: [.removeStage(.job(T.backend), T.hired, movingTo: nil)],
            sentence: "Removed Hired from Backend Engineer"),
        Sentence(
            changes: [.createJob(title: " Data Engineer ")],
            sentence: "Created the job Data Engineer with a copy of the default pipeline"),
        Sentence(
            changes: [.renameJob(T.backend, title: "Backend Developer")],
            sentence: "Renamed the job Backend Engineer to Backend Developer"),
        Sentence(changes: [.setJobStatus(T.backend, .closed)], sentence: "Closed the job Backend Engineer"),
        Sentence(changes: [.setJobStatus(T.closedJob, .open)], sentence: "Reopened the job Office Manager"),
        Sentence(changes: [.addReason(name: "No show")], sentence: "Added the disqualification reason No show"),
        Sentence(
            changes: [.renameReason(T.withdrew, name: "Withdrew application")],
            sentence: "Renamed the reason Withdrew to Withdrew application"),
        Sentence(changes: [.removeReason(T.withdrew)], sentence: "Removed the disqualification reason Withdrew"),
    ]

    @Test("Each change says in one sentence what it did", arguments: sentences)
    func eachChangeSaysWhatItDid(case given: Sentence) throws {
        var ws = T.make()
        var said = ""
        for change in given.changes { said = try ws.apply(change, by: T.ada, now: T.now) }
        #expect(said == given.sentence)
        #expect(ws != T.make())
    }

    @Test("Moving an action says where it now runs", arguments: [(10, "11th"), (11, "12th"), (12, "13th"), (20, "21st"), (21, "22nd"), (22, "23rd")])
    func ordinals(position: Int, ordinal: String) throws {
        var ws = T.make()
        for index in 0..<23 {
            try ws.addAction(.addTags(.init(tags: ["t\(index)"])), to: .stage(.job(T.backend), T.hired), by: T.ada)
        }
        let said = try ws.apply(.moveAction(owner: .stage(.job(T.backend), T.hired), from: 0, to: position), by: T.ada, now: T.now)
        #expect(said == "Now runs \(ordinal) in Hired (Backend Engineer): Tag t0")
    }

    @Test func applyingDoesWhatTheChangeSays() throws {
        var ws = T.make()
        try ws.apply(.saveAction(Self.draft(.addTags, [.tags: "shortlist"]), owner: Self.interview, replacing: nil), by: T.ada, now: T.now)
        try ws.apply(.removeStage(.job(T.backend), T.applied, movingTo: T.screen), by: T.ada, now: T.now)
        try ws.apply(.setJobStatus(T.platform, .closed), by: T.ada, now: T.now)
        #expect(ws.job(T.backend)?.stage(T.interview)?.actions.last == .addTags(.init(tags: ["shortlist"])))
        #expect(ws.job(T.backend)?.stage(T.applied) == nil)
        #expect(ws.placement(of: T.alice)?.stage == T.screen)
        #expect(ws.timeline(of: T.alice, .moved).last?.at == T.now)
        #expect(ws.job(T.platform)?.status == .closed)
    }

    @Test func aRefusedChangeByAnAdminSaysWhyAndChangesNothing() {
        var ws = T.make()
        let before = ws
        #expect(throws: StagehandError.invalidAction("4 candidates are still in Applied: say which stage they go to.")) {
            try ws.apply(.removeStage(.job(T.backend), T.applied, movingTo: nil), by: T.ada, now: T.now)
        }
        #expect(throws: StagehandError.invalidAction("Name at least one tag.")) {
            try ws.apply(.saveAction(Self.draft(.addTags, [:]), owner: Self.interview, replacing: nil), by: T.ada, now: T.now)
        }
        #expect(throws: StagehandError.invalidAction("Interview has 3 actions; there is no number 6.")) {
            try ws.apply(.removeAction(owner: Self.interview, index: 5), by: T.ada, now: T.now)
        }
        #expect(ws == before)
    }

    // MARK: Permissions

    /// One of every case, with the words of its refusal.
    static let everyChange: [(SetupChange, String)] = [
        (.saveAction(draft(.addTags, [.tags: "shortlist"]), owner: interview, replacing: nil), "change automatic actions"),
        (.saveAction(draft(.addNote, [.note: "Hi"]), owner: .reason(T.withdrew), replacing: nil), "change automatic actions"),
        (.removeAction(owner: interview, index: 0), "change automatic actions"),
        (.moveAction(owner: interview, from: 0, to: 1), "change automatic actions"),
        (.saveTemplate(nil, name: "Hello", subject: "Hi", body: ""), "change email templates"),
        (.removeTemplate(T.rejection), "change email templates"),
        (.addStage(.job(T.backend), name: "Take-home"), "change pipelines"),
        (.renameStage(.defaultTemplate, "applied", name: "New"), "change pipelines"),
        (.moveStage(.job(T.backend), T.offer, to: 0), "change pipelines"),
        (.removeStage(.job(T.backend), T.applied, movingTo: T.screen), "change pipelines"),
        (.createJob(title: "Data Engineer"), "create jobs"),
        (.renameJob(T.backend, title: "Backend Developer"), "change jobs"),
        (.setJobStatus(T.backend, .closed), "close jobs"),
        (.setJobStatus(T.closedJob, .open), "reopen jobs"),
        (.addReason(name: "No show"), "change disqualification reasons"),
        (.renameReason(T.withdrew, name: "Withdrawn"), "change disqualification reasons"),
        (.removeReason(T.withdrew), "change disqualification reasons"),
        (.setMail(MailSettings(transport: .smtp, smtp: SMTPSettings(host: "smtp.acme.test"))), "change how mail is sent"),
    ]

    @Test func everyKindOfChangeIsCovered() {
        let covered = Set(Self.everyChange.map { "\($0.0)".prefix { $0 != "(" } })
        #expect(covered.count == 16)
    }

    static let refusals: [(MemberID, String, [Permission])] = [
        (T.rita, "Rita Recruiter", [.manageAutomations]),
        (T.hugo, "Hugo Hiring", [.manageAutomations, .editJobs]),
    ]

    @Test("Members lacking a permission are refused every change, naming what is missing, and nothing changes",
        arguments: everyChange, refusals)
    func refused(change: (SetupChange, String), refusal: (MemberID, String, [Permission])) {
        var ws = T.make()
        let before = ws
        #expect(throws: StagehandError.missingPermission(member: refusal.1, missing: refusal.2, doing: change.1)) {
            try ws.apply(change.0, by: refusal.0, now: T.now)
        }
        #expect(ws == before)
    }

    @Test("An admin may make every change", arguments: everyChange)
    func adminMayChange(change: (SetupChange, String)) throws {
        var ws = T.make()
        if case .removeTemplate = change.0 { try ws.removeAction(at: 0, of: .reason(T.skillsMismatch), by: T.ada) }
        let said = try ws.apply(change.0, by: T.ada, now: T.now)
        #expect(!said.isEmpty)
    }

    @Test func aRoleWithOnlyManageAutomationsIsRefusedToo() {
        var ws = T.make()
        ws.setup.roles.append(Role(id: "automator", name: "Automator", permissions: [.manageAutomations]))
        ws.setup.members.append(Member(id: "otto", login: "otto", name: "Otto Automator", email: "otto@acme.test", role: "automator"))
        let before = ws
        for (change, doing) in Self.everyChange {
            #expect(throws: StagehandError.missingPermission(member: "Otto Automator", missing: [.editJobs], doing: doing)) {
                try ws.apply(change, by: "otto", now: T.now)
            }
        }
        #expect(ws == before)
    }

    // MARK: What a read-only editor shows

    @Test("The permissions a member lacks to change the setup", arguments: [
        (T.ada as MemberID?, [Permission]()),
        (T.rita, [.manageAutomations]),
        (T.hugo, [.manageAutomations, .editJobs]),
        (T.cora, [.manageAutomations, .editJobs]),
        (MemberID("stranger"), [.manageAutomations, .editJobs]),
        (nil, [.manageAutomations, .editJobs]),
    ])
    func missingPermissions(member: MemberID?, missing: [Permission]) {
        #expect(T.make().missingSetupPermissions(of: member) == missing)
    }

    @Test func theReadOnlyNoticeNamesWhatIsMissing() {
        let ws = T.make()
        #expect(ws.readOnlyNotice(for: T.ada) == nil)
        #expect(ws.readOnlyNotice(for: T.rita) == "Read-only: changing this needs the permission for managing automations.")
        #expect(ws.readOnlyNotice(for: T.hugo) == "Read-only: changing this needs the permissions for managing automations and editing jobs.")
        #expect(ws.readOnlyNotice(for: nil) == "Read-only: changing this needs the permissions for managing automations and editing jobs.")
    }
}
