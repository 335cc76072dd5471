import Foundation
import Testing

@testable import StagehandCore

@Suite struct SampleWorkspaceTests {
    /// A fractional `now` shows that every date lies a whole number of seconds from it.
    let now = Date(timeIntervalSinceReferenceDate: 800_000_000.25)

    var sample: Workspace { SampleWorkspace.make(now: now, currentLogin: "ben") }

    // MARK: Determinism

    @Test func aDelayedEmailsTimelineEntrySaysWhenItWasSent() throws {
        let ws = sample
        let entries = ws.candidates.flatMap(\.timeline).filter { entry in
            guard entry.status == .sent, let id = entry.email, let sentAt = ws.emails[id]?.sentAt else { return false }
            return ws.moment(sentAt) != ws.moment(entry.at)
        }
        let entry = try #require(entries.first, "the sample has delayed emails that went out later")
        let sentAt = try #require(entry.email.flatMap { ws.emails[$0]?.sentAt })
        #expect(ws.statusWords(of: entry) == "sent \(ws.moment(sentAt))")
    }

    @Test func theSameInputsGiveTheSameWorkspace() {
        #expect(sample == SampleWorkspace.make(now: now, currentLogin: "ben"))
        #expect(
            SampleWorkspace.makeLarge(candidates: 300, now: now) == SampleWorkspace.makeLarge(candidates: 300, now: now)
        )
    }

    @Test func survivesAJSONRoundTrip() throws {
        let workspace = sample
        let data = try JSONEncoder().encode(workspace)
        #expect(try JSONDecoder().decode(Workspace.self, from: data) == workspace)
    }

    // MARK: The team

    @Test(arguments: ["ana", "ben", "dev", "finn"])
    func aSampleMemberRunningStagehandIsAnAdmin(login: String) throws {
        let workspace = SampleWorkspace.make(now: now, currentLogin: login)
        let me = try #require(workspace.setup.members.first { $0.login == login })
        #expect(workspace.role(of: me.id) == .admin)
        #expect(workspace.setup.members.count == 6)
    }

    @Test func anUnknownLoginJoinsAsAnAdmin() throws {
        let workspace = SampleWorkspace.make(now: now, currentLogin: "zoe")
        let me = try #require(workspace.setup.members.first { $0.login == "zoe" })
        #expect(me.id == "zoe")
        #expect(me.name == "zoe")
        #expect(me.email == "zoe@northwind.example")
        #expect(workspace.role(of: me.id) == .admin)
        #expect(workspace.setup.members.count == 7)
        #expect(workspace.role(of: "ben") == .recruiter)
    }

    @Test func aLoginThatLooksLikeASampleIDGetsItsOwnID() throws {
        let workspace = SampleWorkspace.make(now: now, currentLogin: "Ana")
        let me = try #require(workspace.setup.members.first { $0.login == "Ana" })
        #expect(me.id == "ana-2")
        #expect(workspace.role(of: me.id) == .admin)
        #expect(workspace.member("ana")?.login == "ana")
    }

    @Test func theTeamSpansTheShippedRolesAndACoordinator() throws {
        let setup = sample.setup
        #expect(Set(setup.roles.map(\.id)) == ["admin", "recruiter", "hiring-manager", "coordinator"])
        let coordinator = try #require(setup.roles.first { $0.name == "Coordinator" })
        #expect(coordinator.permissions == [.moveCandidates])
        #expect(Set(setup.members.map(\.role)) == Set(setup.roles.map(\.id)))
        #expect(setup.companyName == "Northwind Robotics")
        #expect(
            setup.settings == Settings(gracePeriodSeconds: 3, mail: MailSettings(transport: .outbox), timeZone: "UTC"))
    }

    // MARK: Automations

    @Test func theDefaultPipelineUsesEveryActionKindOnAtLeastFourStages() {
        let pipeline = sample.setup.defaultPipeline
        #expect(pipeline.count == 7)
        #expect(Set(pipeline.flatMap(\.actions).map(\.kind)) == Set(AutomaticAction.Kind.allCases))
        #expect(pipeline.filter(\.hasActions).count >= 4)
    }

    @Test func emailsGoAtOnceLaterAndInBusinessDaysAndATaskIsDueInThreeDays() {
        let pipeline = sample.setup.defaultPipeline
        let sends = pipeline.flatMap(\.actions).compactMap { action -> AutomaticAction.SendEmail? in
            if case .sendEmail(let send) = action { send } else { nil }
        }
        guard case .sendEmail(let onApplying) = pipeline.first?.actions.first else {
            Issue.record("Applied does not start with an email")
            return
        }
        #expect(onApplying.sender == .mover && onApplying.delay == nil)
        #expect(sends.contains { $0.delay == RelativeDuration(1, .hours) && $0.sender != .mover })
        #expect(sends.contains { $0.delay?.unit == .businessDays })
        #expect(
            pipeline.flatMap(\.actions).contains {
                if case .addTask(let task) = $0 { task.due == .after(RelativeDuration(3, .days)) } else { false }
            })
    }

    @Test func twoReasonsOneSendingADelayedRejection() {
        let reasons = sample.setup.disqualificationReasons
        #expect(reasons.count == 2)
        #expect(
            reasons.contains { reason in
                reason.actions.contains {
                    if case .sendEmail(let send) = $0 { send.delay == RelativeDuration(2, .days) } else { false }
                }
            })
    }

    @Test func threeOpenJobsWithPipelinesOfTheirOwn() {
        let setup = sample.setup
        #expect(setup.jobs.count == 3)
        #expect(setup.jobs.allSatisfy { $0.status == .open })
        #expect(setup.jobs.contains { $0.pipeline == setup.defaultPipeline })
        #expect(setup.jobs.contains { $0.pipeline.count < setup.defaultPipeline.count })
        #expect(Set(setup.jobs.map { $0.pipeline.map(\.id) }).count == 3)
        #expect(setup.talentPools.contains { $0.name == "Future robotics talent" })
    }

    @Test func templatesUseOnlyTheDocumentedPlaceholders() throws {
        let allowed: Set = [
            "candidate.first_name", "candidate.name", "job.title", "stage.name", "sender.name", "company.name",
        ]
        let placeholder = try Regex(#"\{\{\s*([^}]*?)\s*\}\}"#)
        let templates = sample.setup.emailTemplates
        #expect((4...6).contains(templates.count))
        for template in templates {
            #expect(!template.subject.isEmpty && !template.body.isEmpty)
            for match in (template.subject + template.body).matches(of: placeholder) {
                #expect(allowed.contains(String(match.output[1].substring ?? "")), "\(template.id)")
            }
        }
        let notes = sample.setup.defaultPipeline.flatMap(\.actions).compactMap { action -> String? in
            if case .addNote(let note) = action { note.text } else { nil }
        }
        for note in notes {
            for match in note.matches(of: placeholder) {
                #expect(allowed.contains(String(match.output[1].substring ?? "")))
            }
        }
    }

    // MARK: Candidates

    @Test func candidatesCoverWhatTheScreensNeedToShow() {
        let candidates = Array(sample.candidates)
        #expect(candidates.count >= 45)
        #expect(candidates.filter { $0.email == nil }.count == 2)
        #expect(candidates.filter(\.doNotEmail).count == 1)
        #expect(candidates.contains { $0.name == "Zoë Müller" } && candidates.contains { $0.name == "José Álvarez" })
        #expect(candidates.contains { $0.name.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
        #expect(candidates.contains { $0.name.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } })
        #expect(Set(candidates.map(\.source)) == ["LinkedIn", "Referral", "Career page", "Agency"])
        #expect(candidates.allSatisfy { $0.tags.count <= 3 && Set($0.tags).count == $0.tags.count })
        #expect(candidates.filter { !$0.followers.isEmpty }.count >= 5)
        #expect(candidates.filter { $0.placements.count == 2 }.count >= 2)
        #expect(candidates.contains { $0.placements.contains { $0.disqualification != nil } })
        #expect(candidates.filter { !$0.talentPools.isEmpty }.count >= 3)
        #expect(candidates.allSatisfy { $0.email?.allSatisfy(\.isASCII) ?? true })
    }

    @Test func everyJobHasCandidatesAndEarlyStagesAreFuller() {
        let workspace = sample
        for job in workspace.setup.jobs {
            let counts = job.pipeline.map { workspace.candidates(in: job.id, stage: $0.id).count }
            #expect(counts.reduce(0, +) >= 10, "\(job.id)")
            #expect(counts[0] > counts[counts.count - 1], "\(job.id)")
        }
    }

    @Test func everyCandidateSitsInExactlyOneStagePerJob() throws {
        let workspace = sample
        for candidate in workspace.candidates {
            #expect(Set(candidate.placements.map(\.job)).count == candidate.placements.count, "\(candidate.name)")
            for placement in candidate.placements {
                let job = try #require(workspace.job(placement.job))
                let index = try #require(job.stageIndex(placement.stage))
                #expect(placement.passedThrough == job.pipeline[..<index].map(\.id))
                #expect(placement.entry == index + 1)
            }
        }
    }

    @Test func timelinesAreShortOrderedAndInThePast() {
        let workspace = sample
        for candidate in workspace.candidates {
            let timeline = candidate.timeline
            #expect((3...8).contains(timeline.count), "\(candidate.name)")
            #expect(zip(timeline, timeline.dropFirst()).allSatisfy { $0.at <= $1.at }, "\(candidate.name)")
            #expect(timeline.allSatisfy { $0.at <= now }, "\(candidate.name)")
            for entry in timeline where entry.kind == .note || entry.kind == .evaluationRequested {
                #expect((entry.author == nil) == entry.automatic, "\(entry.text)")
            }
            for placement in candidate.placements {
                let age = now.timeIntervalSince(placement.enteredAt)
                #expect(age >= 3600 && age <= 21 * 86400, "\(candidate.name)")
            }
        }
        #expect(workspace.candidates.contains { $0.timeline.contains { $0.automatic && $0.kind == .note } })
        #expect(
            workspace.candidates.contains { $0.timeline.contains { $0.automatic && $0.kind == .evaluationRequested } })
        #expect(workspace.candidates.contains { $0.timeline.contains { $0.kind == .actionSkipped } })
    }

    @Test func everyDateIsAWholeNumberOfSecondsFromNow() {
        let workspace = sample
        var dates = workspace.candidates.flatMap { $0.timeline.map(\.at) + $0.placements.map(\.enteredAt) }
        dates += workspace.emails.flatMap { [$0.createdAt, $0.dueAt] }
        dates += workspace.tasks.map(\.due) + workspace.evaluationRequests.map(\.requestedAt)
        for date in dates {
            let offset = date.timeIntervalSince(now)
            #expect(abs(offset - offset.rounded()) < 0.001)
        }
    }

    @Test func scheduledEmailsWaitInTheFutureAndShowOnTheirTimeline() throws {
        let workspace = sample
        let scheduled = workspace.emails.filter { $0.status == .scheduled }
        #expect((1...2).contains(scheduled.count))
        for email in scheduled {
            #expect(email.dueAt > now)
            let candidate = try #require(workspace.candidates[email.candidate])
            #expect(candidate.timeline.contains { $0.email == email.id && $0.status == .scheduled })
        }
        for candidate in workspace.candidates {
            for entry in candidate.timeline where entry.kind == .email {
                let email = try #require(entry.email)
                #expect(entry.status == workspace.emails[email]?.status)
            }
        }
        #expect(workspace.emails.filter { $0.status == .sent }.allSatisfy { $0.dueAt <= now && $0.sentAt != nil })
        #expect(workspace.tasks.count >= 3 && workspace.tasks.contains(where: \.automatic))
        #expect(workspace.evaluationRequests.count >= 3)
    }

    @Test func everyReferenceResolves() {
        #expect(referenceProblems(in: sample) == [])
        #expect(referenceProblems(in: SampleWorkspace.make(now: now, currentLogin: "someone")) == [])
    }

    @Test func idsAreUniqueAndTheCounterIsAheadOfThem() {
        let workspace = sample
        let madeIDs =
            workspace.candidates.map(\.id.rawValue) + workspace.candidates.flatMap { $0.timeline.map(\.id.rawValue) }
            + workspace.tasks.map(\.id.rawValue) + workspace.evaluationRequests.map(\.id.rawValue)
            + workspace.emails.map(\.id.rawValue)
        #expect(Set(madeIDs).count == madeIDs.count)
        let highest = madeIDs.compactMap { $0.split(separator: "-").last.flatMap { Int($0) } }.max() ?? 0
        #expect(workspace.counter == highest)

        let setup = workspace.setup
        #expect(Set(setup.members.map(\.id)).count == setup.members.count)
        #expect(Set(setup.jobs.map(\.id)).count == setup.jobs.count)
        #expect(Set(setup.emailTemplates.map(\.id)).count == setup.emailTemplates.count)
        for pipeline in [setup.defaultPipeline] + setup.jobs.map(\.pipeline) {
            #expect(Set(pipeline.map(\.id)).count == pipeline.count)
        }
    }

    // MARK: Large workspaces

    struct LargeCounts: Sendable, CustomTestStringConvertible {
        var candidates: Int, jobs: Int, stages: Int, entries: Int
        var testDescription: String { "\(candidates) candidates, \(jobs) jobs × \(stages) stages, \(entries) entries" }
    }

    @Test(arguments: [
        LargeCounts(candidates: 500, jobs: 3, stages: 8, entries: 10),
        LargeCounts(candidates: 120, jobs: 9, stages: 11, entries: 14),
        LargeCounts(candidates: 40, jobs: 1, stages: 3, entries: 2),
        LargeCounts(candidates: 10, jobs: 2, stages: 2, entries: 0),
    ])
    func makeLargeGivesTheRequestedCounts(counts: LargeCounts) {
        let workspace = SampleWorkspace.makeLarge(
            candidates: counts.candidates, jobs: counts.jobs, stagesPerJob: counts.stages,
            timelineEntriesPerCandidate: counts.entries, now: now)
        #expect(workspace.candidates.count == counts.candidates)
        #expect(workspace.setup.jobs.count == counts.jobs)
        #expect(workspace.setup.jobs.allSatisfy { $0.pipeline.count == counts.stages })
        #expect(workspace.candidates.allSatisfy { $0.timeline.count == counts.entries })
        let actions = workspace.setup.defaultPipeline.flatMap(\.actions)
        #expect(Set(actions.map(\.kind)) == Set(AutomaticAction.Kind.allCases))
        #expect(workspace.setup.defaultPipeline.filter(\.hasActions).count >= min(4, counts.stages))
        for job in workspace.setup.jobs {
            #expect(workspace.candidates.contains { $0.placement(in: job.id) != nil })
        }
        #expect(referenceProblems(in: workspace) == [])
    }

    @Test func largeTimelinesReadLikeRealOnes() {
        let workspace = SampleWorkspace.makeLarge(candidates: 1000, now: now)
        let notes = workspace.candidates.flatMap { $0.timeline.filter { $0.kind == .note } }
        #expect(!notes.isEmpty && notes.allSatisfy { (40...100).contains($0.text.count) })
        for candidate in workspace.candidates {
            #expect(zip(candidate.timeline, candidate.timeline.dropFirst()).allSatisfy { $0.at <= $1.at })
            #expect(candidate.timeline.allSatisfy { $0.at <= now })
        }
        let stages = workspace.setup.defaultPipeline.map(\.id)
        let perStage = stages.map { stage in workspace.candidates.filter { $0.placements[0].stage == stage }.count }
        #expect(perStage[0] > perStage[perStage.count - 1])
        #expect(workspace.emails.contains { $0.status == .scheduled && $0.dueAt > now })
        #expect(!workspace.tasks.isEmpty && !workspace.evaluationRequests.isEmpty)
    }
}

