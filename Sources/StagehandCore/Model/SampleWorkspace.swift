import Foundation

/// The workspace a recruiter sees on first start and `stagehand demo` writes: a
/// small robotics company hiring for three roles, with automations on most stages
/// and candidates at every step, so that every screen has something real to show.
///
/// Everything is placed relative to `now` and drawn from a fixed seed, so the same
/// inputs always give the same workspace (tests and screenshots rely on that).
public enum SampleWorkspace {
    public static func make(now: Date, currentLogin: String) -> Workspace {
        var story = SampleStory(setup: setup(currentLogin: currentLogin), now: now)
        for candidate in SampleCandidate.all { story.tell(candidate) }
        for candidate in SampleCandidate.pooledOnly { story.tellPooled(candidate) }
        return story.finished()
    }

    static let companyName = "Northwind Robotics"
    static let domain = "northwind.example"

    static func setup(currentLogin: String) -> WorkspaceSetup {
        WorkspaceSetup(
            companyName: companyName,
            members: members(currentLogin: currentLogin),
            roles: [.admin, .recruiter, .hiringManager, coordinator],
            defaultPipeline: defaultPipeline,
            jobs: SampleOpening.all.map { opening in
                Job(
                    id: opening.id, title: opening.title,
                    pipeline: pipeline(
                        recruiter: opening.recruiter, hiringManager: opening.hiringManager,
                        exercise: opening.exercise))
            },
            disqualificationReasons: [
                DisqualificationReason(
                    id: notAFit, name: "Not a fit for the role",
                    actions: [.sendEmail(.init(template: rejection, delay: RelativeDuration(2, .days)))]),
                DisqualificationReason(id: withdrew, name: "Withdrew"),
            ],
            talentPools: [TalentPool(id: futureTalent, name: "Future robotics talent")],
            emailTemplates: templates,
            settings: Settings(gracePeriodSeconds: 3, mail: MailSettings(transport: .outbox), timeZone: "UTC"))
    }

    // MARK: The team

    static let ana: MemberID = "ana"
    static let ben: MemberID = "ben"
    static let chloe: MemberID = "chloe"
    static let dev: MemberID = "dev"
    static let emma: MemberID = "emma"
    static let finn: MemberID = "finn"

    /// Books calls and moves people along but may not evaluate, so an evaluation
    /// request fired by their move is skipped: the demo shows that guard at work.
    static let coordinator = Role(id: "coordinator", name: "Coordinator", permissions: [.moveCandidates])

    static let team: [Member] = [
        Member(id: ana, login: "ana", name: "Ana Lindqvist", email: "ana@\(domain)", role: Role.admin.id),
        Member(id: ben, login: "ben", name: "Ben Okafor", email: "ben@\(domain)", role: Role.recruiter.id),
        Member(id: chloe, login: "chloe", name: "Chloé Dubois", email: "chloe@\(domain)", role: Role.recruiter.id),
        Member(id: dev, login: "dev", name: "Dev Patel", email: "dev@\(domain)", role: Role.hiringManager.id),
        Member(id: emma, login: "emma", name: "Emma Schulz", email: "emma@\(domain)", role: Role.hiringManager.id),
        Member(id: finn, login: "finn", name: "Finn O'Brien", email: "finn@\(domain)", role: coordinator.id),
    ]

    /// The sample team with whoever runs Stagehand as an admin, so that the demo
    /// opens with full rights whatever their login.
    static func members(currentLogin: String) -> [Member] {
        var members = team
        if let index = members.firstIndex(where: { $0.login == currentLogin }) {
            members[index].role = Role.admin.id
        } else {
            let id = memberID(forLogin: currentLogin, avoiding: members.map(\.id))
            members.append(
                Member(
                    id: id, login: currentLogin, name: currentLogin, email: "\(currentLogin)@\(domain)",
                    role: Role.admin.id))
        }
        return members
    }

