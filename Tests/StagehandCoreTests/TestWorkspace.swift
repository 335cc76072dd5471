import Foundation
import Testing
@testable import StagehandCore

/// A small hand-built workspace that every rule test starts from.
///
/// Team: Ada (admin), Rita (recruiter), Hugo (hiring manager), Cora (coordinator:
/// `moveCandidates` only).
///
/// Backend Engineer (open), five stages:
/// 1. Applied — email "Thanks for applying" from Rita, tag `applicant`
/// 2. Phone screen — note, task for Rita due 3 days after the move, Rita follows
/// 3. Interview — invitation email from the mover, reminder 1 hour after entry,
///    evaluation request to Hugo
/// 4. Offer — offer follow-up 2 business days after entry, assign to Platform
///    Engineer, add to the Silver medalists pool
/// 5. Hired — no actions
///
/// Platform Engineer (open): Applied (email + tag `platform`), Interview (none),
/// Hired (assign to Backend Engineer). Office Manager: closed.
///
/// Candidates, all in Backend Engineer › Applied since the day before `now`
/// (Eve in Platform Engineer › Applied): Alice, Bruno, Chloé (no email),
/// Dan (do not email), Eve.
enum TestWorkspace {
    // Team
    static let ada: MemberID = "ada"
    static let rita: MemberID = "rita"
    static let hugo: MemberID = "hugo"
    static let cora: MemberID = "cora"
    static let coordinator = Role(id: "coordinator", name: "Coordinator", permissions: [.moveCandidates])

    // Templates
    static let thanks: EmailTemplateID = "tpl-thanks"
    static let invite: EmailTemplateID = "tpl-invite"
    static let reminder: EmailTemplateID = "tpl-reminder"
    static let offerFollowUp: EmailTemplateID = "tpl-offer"
    static let rejection: EmailTemplateID = "tpl-reject"

    // Jobs and stages
    static let backend: JobID = "job-backend"
    static let applied: StageID = "applied"
    static let screen: StageID = "screen"
    static let interview: StageID = "interview"
    static let offer: StageID = "offer"
    static let hired: StageID = "hired"

    static let platform: JobID = "job-platform"
    static let platformApplied: StageID = "p-applied"
    static let platformInterview: StageID = "p-interview"
    static let platformHired: StageID = "p-hired"

    static let closedJob: JobID = "job-office"

    // Pools and reasons
    static let silver: TalentPoolID = "pool-silver"
    static let alumni: TalentPoolID = "pool-alumni"
    static let skillsMismatch: ReasonID = "reason-skills"
    static let withdrew: ReasonID = "reason-withdrew"

    // Candidates
    static let alice: CandidateID = "cand-alice"
    static let bruno: CandidateID = "cand-bruno"
    static let chloe: CandidateID = "cand-chloe"
    static let dan: CandidateID = "cand-dan"
    static let eve: CandidateID = "cand-eve"

    /// Wednesday 25 November 2026, 09:00 UTC.
    static let now = date("2026-11-25T09:00:00Z")

    static func date(_ text: String) -> Date {
        guard let date = Clock.parseISO8601(text) else { fatalError("bad test date \(text)") }
        return date
    }

    // Actions, named so tests can compare plans and steps with them.
    static let sendThanks = AutomaticAction.sendEmail(.init(template: thanks, sender: .member(rita)))
    static let tagApplicant = AutomaticAction.addTags(.init(tags: ["applicant"]))
    static let screenNote = AutomaticAction.addNote(.init(text: "Phone screen booked"))
    static let screenTask = AutomaticAction.addTask(
        .init(title: "Prepare phone screen", assignee: rita, due: .after(RelativeDuration(3, .days))))
    static let ritaFollows = AutomaticAction.addFollowers(.init(members: [rita]))
    static let sendInvite = AutomaticAction.sendEmail(.init(template: invite, sender: .mover))
    static let sendReminder = AutomaticAction.sendEmail(
        .init(template: reminder, sender: .mover, delay: RelativeDuration(1, .hours)))
    static let askHugo = AutomaticAction.requestEvaluation(.init(members: [hugo]))
    static let sendOfferFollowUp = AutomaticAction.sendEmail(
        .init(template: offerFollowUp, sender: .mover, delay: RelativeDuration(2, .businessDays)))
    static let assignToPlatform = AutomaticAction.assign(.init(job: platform))
    static let addToSilver = AutomaticAction.assign(.init(talentPool: silver))
    static let sendRejection = AutomaticAction.sendEmail(
        .init(template: rejection, sender: .mover, delay: RelativeDuration(2, .days)))

