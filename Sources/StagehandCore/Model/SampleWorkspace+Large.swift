import Foundation

extension SampleWorkspace {
    /// A big workspace for benchmarks and soak runs: the sample's team, templates
    /// and automations over `jobs` jobs of `stagesPerJob` stages, with `candidates`
    /// people spread over them (more in early stages than late), each with exactly
    /// `timelineEntriesPerCandidate` timeline entries. It writes the timelines
    /// directly instead of playing every action out like `make`, so that ten
    /// thousand candidates take a fraction of a second.
    public static func makeLarge(
        candidates: Int, jobs: Int = 3, stagesPerJob: Int = 8, timelineEntriesPerCandidate: Int = 10, now: Date
    ) -> Workspace {
        precondition(candidates >= 0 && timelineEntriesPerCandidate >= 0, "counts cannot be negative")
        precondition(jobs > 0 && stagesPerJob > 0, "a large workspace needs at least one job with one stage")
        var setup = setup(currentLogin: "ana")
        setup.defaultPipeline = largePipeline(stages: stagesPerJob)
        setup.jobs = (0..<jobs).map { index in
            let title = largeJobTitles[index % largeJobTitles.count]
            let round = index / largeJobTitles.count
            return Job(
                id: JobID("job-\(index + 1)"), title: round == 0 ? title : "\(title) \(round + 1)",
                pipeline: setup.defaultPipeline)
        }
        var sample = LargeSample(setup: setup, entries: timelineEntriesPerCandidate, now: now)
        for index in 0..<candidates { sample.addCandidate(index) }
        return sample.finished()
    }

    static let largeJobTitles = [
        "Senior iOS Engineer", "Robotics Technician", "Product Designer", "Firmware Engineer",
        "Field Service Engineer", "Data Analyst", "Warehouse Automation Lead", "QA Engineer",
    ]

    /// The sample's stages under their own ids, so they carry the sample's actions;
    /// extra rounds go before the reference check. With fewer stages than the
    /// sample, the last stage takes the actions left over, so every kind still runs.
    static func largePipeline(stages count: Int) -> [Stage] {
        let names = [
            "Applied", "Phone screen", "Interview", "Take-home", "Onsite", "Reference check", "Offer", "Hired",
        ]
        let chosen =
            count <= names.count
            ? Array(names.prefix(count))
            : names.prefix(5) + (1...(count - names.count)).map { "Extra round \($0)" } + names.suffix(3)
        var stages = chosen.map { name in
            let id = StageID(name.lowercased().replacingOccurrences(of: " ", with: "-"))
            return Stage(id: id, name: name, actions: defaultPipeline.first { $0.id == id }?.actions ?? [])
        }
        stages[count - 1].actions += defaultPipeline.filter { sample in !stages.contains { $0.id == sample.id } }
            .flatMap(\.actions)
        return stages
    }
}

/// Writes the large workspace's candidates straight from counters and a seeded
/// generator: applied, the thanks email, one move per stage passed, now and then
/// a scheduled email, a task or an evaluation request, then notes.
private struct LargeSample {
    private var workspace: Workspace
    private var random = SplitMix64(seed: 0x1A46_E5A3_91E0_0002)
    private let now: Date
    private let entries: Int
    /// Stage `i` of `n` is drawn with weight `n - i`: boards are fuller on the left.
    private let stageWeights: [Int]
    private let recruiter: Member
    private let notes = SampleOpening.all.flatMap(\.notes)
    private let tags = SampleOpening.all.flatMap(\.tags)
    private var candidates: [Candidate] = []
    private var tasks: [CandidateTask] = []
    private var evaluations: [EvaluationRequest] = []
    private var emails: [OutgoingEmail] = []

