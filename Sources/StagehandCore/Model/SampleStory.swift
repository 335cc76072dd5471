import Foundation

/// Makes up each sample candidate's history. It walks them through their job's
/// pipeline firing every stage's actions as the engine would, so that tags,
/// followers, talent pools, emails, tasks and evaluation requests all agree,
/// and keeps a timeline short enough to read at a glance.
struct SampleStory {
    /// About what a profile shows without scrolling. Moves always stay; the
    /// automatic entries of earlier stages give way first.
    static let timelineLength = 8

    private(set) var workspace: Workspace
    var random = SplitMix64(seed: 0x5EED_2026_0001)
    let now: Date
    let calendar: Calendar
    let grace: TimeInterval
    private var candidates: [Candidate] = []
    private var tasks: [CandidateTask] = []
    private var evaluations: [EvaluationRequest] = []
    private var emails: [OutgoingEmail] = []

    init(setup: WorkspaceSetup, now: Date) {
        workspace = Workspace(setup: setup)
        self.now = now
        calendar = setup.settings.calendar
        grace = setup.settings.gracePeriodSeconds
    }

    func finished() -> Workspace {
        var result = workspace
        result.candidates = EntityTable(candidates)
        result.tasks = EntityTable(tasks)
        result.evaluationRequests = EntityTable(evaluations)
        result.emails = EntityTable(emails)
        return result
    }

    mutating func tell(_ row: SampleCandidate) {
        var candidate = Candidate(
            id: workspace.makeID("cand"), name: row.name, email: row.email, doNotEmail: row.doNotEmail,
            source: row.source.rawValue)
        let opening = SampleOpening.named(row.job)
        let job = workspace.job(row.job)!
        let path = Array(job.pipeline[...job.stageIndex(row.stage)!])

        var entered = [ago(row.hoursAgo * 3600 + random.int(0..<3600))]
        while entered.count < path.count {
            entered.insert(entered[0].addingTimeInterval(-Double(random.int(20 * 3600..<96 * 3600))), at: 0)
        }

        var plans: [PlannedEntry] = []
        for (index, stage) in path.enumerated() {
            let mover: MemberID
            if index == 0 {
                // Career-page applicants apply themselves; the recruiter adds everyone
                // else, and answers every application.
                mover = opening.recruiter
                plans.append(
                    PlannedEntry(
                        at: entered[0], kind: .applied, author: row.source == .careerPage ? nil : opening.recruiter,
                        automatic: false, text: "Applied for \(job.title) via \(row.source.rawValue)", job: job.id))
            } else {
                mover = self.mover(into: stage.id, opening: opening)
                plans.append(
                    PlannedEntry(
                        at: entered[index], kind: .moved, author: mover, automatic: false,
                        text: "Moved from \(path[index - 1].name) to \(stage.name)", job: job.id))
            }
            var fired: [PlannedEntry] = []
            for action in stage.actions {
                fired += fire(
                    action, for: &candidate, in: job, stage: stage, stageEntry: index + 1, mover: mover,
                    at: entered[index])
            }
            for (position, var entry) in fired.enumerated() {
                if index == path.count - 1 {
                    entry.weight = position == 0 ? .firstAction : .otherAction
                } else if index == 0 {
                    entry.weight = .application
                } else {
                    continue
                }
                plans.append(entry)
            }
        }

        var placement = Placement(
            job: job.id, stage: row.stage, enteredAt: entered[path.count - 1], entry: path.count,
            passedThrough: path.dropLast().map(\.id))
        if let disqualified = row.disqualified {
            let reason = workspace.reason(disqualified.reason)!
            let at = ago(disqualified.hoursAgo * 3600)
            placement.disqualification = Disqualification(reason: reason.id, at: at, by: opening.recruiter)
            plans.append(
                PlannedEntry(
                    at: at, kind: .disqualified, author: opening.recruiter, automatic: false,
                    text: "Disqualified from \(job.title): \(reason.name)", job: job.id))
            for action in reason.actions {
                plans += fire(
                    action, for: &candidate, in: job, stage: path[path.count - 1], stageEntry: path.count,
                    mover: opening.recruiter, at: at)
            }
        }
        candidate.placements = [placement]
        if let otherID = row.alsoIn {
            let other = workspace.job(otherID)!
            let at = randomTime(from: entered[0].addingTimeInterval(3600), to: now.addingTimeInterval(-3600))
            candidate.placements.append(Placement(job: otherID, stage: other.pipeline[0].id, enteredAt: at))
            plans.append(
                PlannedEntry(
                    at: at, kind: .assigned, author: SampleOpening.named(otherID).recruiter, automatic: false,
                    text: "Also considered for \(other.title)", job: otherID))
        }

        // One place is always left for something a person wrote.
        var kept = plans.enumerated()
            .sorted { ($0.element.weight, $0.offset) < ($1.element.weight, $1.offset) }
            .prefix(Self.timelineLength - 1)
            .map(\.element)
        let quietAfter = placement.disqualification?.at ?? now
        var unused = (notes: opening.notes, tasks: opening.tasks)
        for _ in 0..<min(random.int(1...3), Self.timelineLength - kept.count) {
            kept.append(
                personEntry(
                    for: &candidate, opening: opening,
                    at: randomTime(
                        from: entered[0].addingTimeInterval(1800), to: quietAfter.addingTimeInterval(-1200)),
                    unused: &unused))
        }
        for plan in kept.enumerated().sorted(by: { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }) {
            candidate.timeline.append(write(plan.element))
        }
        candidates.append(candidate)
    }

