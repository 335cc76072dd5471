import Foundation

/// Everything Stagehand knows: the team and its setup, and the candidates with
/// everything that happened to them. A value: change it, then hand it to the store.
public struct Workspace: Codable, Sendable, Equatable {
    public var setup: WorkspaceSetup
    /// Source of new ids; kept in the state so that ids stay unique across processes.
    public var counter: Int
    public var candidates: EntityTable<Candidate>
    public var tasks: EntityTable<CandidateTask>
    public var evaluationRequests: EntityTable<EvaluationRequest>
    public var emails: EntityTable<OutgoingEmail>
    public var actionRuns: EntityTable<ActionRun>

    public init(
        setup: WorkspaceSetup, counter: Int = 0, candidates: [Candidate] = [],
        tasks: [CandidateTask] = [], evaluationRequests: [EvaluationRequest] = [],
        emails: [OutgoingEmail] = [], actionRuns: [ActionRun] = []
    ) {
        self.setup = setup
        self.counter = counter
        self.candidates = EntityTable(candidates)
        self.tasks = EntityTable(tasks)
        self.evaluationRequests = EntityTable(evaluationRequests)
        self.emails = EntityTable(emails)
        self.actionRuns = EntityTable(actionRuns)
    }

    /// The tables as a reader made them, not copied again.
    init(
        setup: WorkspaceSetup, counter: Int, candidates: EntityTable<Candidate>, tasks: EntityTable<CandidateTask>,
        evaluationRequests: EntityTable<EvaluationRequest>, emails: EntityTable<OutgoingEmail>,
        actionRuns: EntityTable<ActionRun>
    ) {
        self.setup = setup
        self.counter = counter
        self.candidates = candidates
        self.tasks = tasks
        self.evaluationRequests = evaluationRequests
        self.emails = emails
        self.actionRuns = actionRuns
    }

    /// A fresh id such as `task-42`.
    public mutating func makeID<Entity>(_ prefix: String) -> Identifier<Entity> {
        counter += 1
        return Identifier("\(prefix)-\(counter)")
    }

    public var hasTableChanges: Bool {
        candidates.hasChanges || tasks.hasChanges || evaluationRequests.hasChanges
            || emails.hasChanges || actionRuns.hasChanges
    }

    public mutating func forgetChanges() {
        candidates.forgetChanges()
        tasks.forgetChanges()
        evaluationRequests.forgetChanges()
        emails.forgetChanges()
        actionRuns.forgetChanges()
    }

    // MARK: Look-ups

    public func member(_ id: MemberID) -> Member? { setup.members.first { $0.id == id } }
    public func role(of member: MemberID) -> Role? {
        guard let roleID = self.member(member)?.role else { return nil }
        return setup.roles.first { $0.id == roleID }
    }
    public func job(_ id: JobID) -> Job? { setup.jobs.first { $0.id == id } }
    public func jobIndex(_ id: JobID) -> Int? { setup.jobs.firstIndex { $0.id == id } }
    public func template(_ id: EmailTemplateID) -> EmailTemplate? {
        setup.emailTemplates.first { $0.id == id }
    }
    public func reason(_ id: ReasonID) -> DisqualificationReason? {
        setup.disqualificationReasons.first { $0.id == id }
    }
    public func talentPool(_ id: TalentPoolID) -> TalentPool? {
        setup.talentPools.first { $0.id == id }
    }

    /// Candidates currently in a stage of a job, in card order.
    public func candidates(in job: JobID, stage: StageID) -> [Candidate] {
        (columns(of: job)[stage] ?? []).compactMap { candidates[$0] }
    }

    /// Each stage's candidates in a job, in card order — the order they entered the
    /// stage — keeping those `include` accepts. The board's columns and every list
    /// of a stage's candidates come from here.
    public func columns(of job: JobID, where include: (Candidate) -> Bool = { _ in true }) -> [StageID: [CandidateID]] {
        // Entry times and table positions, not candidates, are what gets sorted: moving
        // whole candidates about in a sort of ten thousand was most of a board's move.
        var byStage: [StageID: [(entered: Date, position: Int)]] = [:]
        for position in candidates.indices {
            let candidate = candidates[position]
            guard let placement = candidate.placement(in: job), include(candidate) else { continue }
            byStage[placement.stage, default: []].append((placement.enteredAt, position))
        }
        return byStage.mapValues { cards in
            cards.sorted { a, b in
                a.entered != b.entered ? a.entered < b.entered : Self.cardOrder(candidates[a.position], candidates[b.position])
            }.map { candidates[$0.position].id }
        }
    }

    /// Whether `a` comes before `b` in their column of `job`, both being in it.
    public static func cardPrecedes(_ a: Candidate, _ b: Candidate, in job: JobID) -> Bool {
        let first = a.placement(in: job)?.enteredAt ?? .distantPast
        let second = b.placement(in: job)?.enteredAt ?? .distantPast
        return first != second ? first < second : cardOrder(a, b)
    }

    /// For those who entered at the same instant, as an import's rows do: name, then
    /// id by its number ("cand-472" before "cand-1000").
    private static func cardOrder(_ a: Candidate, _ b: Candidate) -> Bool {
        let byName = a.name.localizedStandardCompare(b.name)
        if byName != .orderedSame { return byName == .orderedAscending }
        return a.id.rawValue.compare(b.id.rawValue, options: .numeric) == .orderedAscending
    }
}

/// The part of the workspace people configure: small, and journaled whole when it changes.
public struct WorkspaceSetup: Codable, Sendable, Equatable {
    public var companyName: String
    public var members: [Member]
    public var roles: [Role]
    public var defaultPipeline: [Stage]
    public var jobs: [Job]
    public var disqualificationReasons: [DisqualificationReason]
    public var talentPools: [TalentPool]
    public var emailTemplates: [EmailTemplate]
    public var settings: Settings

    public init(
        companyName: String, members: [Member] = [],
        roles: [Role] = [.admin, .recruiter, .hiringManager], defaultPipeline: [Stage] = [],
        jobs: [Job] = [], disqualificationReasons: [DisqualificationReason] = [],
        talentPools: [TalentPool] = [], emailTemplates: [EmailTemplate] = [],
        settings: Settings = Settings()
    ) {
        self.companyName = companyName
        self.members = members
        self.roles = roles
        self.defaultPipeline = defaultPipeline
        self.jobs = jobs
        self.disqualificationReasons = disqualificationReasons
        self.talentPools = talentPools
        self.emailTemplates = emailTemplates
        self.settings = settings
    }
}