    private static let firstNames = [
        "Zoë", "José", "Amara", "Lukas", "Priya", "Mateo", "Ingrid", "Kwame", "Sofia", "Yuki", "Noah", "Elena",
        "Björn", "Léa", "Ravi", "Anja", "Diego", "Grace", "Ahmed", "Olivia", "Jan", "Mei", "Carmen", "Daniel",
        "Aiko", "Nora", "Gabriel", "Maya", "Lucía", "Oskar",
    ].map(Self.withAddress)
    private static let lastNames = [
        "Müller", "Álvarez", "Nwosu", "Novák", "Raghunathan", "Silva", "Johansson", "Mensah", "Rossi", "Tanaka",
        "Williams", "Petrova", "Eriksson", "Moreau", "Shankar", "Kovačević", "Ramírez", "Kim", "Hassan", "Brown",
        "Kowalski", "Lin", "Ortiz", "Cohen", "Sato", "Halvorsen", "Dupont", "Goldberg", "Fernández", "Wiśniewski",
    ].map(Self.withAddress)

    /// Folding accents once per name part keeps address making out of the per-candidate loop.
    private static func withAddress(_ name: String) -> (name: String, address: String) {
        (name, String(SampleCandidate.address(for: name).prefix { $0 != "@" }))
    }

    init(setup: WorkspaceSetup, entries: Int, now: Date) {
        workspace = Workspace(setup: setup)
        self.entries = entries
        self.now = now
        let count = setup.defaultPipeline.count
        stageWeights = (0..<count).map { count - $0 }
        recruiter = setup.members.first { $0.id == SampleWorkspace.ben }!
    }

    func finished() -> Workspace {
        var result = workspace
        result.candidates = EntityTable(candidates)
        result.tasks = EntityTable(tasks)
        result.evaluationRequests = EntityTable(evaluations)
        result.emails = EntityTable(emails)
        return result
    }

    mutating func addCandidate(_ index: Int) {
        let job = workspace.setup.jobs[index % workspace.setup.jobs.count]
        let first = random.pick(Self.firstNames)
        let last = random.pick(Self.lastNames)
        var candidate = Candidate(
            id: workspace.makeID("cand"), name: "\(first.name) \(last.name)",
            email: "\(first.address).\(last.address).\(index)@example.com",
            source: random.pick(["LinkedIn", "Referral", "Career page", "Agency"]))
        let moves = min(drawStage(), max(entries - 1, 0))
        let enteredAt = ago(random.int(2 * 3600...20 * 86400))
        let gap = Double(random.int(20 * 3600...72 * 3600))
        func entered(_ stage: Int) -> Date { enteredAt.addingTimeInterval(-Double(moves - stage) * gap) }

        var remaining = entries
        func add(_ activity: Activity) {
            candidate.timeline.append(activity)
            remaining -= 1
        }
        candidate.timeline.reserveCapacity(entries)
        if remaining > 0 {
            add(entry(at: entered(0), .applied, by: nil, "Applied for \(job.title) via \(candidate.source)", job: job))
        }
        if remaining > moves {
            let answered = entered(0).addingTimeInterval(3)
            add(email(SampleWorkspace.thanks, to: candidate, job: job, stage: 0, at: answered, dueAt: answered))
        }
        for stage in stride(from: 1, through: moves, by: 1) {
            add(
                entry(
                    at: entered(stage), .moved, by: recruiter.id,
                    "Moved from \(job.pipeline[stage - 1].name) to \(job.pipeline[stage].name)", job: job))
        }
        let acted = enteredAt.addingTimeInterval(3)
        if remaining > 0, index % 20 == 0 {
            let dueAt = now.addingTimeInterval(Double(random.int(3600...72 * 3600)))
            add(email(SampleWorkspace.exerciseCheckIn, to: candidate, job: job, stage: moves, at: acted, dueAt: dueAt))
        }
        if remaining > 0, index % 10 == 3 {
            var activity = entry(
                at: acted, .task, by: recruiter.id, "Task for \(recruiter.name): Hold the phone screen", job: job)
            let task = CandidateTask(
                id: workspace.makeID("task"), title: "Hold the phone screen", assignee: recruiter.id,
                due: acted.addingTimeInterval(3 * 86400), candidate: candidate.id, job: job.id, automatic: true)
            activity.automatic = true
            activity.task = task.id
            tasks.append(task)
            add(activity)
        }
        if remaining > 0, index % 10 == 7 {
            var activity = entry(
                at: acted, .evaluationRequested, by: nil, "Evaluation requested from Dev Patel", job: job)
            activity.automatic = true
            evaluations.append(
                EvaluationRequest(
                    id: workspace.makeID("eval"), member: SampleWorkspace.dev, candidate: candidate.id, job: job.id,
                    requestedAt: acted, automatic: true))
            add(activity)
        }
        // Notes spread evenly after the last automatic entry, up to now, in whole seconds.
        let span = Int(now.timeIntervalSince(acted))
        let noteCount = remaining
        for note in 0..<noteCount {
            let at = acted.addingTimeInterval(Double(1 + (span - 1) * (note + 1) / (noteCount + 1)))
            let author = random.pick([recruiter.id, SampleWorkspace.dev, SampleWorkspace.ana])
            add(entry(at: at, .note, by: author, random.pick(notes), job: job))
        }

        for _ in 0..<random.int(0...2) { candidate.addTags([random.pick(tags)]) }
        // What the interview stage's actions would have done.
        if moves >= 2 {
            candidate.followers = [SampleWorkspace.dev]
            candidate.talentPools = [SampleWorkspace.futureTalent]
        }
        candidate.placements = [
            Placement(
                job: job.id, stage: job.pipeline[moves].id, enteredAt: enteredAt, entry: moves + 1,
                passedThrough: job.pipeline[..<moves].map(\.id))
        ]
        candidates.append(candidate)
    }

