import Foundation
import Testing
@testable import StagehandCore

/// Insights on a workspace whose every answer is worked out by hand: candidates
/// applied, moved, sent back, disqualified, reinstated and moved-then-undone through
/// the real rules at fixed days of November 2026, so the timelines are the ones the
/// engine writes.
///
/// Data Analyst: Applied → Screen (expected 2d) → Interview (expected 3bd) → Offer.
/// Period: 2026-11-01 to now, Wednesday 2026-11-25 09:00 UTC.
@Suite struct PipelineInsightsTests {
    static let now = TestWorkspace.date("2026-11-25T09:00:00Z")
    static let job: JobID = "job-data"
    static let applied: StageID = "d-applied"
    static let screen: StageID = "d-screen"
    static let interview: StageID = "d-interview"
    static let offer: StageID = "d-offer"
    static let withdrew: ReasonID = "withdrew"

    static func day(_ day: Int, month: Int = 11) -> Date {
        TestWorkspace.date(String(format: "2026-%02d-%02dT09:00:00Z", month, day))
    }

    static func workspace() throws -> Workspace {
        let setup = WorkspaceSetup(
            companyName: "Acme", members: [Member(id: "ada", login: "ada", name: "Ada", email: "ada@example.com", role: "admin")],
            jobs: [
                Job(
                    id: job, title: "Data Analyst",
                    pipeline: [
                        Stage(id: applied, name: "Applied"),
                        Stage(id: screen, name: "Screen", expected: RelativeDuration(2, .days)),
                        Stage(id: interview, name: "Interview", expected: RelativeDuration(3, .businessDays)),
                        Stage(id: offer, name: "Offer"),
                    ])
            ],
            disqualificationReasons: [DisqualificationReason(id: withdrew, name: "Withdrew")])
        var workspace = Workspace(setup: setup)
        func apply(_ name: String, on date: Date) throws -> CandidateID {
            try workspace.addCandidate(
                NewCandidate(name: name, email: nil, source: "career page"), to: job, origin: .application, by: "ada", now: date
            ).candidate
        }
        @discardableResult
        func move(_ id: CandidateID, to stage: StageID, on date: Date) throws -> MoveOutcome {
            try workspace.move(
                MoveRequest(candidates: [id], job: job, target: stage, mover: "ada"), choice: .withoutActions, grace: 0, now: date)
        }
        let ann = try apply("Ann", on: day(2))
        try move(ann, to: screen, on: day(4))
        try move(ann, to: interview, on: day(9))
        let ben = try apply("Ben", on: day(3))
        try move(ben, to: screen, on: day(4))
        try move(ben, to: applied, on: day(6))
        let cat = try apply("Cat", on: day(5))
        try move(cat, to: screen, on: day(8))
        try workspace.disqualify(cat, from: job, reason: withdrew, by: "ada", now: day(10))
        let dan = try apply("Dan", on: day(10))
        let taken = try move(dan, to: screen, on: day(20))
        try workspace.undo(#require(taken.undo), by: "ada", now: day(21))
        let eve = try apply("Eve", on: day(20, month: 10))
        try move(eve, to: screen, on: day(25, month: 10))
        try move(eve, to: interview, on: day(3))
        try move(eve, to: offer, on: day(6))
        _ = try apply("Fay", on: day(24))
        let gus = try apply("Gus", on: day(12))
        try workspace.disqualify(gus, from: job, reason: withdrew, by: "ada", now: day(13))
        try workspace.reinstate(gus, in: job, by: "ada", now: day(14))
        try move(gus, to: screen, on: day(16))
        return workspace
    }

    static func figures() throws -> [StageID: StageFigures] {
        let workspace = try workspace()
        let period = try InsightPeriod(since: "2026-11-01", now: now, calendar: workspace.setup.settings.calendar)
        let insights = workspace.insights(period: period, now: now)
        return Dictionary(uniqueKeysWithValues: try #require(insights.jobs.first).stages.map { ($0.stage, $0) })
    }

    @Test func appliedCountsEntriesOnceAndDropsUndoneAndReinstatedEndings() throws {
        let applied = try #require(try Self.figures()[Self.applied])
        #expect(applied.now == 3)  // Ben (sent back), Dan (his move undone), Fay
        #expect(applied.entered == 7)  // Ann, Ben twice, Cat, Dan, Fay, Gus — not Eve (October)
        #expect(applied.left == 4)  // Ann, Ben, Cat, Gus; not Gus's disqualification (reinstated), not Dan's undone move
        #expect(applied.movedOn == 4)
        #expect(applied.movedOnShare == 1)
        #expect(applied.stayDays == [1, 2, 3, 4])
        #expect(applied.medianDays == 2.5)
        #expect(applied.p90Days == 4)
        #expect(applied.overdue == 0)  // no expected time
    }

    @Test func screenSplitsEndingsIntoOnBackAndDisqualified() throws {
        let screen = try #require(try Self.figures()[Self.screen])
        #expect(screen.now == 1)  // Gus; Cat is disqualified
        #expect(screen.entered == 4)  // Ann, Ben, Cat, Gus; Dan's undone move and Eve's October entry do not count
        #expect(screen.left == 4)
        #expect(screen.movedOn == 2)  // Ann, Eve
        #expect(screen.movedBack == 1)  // Ben
        #expect(screen.disqualified == 1)  // Cat
        #expect(screen.movedOnShare == 0.5)
        #expect(screen.stayDays == [2, 2, 5, 9])  // Eve's October entry still gives her stay's length
        #expect(screen.medianDays == 3.5)
        #expect(screen.p90Days == 9)
        #expect(screen.overdue == 1)  // Gus, nine days into an expected two
    }

    @Test func laterStagesCountWhoIsThereAndWhoIsLate() throws {
        let figures = try Self.figures()
        let interview = try #require(figures[Self.interview])
        #expect(interview.now == 1)
        #expect(interview.entered == 2)
        #expect(interview.left == 1)
        #expect(interview.movedOnShare == 1)
        #expect(interview.medianDays == 3)
        #expect(interview.p90Days == 3)
        #expect(interview.overdue == 1)  // Ann since Monday the 9th: 3 business days ran out on the 12th
        let offer = try #require(figures[Self.offer])
        #expect(offer.now == 1)
        #expect(offer.entered == 1)
        #expect(offer.left == 0)
        #expect(offer.movedOnShare == nil)
        #expect(offer.medianDays == nil)
        #expect(offer.p90Days == nil)
    }

    @Test func automationOutcomesCountWhatHappenedInThePeriod() throws {
        var workspace = try Self.workspace()
        let ann = try #require(workspace.candidates.first { $0.name == "Ann" }).id
        func email(_ id: EmailID, _ status: EmailStatus, due: Date, sent: Date? = nil) -> OutgoingEmail {
            var email = OutgoingEmail(
                id: id, candidate: ann, job: Self.job, stage: Self.applied, template: "tpl", entry: 1, sender: nil, fromName: "",
                fromAddress: "", toName: "", toAddress: "", subject: "", body: "", createdAt: due, dueAt: due, status: status)
            email.sentAt = sent
            return email
        }
        for record in [
            email("e1", .sent, due: Self.day(10), sent: Self.day(10)), email("e2", .sent, due: Self.day(30, month: 10), sent: Self.day(30, month: 10)),
            email("e3", .failed, due: Self.day(11)), email("e4", .unknown, due: Self.day(12)), email("e5", .scheduled, due: Self.day(30)),
        ] {
            workspace.emails.upsert(record)
        }
        func entry(_ kind: ActivityKind, _ text: String, on date: Date, automatic: Bool = true) -> Activity {
            Activity(id: workspace.makeID("act"), at: date, kind: kind, author: nil, automatic: automatic, text: text, job: Self.job)
        }
        let entries = [
            entry(.actionSkipped, "Skipped: Email 'Thanks' from the mover, at once — no email address", on: Self.day(5)),
            entry(.actionSkipped, "Skipped: Email 'Thanks' from the mover, at once — no email address", on: Self.day(6)),
            entry(.actionSkipped, "Email 'Thanks' skipped: marked do not email", on: Self.day(7)),
            entry(.actionSkipped, "Skipped: Note 'Hello' — Ada lacks the permission for moving candidates", on: Self.day(7)),
            entry(.actionSkipped, "Skipped: Email 'Thanks' from the mover, at once — no email address", on: Self.day(7, month: 10)),
            entry(.task, "Task for Ada: Call", on: Self.day(7)), entry(.task, "Task for Ada: Call", on: Self.day(8)),
            entry(.task, "Task for Ada: Call", on: Self.day(1, month: 10)), entry(.task, "Task for Ada: by hand", on: Self.day(8), automatic: false),
        ]
        workspace.candidates.modify(ann) { $0.timeline += entries }
        func task(_ id: TaskID, due: Date, doneAt: Date? = nil, automatic: Bool = true) -> CandidateTask {
            CandidateTask(
                id: id, title: "Call", assignee: "ada", due: due, done: doneAt != nil, candidate: ann, job: Self.job, automatic: automatic,
                doneAt: doneAt)
        }
        for record in [
            task("t1", due: Self.day(9), doneAt: Self.day(8)), task("t2", due: Self.day(20)), task("t3", due: Self.day(1, month: 12)),
            task("t4", due: Self.day(20), automatic: false),
        ] {
            workspace.tasks.upsert(record)
        }
        for record in [
            EvaluationRequest(
                id: "ev1", member: "ada", candidate: ann, job: Self.job, status: .submitted, requestedAt: Self.day(9), automatic: true,
                submittedAt: Self.day(11)),
            EvaluationRequest(id: "ev2", member: "ada", candidate: ann, job: Self.job, requestedAt: Self.day(10), automatic: true),
            EvaluationRequest(
                id: "ev3", member: "ada", candidate: ann, job: Self.job, status: .submitted, requestedAt: Self.day(1, month: 10),
                automatic: true, submittedAt: Self.day(3, month: 10)),
        ] {
            workspace.evaluationRequests.upsert(record)
        }
        let period = try InsightPeriod(since: "2026-11-01", now: Self.now, calendar: workspace.setup.settings.calendar)
        let outcomes = try #require(workspace.insights(for: [Self.job], period: period, now: Self.now).jobs.first).automation
        #expect(outcomes.emailsSent == 1)
        #expect(outcomes.emailsFailed == 1)
        #expect(outcomes.emailsUnknown == 1)
        #expect(outcomes.emailsSkipped == ["no email address": 2, "marked do not email": 1])
        #expect(outcomes.tasksCreated == 2)
        #expect(outcomes.tasksDone == 1)
        #expect(outcomes.tasksOverdue == 1)
        #expect(outcomes.evaluationsRequested == 2)
        #expect(outcomes.evaluationsAnswered == 1)
    }

    @Test func aStageRenamedSinceCountsTheMovesThatNameItsNewNameOnly() throws {
        var workspace = try Self.workspace()
        try workspace.renameStage(Self.screen, in: .job(Self.job), to: "Phone screen", by: "ada")
        let period = try InsightPeriod(since: "2026-11-01", now: Self.now, calendar: workspace.setup.settings.calendar)
        let screen = try #require(workspace.insights(period: period, now: Self.now).jobs.first?.stages[1])
        // Every move into or out of "Screen" names the old name: only the stays the
        // placements still hold are known, Gus's and Cat's.
        #expect(screen.entered == 2)
        #expect(screen.left == 1)  // Cat's disqualification, which her placement still carries
        #expect(screen.now == 1)
    }

    @Test func businessDaysSkipTheWeekend() {
        let calendar = Settings().calendar
        let friday = TestWorkspace.date("2026-11-20T09:00:00Z")
        let stage = Stage(id: "s", name: "Screen", expected: RelativeDuration(2, .businessDays))
        let monday = TestWorkspace.date("2026-11-23T10:00:00Z")
        #expect(!stage.age(enteredAt: friday, now: monday, calendar: calendar).isOverdue)  // two calendar days would be
        #expect(stage.age(enteredAt: friday, now: TestWorkspace.date("2026-11-24T09:01:00Z"), calendar: calendar).isOverdue)
        #expect(StageAge.businessDays(from: friday, to: monday, calendar: calendar) == 1)
        #expect(StageAge.businessDays(from: friday, to: TestWorkspace.date("2026-12-21T09:00:00Z"), calendar: calendar) == 21)
        #expect(!Stage(id: "t", name: "Offer").age(enteredAt: friday, now: monday, calendar: calendar).isOverdue)
    }

    @Test func theSinceOptionTakesADayOrASpanAndRefusesTheRest() throws {
        let calendar = Settings().calendar
        #expect(try InsightPeriod(since: "2026-11-01", now: Self.now, calendar: calendar).start == TestWorkspace.date("2026-11-01T00:00:00Z"))
        #expect(try InsightPeriod(since: "30d", now: Self.now, calendar: calendar).start == TestWorkspace.date("2026-10-26T09:00:00Z"))
        #expect(try InsightPeriod(since: "2bd", now: Self.now, calendar: calendar).start == TestWorkspace.date("2026-11-23T09:00:00Z"))
        #expect(throws: StagehandError.self) { try InsightPeriod(since: "2026-13-01", now: Self.now, calendar: calendar) }
        #expect(throws: StagehandError.self) { try InsightPeriod(since: "2027-01-01", now: Self.now, calendar: calendar) }
        #expect(throws: StagehandError.self) { try InsightPeriod(since: "yesterday", now: Self.now, calendar: calendar) }
    }
}
