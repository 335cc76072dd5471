import Foundation
import Testing
@testable import StagehandCore

/// Spec §1 and §5: adding or changing automatic actions needs both
/// `manageAutomations` and `editJobs`; anyone else gets a clear refusal and
/// nothing changes. Editing the default template reaches only jobs created afterwards.
@Suite struct AutomationEditingTests {
    typealias T = TestWorkspace

    static let tagShortlist = AutomaticAction.addTags(.init(tags: ["shortlist"]))

    enum Edit: String, CaseIterable {
        case add, replace, remove, reorder

        func apply(to ws: inout Workspace, by member: MemberID, in ref: PipelineRef = .job(T.backend)) throws {
            switch self {
            case .add: try ws.addAction(AutomationEditingTests.tagShortlist, to: .stage(ref, T.interview), by: member)
            case .replace: try ws.replaceAction(at: 0, with: AutomationEditingTests.tagShortlist, of: .stage(ref, T.interview), by: member)
            case .remove: try ws.removeAction(at: 0, of: .stage(ref, T.interview), by: member)
            case .reorder: try ws.moveAction(from: 0, to: 1, of: .stage(ref, T.interview), by: member)
            }
        }
    }

    /// A role with `manageAutomations` but not `editJobs`: still not enough.
    static func withAutomator(_ ws: inout Workspace) -> MemberID {
        let role = Role(id: "automator", name: "Automator", permissions: [.manageAutomations, .moveCandidates])
        ws.setup.roles.append(role)
        ws.setup.members.append(Member(id: "otto", login: "otto", name: "Otto Automator", email: "otto@acme.test", role: role.id))
        return "otto"
    }

    static let refusals: [(MemberID, String, [Permission])] = [
        (T.rita, "Rita Recruiter", [.manageAutomations]),
        (T.hugo, "Hugo Hiring", [.manageAutomations, .editJobs]),
        (T.cora, "Cora Coordinator", [.manageAutomations, .editJobs]),
        ("otto", "Otto Automator", [.editJobs]),
    ]