    private mutating func drawStage() -> Int {
        var roll = random.int(0..<stageWeights.reduce(0, +))
        for (stage, weight) in stageWeights.enumerated() {
            if roll < weight { return stage }
            roll -= weight
        }
        return 0
    }

    private mutating func entry(at: Date, _ kind: ActivityKind, by author: MemberID?, _ text: String, job: Job)
        -> Activity
    {
        Activity(
            id: workspace.makeID("act"), at: at, kind: kind, author: author, automatic: false, text: text, job: job.id)
    }

    /// An automatic email from the recruiter, sent if it was due by now.
    private mutating func email(
        _ templateID: EmailTemplateID, to candidate: Candidate, job: Job, stage: Int, at: Date, dueAt: Date
    ) -> Activity {
        let template = workspace.template(templateID)!
        let values = SampleWorkspace.placeholders(
            candidate: candidate, job: job, stage: job.pipeline[stage], sender: recruiter)
        let subject = SampleWorkspace.render(template.subject, values)
        var activity = entry(
            at: at, .email, by: recruiter.id, "Email '\(subject)' to \(candidate.email ?? "")", job: job)
        var email = OutgoingEmail(
            id: workspace.makeID("email"), candidate: candidate.id, job: job.id, stage: job.pipeline[stage].id,
            template: templateID, entry: stage + 1, sender: recruiter.id, fromName: recruiter.name,
            fromAddress: recruiter.email, toName: candidate.name, toAddress: candidate.email ?? "", subject: subject,
            body: SampleWorkspace.render(template.body, values), createdAt: at, dueAt: dueAt,
            status: dueAt <= now ? .sent : .scheduled)
        if email.status == .sent {
            email.sentAt = dueAt
            email.attempts = 1
            email.messageID = "<\(email.id)@\(SampleWorkspace.domain)>"
        }
        activity.automatic = true
        activity.email = email.id
        activity.status = email.status
        emails.append(email)
        return activity
    }

    private func ago(_ seconds: Int) -> Date { now.addingTimeInterval(-Double(seconds)) }
}