    /// A short id made from the login; a login such as `Ana` must not take over the sample's `ana`.
    static func memberID(forLogin login: String, avoiding taken: [MemberID]) -> MemberID {
        let slug = String(login.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
        let base = slug.isEmpty ? "me" : slug
        var id = MemberID(base)
        var suffix = 2
        while taken.contains(id) {
            id = MemberID("\(base)-\(suffix)")
            suffix += 1
        }
        return id
    }

    // MARK: Email templates

    static let thanks: EmailTemplateID = "tpl-thanks"
    static let phoneScreen: EmailTemplateID = "tpl-phone-screen"
    static let interviewInvitation: EmailTemplateID = "tpl-interview"
    static let exerciseCheckIn: EmailTemplateID = "tpl-check-in"
    static let offerCall: EmailTemplateID = "tpl-offer"
    static let rejection: EmailTemplateID = "tpl-rejection"

    static let templates: [EmailTemplate] = [
        EmailTemplate(
            id: thanks, name: "Thanks for applying", subject: "Thanks for applying to {{company.name}}",
            body: """
                Hi {{candidate.first_name}},

                Thank you for applying for the {{job.title}} role at {{company.name}}. We read every \
                application ourselves and will get back to you within a week.

                Best regards,
                {{sender.name}}
                """),
        EmailTemplate(
            id: phoneScreen, name: "Schedule your phone screen",
            subject: "{{job.title}}: let's schedule a phone screen",
            body: """
                Hi {{candidate.first_name}},

                We enjoyed reading your application and would like to talk for 30 minutes about the \
                {{job.title}} role. Reply with a few times that suit you this week and I will send an invitation.

                Best,
                {{sender.name}}
                {{company.name}}
                """),
        EmailTemplate(
            id: interviewInvitation, name: "Interview invitation",
            subject: "Interview for {{job.title}} at {{company.name}}",
            body: """
                Hi {{candidate.first_name}},

                Thank you for the phone screen. We would like to invite you to an interview with the team: \
                about two hours, on site or by video, as you prefer. A calendar invitation follows shortly.

                Best,
                {{sender.name}}
                """),
        EmailTemplate(
            id: exerciseCheckIn, name: "Exercise check-in", subject: "{{stage.name}}: how is it going?",
            body: """
                Hi {{candidate.first_name}},

                A quick check-in on the {{stage.name}} for the {{job.title}} role. If anything is unclear \
                or you need a few more days, just reply to this email.

                Best,
                {{sender.name}}
                """),
        EmailTemplate(
            id: offerCall, name: "Offer call", subject: "{{company.name}}: let's talk about an offer",
            body: """
                Hi {{candidate.first_name}},

                Great news: the team would like to make you an offer for the {{job.title}} role. Could we \
                have a short call in the next two days to walk you through it?

                Best,
                {{sender.name}}
                """),
        EmailTemplate(
            id: rejection, name: "Rejection", subject: "Your application for {{job.title}}",
            body: """
                Dear {{candidate.name}},

                Thank you for the time you spent with us. After careful consideration we have decided not \
                to move forward with your application for the {{job.title}} role.

                We wish you all the best,
                {{sender.name}}
                {{company.name}}
                """),
    ]

    /// Renders with the same Mustache rendering the engine uses; the sample's
    /// templates are known to be valid, so a failure keeps the raw text.
    static func render(_ text: String, _ context: EmailContext) -> String {
        (try? EmailRendering.render(text, with: context)) ?? text
    }

    static func placeholders(candidate: Candidate, job: Job, stage: Stage, sender: Member) -> EmailContext {
        EmailContext(
            candidateName: candidate.name, candidateFirstName: candidate.firstName, jobTitle: job.title,
            stageName: stage.name, senderName: sender.name, companyName: companyName)
    }

    // MARK: Pipelines

    static let futureTalent: TalentPoolID = "future-talent"
    static let notAFit: ReasonID = "not-a-fit"
    static let withdrew: ReasonID = "withdrew"
    static let takeHome = (id: StageID("take-home"), name: "Take-home")

    static let defaultPipeline = pipeline(recruiter: ben, hiringManager: dev, exercise: takeHome)

    /// The default pipeline as one hiring team runs it: the recruiter writes and
    /// books, the hiring manager evaluates, and the exercise stage is named for the
    /// job (or left out where the job has none).
    static func pipeline(recruiter: MemberID, hiringManager: MemberID, exercise: (id: StageID, name: String)?)
        -> [Stage]
    {
        var stages = [
            Stage(id: "applied", name: "Applied", actions: [.sendEmail(.init(template: thanks, sender: .mover))]),
            Stage(
                id: "phone-screen", name: "Phone screen",
                actions: [
                    .sendEmail(.init(template: phoneScreen, sender: .mover)),
                    .addTask(
                        .init(
                            title: "Hold the phone screen", assignee: recruiter, due: .after(RelativeDuration(3, .days))
                        )),
                ]),
            Stage(
                id: "interview", name: "Interview",
                actions: [
                    .sendEmail(
                        .init(
                            template: interviewInvitation, sender: .member(recruiter),
                            delay: RelativeDuration(1, .hours))),
                    .requestEvaluation(.init(members: [hiringManager])),
                    // Whoever reaches an interview is worth remembering, hired here or not.
                    .assign(.init(talentPool: futureTalent)),
                    .addFollowers(.init(members: [hiringManager])),
                ]),
        ]
        if let exercise {
            stages.append(
                Stage(
                    id: exercise.id, name: exercise.name,
                    actions: [
                        .sendEmail(
                            .init(
                                template: exerciseCheckIn, sender: .member(recruiter),
                                delay: RelativeDuration(2, .businessDays))),
                        .addNote(
                            .init(text: "{{stage.name}} sent to {{candidate.first_name}}; due back within five days.")),
                        .addTags(.init(tags: ["take-home"])),
                    ]))
        }
        stages += [
            Stage(
                id: "reference-check", name: "Reference check",
                actions: [
                    .addTask(
                        .init(
                            title: "Call two references", assignee: finn,
                            due: .after(RelativeDuration(2, .businessDays))))
                ]),
            Stage(
                id: "offer", name: "Offer",
                actions: [
                    .sendEmail(.init(template: offerCall, sender: .mover)),
                    .addTask(
                        .init(title: "Prepare the offer letter", assignee: ana, due: .after(RelativeDuration(1, .days)))
                    ),
                ]),
            Stage(id: "hired", name: "Hired"),
        ]
        return stages
    }
}

/// A tiny seeded generator (SplitMix64): the standard library's generator can be
/// neither seeded nor relied on to stay the same, and the sample must not change
/// (nor may a fuzzer's run, which its seed repeats).
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// The modulo bias is far too small for sample data to show.
    mutating func int(_ range: Range<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { int(range.lowerBound..<range.upperBound + 1) }

    mutating func chance(_ percent: Int) -> Bool { int(0..<100) < percent }

    mutating func pick<Element>(_ items: [Element]) -> Element { items[int(0..<items.count)] }
}