    /// Someone from an earlier hiring round, kept in the talent pool but in no job.
    mutating func tellPooled(_ person: (name: String, source: SampleSource, daysAgo: Int, note: String)) {
        let pool = workspace.talentPool(SampleWorkspace.futureTalent)!
        var candidate = Candidate(
            id: workspace.makeID("cand"), name: person.name, email: SampleCandidate.address(for: person.name),
            source: person.source.rawValue, talentPools: [pool.id])
        let imported = ago(person.daysAgo * 86400)
        let plans = [
            PlannedEntry(
                at: imported, kind: .imported, author: SampleWorkspace.ana, automatic: false,
                text: "Imported from the 2024 hiring spreadsheet"),
            PlannedEntry(
                at: imported.addingTimeInterval(60), kind: .pooled, author: SampleWorkspace.ana, automatic: false,
                text: "Added to the talent pool \(pool.name)"),
            PlannedEntry(
                at: imported.addingTimeInterval(120), kind: .note, author: SampleWorkspace.ana, automatic: false,
                text: person.note),
        ]
        for plan in plans { candidate.timeline.append(write(plan)) }
        candidates.append(candidate)
    }

    // MARK: People

    /// Recruiters move people on; the coordinator books most phone screens, and the
    /// head of talent and the coordinator step in now and then elsewhere.
    private mutating func mover(into stage: StageID, opening: SampleOpening) -> MemberID {
        if stage == "phone-screen" { return random.pick([opening.recruiter, opening.recruiter, SampleWorkspace.finn]) }
        let roll = random.int(0..<100)
        return roll < 15 ? SampleWorkspace.ana : roll < 25 ? SampleWorkspace.finn : opening.recruiter
    }