/// Every id the workspace mentions that names nothing, as readable lines.
private func referenceProblems(in workspace: Workspace) -> [String] {
    var problems: [String] = []
    let setup = workspace.setup
    let members = Set(setup.members.map(\.id))
    let pools = Set(setup.talentPools.map(\.id))
    func member(_ id: MemberID?, _ place: String) {
        if let id, !members.contains(id) { problems.append("\(place): member \(id)") }
    }
    func check(_ actions: [AutomaticAction], _ place: String) {
        for action in actions {
            switch action {
            case .sendEmail(let send):
                if workspace.template(send.template) == nil { problems.append("\(place): template \(send.template)") }
                if case .member(let id) = send.sender { member(id, place) }
            case .addTask(let task): member(task.assignee, place)
            case .requestEvaluation(let request): for id in request.members { member(id, place) }
            case .addFollowers(let add): for id in add.members { member(id, place) }
            case .assign(let assign):
                if let job = assign.job, workspace.job(job) == nil { problems.append("\(place): job \(job)") }
                if let pool = assign.talentPool, !pools.contains(pool) { problems.append("\(place): pool \(pool)") }
            case .addNote, .addTags: break
            }
        }
    }

    for role in setup.members.map(\.role) where !setup.roles.contains(where: { $0.id == role }) {
        problems.append("role \(role)")
    }
    for stage in setup.defaultPipeline { check(stage.actions, "default/\(stage.id)") }
    for job in setup.jobs {
        for stage in job.pipeline { check(stage.actions, "\(job.id)/\(stage.id)") }
    }
    for reason in setup.disqualificationReasons { check(reason.actions, "reason \(reason.id)") }

    for candidate in workspace.candidates {
        let place = "candidate \(candidate.name)"
        for follower in candidate.followers { member(follower, place) }
        for pool in candidate.talentPools where !pools.contains(pool) { problems.append("\(place): pool \(pool)") }
        for placement in candidate.placements {
            guard let job = workspace.job(placement.job) else {
                problems.append("\(place): job \(placement.job)")
                continue
            }
            for stage in placement.passedThrough + [placement.stage] where job.stage(stage) == nil {
                problems.append("\(place): stage \(stage) of \(job.id)")
            }
            if let disqualification = placement.disqualification {
                if workspace.reason(disqualification.reason) == nil { problems.append("\(place): reason") }
                member(disqualification.by, place)
            }
        }
        for entry in candidate.timeline {
            member(entry.author, place)
            if let job = entry.job, workspace.job(job) == nil { problems.append("\(place): entry job \(job)") }
            if let email = entry.email, workspace.emails[email]?.candidate != candidate.id {
                problems.append("\(place): email \(email)")
            }
            if let task = entry.task, workspace.tasks[task]?.candidate != candidate.id {
                problems.append("\(place): task \(task)")
            }
        }
    }
    func inJob(_ candidate: CandidateID, _ job: JobID) -> Bool {
        workspace.candidates[candidate]?.placement(in: job) != nil
    }
    for task in workspace.tasks {
        member(task.assignee, "task \(task.id)")
        if workspace.candidates[task.candidate] == nil { problems.append("task \(task.id): candidate") }
        if let job = task.job, !inJob(task.candidate, job) { problems.append("task \(task.id): job \(job)") }
    }
    for request in workspace.evaluationRequests {
        member(request.member, "evaluation \(request.id)")
        if !inJob(request.candidate, request.job) { problems.append("evaluation \(request.id): candidate or job") }
    }
    let emailsOnTimelines = Set(workspace.candidates.flatMap { $0.timeline.compactMap(\.email) })
    for email in workspace.emails {
        member(email.sender, "email \(email.id)")
        if !inJob(email.candidate, email.job) { problems.append("email \(email.id): candidate or job") }
        if let stage = email.stage, workspace.job(email.job)?.stage(stage) == nil {
            problems.append("email \(email.id): stage \(stage)")
        }
        if workspace.template(email.template) == nil { problems.append("email \(email.id): template") }
        if !emailsOnTimelines.contains(email.id) {
            problems.append("email \(email.id): on no timeline")
        }
    }
    return problems
}