    @Test("Members lacking either permission are refused, naming what is missing, and nothing changes", arguments: Edit.allCases, refusals)
    func refused(edit: Edit, refusal: (MemberID, String, [Permission])) throws {
        var ws = T.make()
        _ = Self.withAutomator(&ws)
        let before = ws
        for ref in [PipelineRef.job(T.backend), .defaultTemplate] {
            #expect(
                throws: StagehandError.missingPermission(member: refusal.1, missing: refusal.2, doing: "change automatic actions")
            ) {
                try edit.apply(to: &ws, by: refusal.0, in: ref)
            }
        }
        #expect(ws == before)
    }

    @Test func theRefusalIsASentenceNamingThePermissions() {
        let error = StagehandError.missingPermission(
            member: "Hugo Hiring", missing: [.manageAutomations, .editJobs], doing: "change automatic actions")
        #expect(error.sentence == "Hugo Hiring may not change automatic actions: that needs the permissions for managing automations and editing jobs; ask an admin.")
    }

    @Test("An admin may add, replace, remove and reorder", arguments: Edit.allCases)
    func adminMayEdit(edit: Edit) throws {
        var ws = T.make()
        try edit.apply(to: &ws, by: T.ada)
        let actions = try #require(ws.job(T.backend)?.stage(T.interview)?.actions)
        switch edit {
        case .add: #expect(actions == [T.sendInvite, T.sendReminder, T.askHugo, Self.tagShortlist])
        case .replace: #expect(actions == [Self.tagShortlist, T.sendReminder, T.askHugo])
        case .remove: #expect(actions == [T.sendReminder, T.askHugo])
        case .reorder: #expect(actions == [T.sendReminder, T.sendInvite, T.askHugo])
        }
    }

    @Test func addAtAPosition() throws {
        var ws = T.make()
        try ws.addAction(Self.tagShortlist, to: .stage(.job(T.backend), T.interview), at: 1, by: T.ada)
        #expect(ws.job(T.backend)?.stage(T.interview)?.actions == [T.sendInvite, Self.tagShortlist, T.sendReminder, T.askHugo])
    }

    @Test func anIndexOutOfRangeIsRefused() throws {
        var ws = T.make()
        let before = ws
        let error = StagehandError.invalidAction("Interview has 3 actions; there is no number 4.")
        #expect(throws: error) { try ws.removeAction(at: 3, of: .stage(.job(T.backend), T.interview), by: T.ada) }
        #expect(throws: error) { try ws.moveAction(from: 0, to: 3, of: .stage(.job(T.backend), T.interview), by: T.ada) }
        #expect(throws: error) { try ws.replaceAction(at: 3, with: Self.tagShortlist, of: .stage(.job(T.backend), T.interview), by: T.ada) }
        #expect(throws: StagehandError.invalidAction("That stage is no longer part of Backend Engineer: someone removed it meanwhile.")) {
            try ws.addAction(Self.tagShortlist, to: .stage(.job(T.backend), "nowhere"), by: T.ada)
        }
        #expect(ws == before)
    }

    static let invalidActions: [(String, AutomaticAction, StagehandError)] = [
        (
            "unknown template", .sendEmail(.init(template: "tpl-nope")),
            .notFound(kind: "email template", name: "tpl-nope")
        ),
        (
            "unknown sender", .sendEmail(.init(template: T.invite, sender: .member("nobody"))),
            .notFound(kind: "team member", name: "nobody")
        ),
        (
            "unknown assignee", .addTask(.init(title: "Call", assignee: "nobody", due: .after(RelativeDuration(1, .days)))),
            .notFound(kind: "team member", name: "nobody")
        ),
        (
            "task without title", .addTask(.init(title: " ", assignee: T.rita, due: .after(RelativeDuration(1, .days)))),
            .invalidAction("A task needs a title.")
        ),
        ("empty note", .addNote(.init(text: "  ")), .invalidAction("A note needs some text.")),
        ("no tags", .addTags(.init(tags: [])), .invalidAction("Name at least one tag, and no empty ones.")),
        ("an empty tag", .addTags(.init(tags: ["ok", " "])), .invalidAction("Name at least one tag, and no empty ones.")),
        (
            "nobody to evaluate", .requestEvaluation(.init(members: [])),
            .invalidAction("Name at least one team member to evaluate.")
        ),
        (
            "unknown evaluator", .requestEvaluation(.init(members: [T.hugo, "nobody"])),
            .notFound(kind: "team member", name: "nobody")
        ),
        ("unknown follower", .addFollowers(.init(members: ["nobody"])), .notFound(kind: "team member", name: "nobody")),
        ("unknown job", .assign(.init(job: "job-nope")), .notFound(kind: "job", name: "job-nope")),
        ("unknown pool", .assign(.init(talentPool: "pool-nope")), .notFound(kind: "talent pool", name: "pool-nope")),
        (
            "its own job", .assign(.init(job: T.backend)),
            .invalidAction("A stage cannot assign candidates to its own job.")
        ),
    ]

    @Test("Actions that could not run as written are refused", arguments: invalidActions)
    func validation(name: String, action: AutomaticAction, error: StagehandError) throws {
        var ws = T.make()
        let before = ws
        #expect(throws: error, "\(name)") { try ws.addAction(action, to: .stage(.job(T.backend), T.interview), by: T.ada) }
        #expect(throws: error, "\(name)") {
            try ws.replaceAction(at: 0, with: action, of: .stage(.job(T.backend), T.interview), by: T.ada)
        }
        #expect(ws == before)
    }

    @Test("Every kind of valid action is accepted", arguments: [
        T.sendThanks, T.sendReminder, T.screenNote, T.screenTask, T.tagApplicant, T.askHugo, T.ritaFollows,
        T.assignToPlatform, T.addToSilver,
    ])
    func validActions(action: AutomaticAction) throws {
        var ws = T.make()
        try ws.addAction(action, to: .stage(.job(T.backend), T.hired), by: T.ada)
        #expect(ws.job(T.backend)?.stage(T.hired)?.actions == [action])
    }

    @Test func permissionsAreCheckedBeforeValidation() throws {
        var ws = T.make()
        #expect(
            throws: StagehandError.missingPermission(member: "Rita Recruiter", missing: [.manageAutomations], doing: "change automatic actions")
        ) {
            try ws.addAction(.assign(.init(job: "job-nope")), to: .stage(.job(T.backend), T.interview), by: T.rita)
        }
    }

    @Test func editingTheDefaultTemplateReachesOnlyJobsCreatedAfterwards() throws {
        var ws = T.make()
        let earlier = try ws.createJob(title: "Data Engineer", by: T.ada)
        try ws.addAction(Self.tagShortlist, to: .stage(.defaultTemplate, "interview"), by: T.ada)
        let later = try ws.createJob(title: "  ML Engineer ", by: T.ada)

        #expect(ws.job(earlier)?.stage("interview")?.actions == [])
        #expect(ws.job(later)?.stage("interview")?.actions == [Self.tagShortlist])
        #expect(ws.job(later)?.title == "ML Engineer")
        #expect(ws.job(later)?.status == .open)
        #expect(ws.job(T.backend)?.stage(T.interview)?.actions == [T.sendInvite, T.sendReminder, T.askHugo])
    }

    @Test func editingAJobsPipelineDoesNotTouchTheTemplateOrOtherJobs() throws {
        var ws = T.make()
        let first = try ws.createJob(title: "Data Engineer", by: T.ada)
        let second = try ws.createJob(title: "ML Engineer", by: T.ada)
        let template = ws.setup.defaultPipeline
        try ws.removeAction(at: 0, of: .stage(.job(first), "applied"), by: T.ada)
        try ws.addAction(Self.tagShortlist, to: .stage(.job(first), "hired"), by: T.ada)
        #expect(ws.setup.defaultPipeline == template)
        #expect(ws.job(second)?.pipeline == template)
        #expect(ws.job(first)?.stage("applied")?.actions == [])
    }

    @Test func assigningToAJobIsAllowedInTheTemplateAndInOtherJobs() throws {
        var ws = T.make()
        try ws.addAction(.assign(.init(job: T.backend)), to: .stage(.defaultTemplate, "hired"), by: T.ada)
        try ws.addAction(.assign(.init(job: T.backend)), to: .stage(.job(T.platform), T.platformInterview), by: T.ada)
        #expect(ws.actions(of: .stage(.defaultTemplate, "hired"))?.last == .assign(.init(job: T.backend)))
        #expect(ws.actions(of: .stage(.job(T.platform), T.platformInterview))?.last == .assign(.init(job: T.backend)))
    }

    /// Jobs are refused the same way as automations: both permissions, or nothing changes.
    @Test func onlyMembersWhoManageAutomationsAndEditJobsCreateJobs() throws {
        var ws = T.make()
        let before = ws
        #expect(
            throws: StagehandError.missingPermission(member: "Hugo Hiring", missing: [.manageAutomations, .editJobs], doing: "create jobs")
        ) {
            try ws.createJob(title: "Nope", by: T.hugo)
        }
        #expect(
            throws: StagehandError.missingPermission(member: "Rita Recruiter", missing: [.manageAutomations], doing: "create jobs")
        ) {
            try ws.createJob(title: "Nope", by: T.rita)
        }
        #expect(throws: StagehandError.invalidAction("A job needs a title.")) { try ws.createJob(title: " ", by: T.ada) }
        #expect(ws == before)
    }

    @Test func templatesNeedBothPermissionsToo() throws {
        var ws = T.make()
        #expect(
            throws: StagehandError.missingPermission(member: "Rita Recruiter", missing: [.manageAutomations], doing: "change email templates")
        ) {
            try ws.saveTemplate(nil, name: "Hello", subject: "Hi", body: "Body", by: T.rita)
        }
        let id = try ws.saveTemplate(nil, name: " Hello ", subject: "Hi", body: "Body", by: T.ada)
        #expect(ws.template(id)?.name == "Hello")
        #expect(throws: StagehandError.invalidAction("An email needs a subject.")) {
            try ws.saveTemplate(nil, name: "Hello", subject: " ", body: "Body", by: T.ada)
        }
    }
}