    /// Something a team member did by hand: mostly a note, now and then a tag, a
    /// follow or a task, never the same note or task twice for one candidate.
    private mutating func personEntry(
        for candidate: inout Candidate, opening: SampleOpening, at: Date,
        unused: inout (notes: [String], tasks: [String])
    ) -> PlannedEntry {
        let roll = random.int(0..<100)
        let freeTags = opening.tags.filter { !candidate.tags.contains($0) }
        if roll < 15, candidate.tags.count < 3, !freeTags.isEmpty {
            let tag = random.pick(freeTags)
            candidate.addTags([tag])
            return PlannedEntry(
                at: at, kind: .tagged, author: opening.recruiter, automatic: false, text: "Tagged \(tag)",
                job: opening.id)
        }
        let newFollowers = [SampleWorkspace.ana, opening.recruiter, opening.hiringManager].filter {
            !candidate.followers.contains($0)
        }
        if roll < 25, !newFollowers.isEmpty {
            let follower = random.pick(newFollowers)
            candidate.addFollowers([follower])
            return PlannedEntry(
                at: at, kind: .followed, author: follower, automatic: false,
                text: "Started following",
                job: opening.id)
        }
        if roll < 35, !unused.tasks.isEmpty {
            let title = unused.tasks.remove(at: random.int(0..<unused.tasks.count))
            let assignee = random.pick([opening.recruiter, SampleWorkspace.finn])
            let due = at.addingTimeInterval(Double(random.int(1...5) * 86400))
            let task = CandidateTask(
                id: "", title: title, assignee: assignee, due: due, done: due < now && random.chance(50),
                candidate: candidate.id, job: opening.id, automatic: false)
            return PlannedEntry(
                at: at, kind: .task, author: opening.recruiter, automatic: false,
                text: "Task for \(member(assignee).name): \(title)", job: opening.id, record: .task(task))
        }
        let author = random.pick([opening.recruiter, opening.recruiter, opening.hiringManager, SampleWorkspace.ana])
        let note = unused.notes.remove(at: random.int(0..<unused.notes.count))
        return PlannedEntry(at: at, kind: .note, author: author, automatic: false, text: note, job: opening.id)
    }

    // MARK: Writing

    /// Gives the entry and its record their ids, so that ids exist only for what the timeline keeps.
    private mutating func write(_ plan: PlannedEntry) -> Activity {
        var activity = Activity(
            id: workspace.makeID("act"), at: plan.at, kind: plan.kind, author: plan.author, automatic: plan.automatic,
            text: plan.text, job: plan.job)
        switch plan.record {
        case .none:
            break
        case .email(var email):
            email.id = workspace.makeID("email")
            if email.status == .sent { email.messageID = "<\(email.id)@\(SampleWorkspace.domain)>" }
            activity.email = email.id
            activity.status = email.status
            emails.append(email)
        case .task(var task):
            task.id = workspace.makeID("task")
            activity.task = task.id
            tasks.append(task)
        case .evaluation(var evaluation):
            evaluation.id = workspace.makeID("eval")
            evaluations.append(evaluation)
        }
        return activity
    }

    func member(_ id: MemberID) -> Member { workspace.member(id)! }

    private func ago(_ seconds: Int) -> Date { now.addingTimeInterval(-Double(seconds)) }

    /// Whole seconds after `start`, so every date stays a whole number of seconds from `now`.
    private mutating func randomTime(from start: Date, to end: Date) -> Date {
        start.addingTimeInterval(Double(random.int(0...max(0, Int(end.timeIntervalSince(start))))))
    }
}

/// A timeline entry not written yet: planned first, so that only the entries a
/// timeline keeps get ids and records.
struct PlannedEntry {
    /// How much an entry tells, most first: what happened to the candidate, what
    /// their current stage did, the answer to their application, the rest.
    enum Weight: Int, Comparable {
        case event, firstAction, application, otherAction

        static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    enum Record {
        case none
        case email(OutgoingEmail)
        case task(CandidateTask)
        case evaluation(EvaluationRequest)
    }

    var at: Date
    var weight = Weight.event
    var kind: ActivityKind
    var author: MemberID?
    var automatic: Bool
    var text: String
    var job: JobID?
    var record = Record.none

    init(
        at: Date, kind: ActivityKind, author: MemberID?, automatic: Bool, text: String, job: JobID? = nil,
        record: Record = .none
    ) {
        self.at = at
        self.kind = kind
        self.author = author
        self.automatic = automatic
        self.text = text
        self.job = job
        self.record = record
    }
}