    static func make() -> Workspace {
        let members = [
            Member(id: ada, login: "ada", name: "Ada Admin", email: "ada@acme.test", role: Role.admin.id),
            Member(id: rita, login: "rita", name: "Rita Recruiter", email: "rita@acme.test", role: Role.recruiter.id),
            Member(id: hugo, login: "hugo", name: "Hugo Hiring", email: "hugo@acme.test", role: Role.hiringManager.id),
            Member(id: cora, login: "cora", name: "Cora Coordinator", email: "cora@acme.test", role: coordinator.id),
        ]
        let templates = [
            EmailTemplate(id: thanks, name: "Thanks for applying", subject: "Thanks", body: "We got your application."),
            EmailTemplate(id: invite, name: "Interview invitation", subject: "Interview", body: "Please pick a time."),
            EmailTemplate(id: reminder, name: "Interview reminder", subject: "Reminder", body: "See you soon."),
            EmailTemplate(id: offerFollowUp, name: "Offer follow-up", subject: "Your offer", body: "Any questions?"),
            EmailTemplate(id: rejection, name: "Rejection", subject: "Your application", body: "Thank you, but no."),
        ]
        let backendJob = Job(
            id: backend, title: "Backend Engineer",
            pipeline: [
                Stage(id: applied, name: "Applied", actions: [sendThanks, tagApplicant]),
                Stage(id: screen, name: "Phone screen", actions: [screenNote, screenTask, ritaFollows]),
                Stage(id: interview, name: "Interview", actions: [sendInvite, sendReminder, askHugo]),
                Stage(id: offer, name: "Offer", actions: [sendOfferFollowUp, assignToPlatform, addToSilver]),
                Stage(id: hired, name: "Hired"),
            ])
        let platformJob = Job(
            id: platform, title: "Platform Engineer",
            pipeline: [
                Stage(
                    id: platformApplied, name: "Applied",
                    actions: [.sendEmail(.init(template: thanks, sender: .member(rita))), .addTags(.init(tags: ["platform"]))]),
                Stage(id: platformInterview, name: "Interview"),
                Stage(id: platformHired, name: "Hired", actions: [.assign(.init(job: backend))]),
            ])
        let officeJob = Job(
            id: closedJob, title: "Office Manager", status: .closed,
            pipeline: [Stage(id: "o-applied", name: "Applied", actions: [sendThanks])])
        let setup = WorkspaceSetup(
            companyName: "Acme Robotics",
            members: members,
            roles: [.admin, .recruiter, .hiringManager, coordinator],
            defaultPipeline: [
                Stage(id: "applied", name: "Applied", actions: [sendThanks]),
                Stage(id: "interview", name: "Interview"),
                Stage(id: "hired", name: "Hired"),
            ],
            jobs: [backendJob, platformJob, officeJob],
            disqualificationReasons: [
                DisqualificationReason(id: skillsMismatch, name: "Skills mismatch", actions: [sendRejection]),
                DisqualificationReason(id: withdrew, name: "Withdrew"),
            ],
            talentPools: [TalentPool(id: silver, name: "Silver medalists"), TalentPool(id: alumni, name: "Alumni")],
            emailTemplates: templates,
            settings: Settings(gracePeriodSeconds: 3, timeZone: "UTC"))

        let dayBefore = now.addingTimeInterval(-86_400)
        func inBackend() -> [Placement] { [Placement(job: backend, stage: applied, enteredAt: dayBefore)] }
        let candidates = [
            Candidate(id: alice, name: "Alice Martin", email: "alice@example.com", source: "career page", placements: inBackend()),
            Candidate(id: bruno, name: "Bruno Díaz", email: "bruno@example.com", source: "referral", placements: inBackend()),
            Candidate(id: chloe, name: "Chloé Dubois", email: nil, source: "career page", placements: inBackend()),
            Candidate(
                id: dan, name: "Dan Brown", email: "dan@example.com", doNotEmail: true, source: "career page",
                placements: inBackend()),
            Candidate(
                id: eve, name: "Eve Martin", email: "eve@example.com", source: "career page",
                placements: [Placement(job: platform, stage: platformApplied, enteredAt: dayBefore)]),
        ]
        return Workspace(setup: setup, counter: 100, candidates: candidates)
    }
}

// MARK: - Helpers shared by the rule tests

extension Workspace {
    /// Moves candidates within a job, as the board or the CLI would.
    @discardableResult
    mutating func moveTo(
        _ stage: StageID, _ ids: CandidateID..., job: JobID = TestWorkspace.backend, by mover: MemberID = TestWorkspace.rita,
        choice: MoveChoice? = nil, grace: TimeInterval = 0, now: Date = TestWorkspace.now
    ) throws -> MoveOutcome {
        try move(MoveRequest(candidates: ids, job: job, target: stage, mover: mover), choice: choice, grace: grace, now: now)
    }

    func planTo(
        _ stage: StageID, _ ids: CandidateID..., job: JobID = TestWorkspace.backend, by mover: MemberID = TestWorkspace.rita
    ) throws -> MovePlan {
        try planMove(MoveRequest(candidates: ids, job: job, target: stage, mover: mover))
    }

    func runs(of candidate: CandidateID) -> [ActionRun] { actionRuns.filter { $0.candidate == candidate } }

    func emails(of candidate: CandidateID) -> [OutgoingEmail] { emails.filter { $0.candidate == candidate } }

    func timeline(of candidate: CandidateID, _ kind: ActivityKind? = nil) -> [Activity] {
        (candidates[candidate]?.timeline ?? []).filter { kind == nil || $0.kind == kind }
    }

    func placement(of candidate: CandidateID, in job: JobID = TestWorkspace.backend) -> Placement? {
        candidates[candidate]?.placement(in: job)
    }
}
