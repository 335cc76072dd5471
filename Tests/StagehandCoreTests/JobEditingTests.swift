import Foundation
import Testing
@testable import StagehandCore

/// Spec §1: a job gets its own copy of the default pipeline when it is created;
/// editing the template afterwards reaches only jobs created later, and a job's own
/// edits never reach the template. Jobs are renamed, closed and reopened under the
/// same permissions as automations.
@Suite struct JobEditingTests {
    typealias T = TestWorkspace

    static let tagShortlist = AutomaticAction.addTags(.init(tags: ["shortlist"]))

    @Test func aNewJobIsOpenWithACopyOfTheDefaultPipeline() throws {
        var ws = T.make()
        let id = try ws.createJob(title: "  Data Engineer\n", by: T.ada)
        let job = try #require(ws.job(id))
        #expect(job.title == "Data Engineer")
        #expect(job.status == .open)
        #expect(job.pipeline == T.make().setup.defaultPipeline)
        #expect(job.pipeline.first?.actions == [T.sendThanks], "the actions come with the stages")
        #expect(ws.setup.jobs.map(\.id) == [T.backend, T.platform, T.closedJob, id])
        #expect(try ws.findJob("data").id == id)
    }

    @Test func laterEditsOfTheTemplateDoNotReachAJobCreatedBefore() throws {
        var ws = T.make()
        let earlier = try ws.createJob(title: "Data Engineer", by: T.ada)
        let copy = try #require(ws.job(earlier)?.pipeline)

        try ws.addAction(Self.tagShortlist, to: .stage(.defaultTemplate, "interview"), by: T.ada)
        try ws.removeAction(at: 0, of: .stage(.defaultTemplate, "applied"), by: T.ada)
        try ws.renameStage("hired", in: .defaultTemplate, to: "Signed", by: T.ada)
        let offer = try ws.addStage(named: "Offer", to: .defaultTemplate, at: 2, by: T.ada)
        try ws.removeStage("applied", from: .defaultTemplate, movingCandidatesTo: nil, by: T.ada, now: T.now)
        let later = try ws.createJob(title: "ML Engineer", by: T.ada)

        #expect(ws.job(earlier)?.pipeline == copy)
        let expected = [
            Stage(id: "interview", name: "Interview", actions: [Self.tagShortlist]),
            Stage(id: offer, name: "Offer"),
            Stage(id: "hired", name: "Signed"),
        ]
        #expect(ws.setup.defaultPipeline == expected)
        #expect(ws.job(later)?.pipeline == expected)
    }

    @Test func aJobsOwnEditsDoNotReachTheTemplateOrJobsCreatedLater() throws {
        var ws = T.make()
        let first = try ws.createJob(title: "Data Engineer", by: T.ada)
        try ws.renameStage("interview", in: .job(first), to: "Tech interview", by: T.ada)
        try ws.addStage(named: "Take-home", to: .job(first), at: 1, by: T.ada)
        try ws.addAction(Self.tagShortlist, to: .stage(.job(first), "hired"), by: T.ada)
        let second = try ws.createJob(title: "ML Engineer", by: T.ada)

        #expect(ws.setup.defaultPipeline == T.make().setup.defaultPipeline)
        #expect(ws.job(second)?.pipeline == T.make().setup.defaultPipeline)
        #expect(ws.job(first)?.pipeline.map(\.name) == ["Applied", "Take-home", "Tech interview", "Hired"])
    }

    @Test func aNewJobTakesApplicantsIntoItsFirstStageAndRunsItsActions() throws {
        var ws = T.make()
        let id = try ws.createJob(title: "Data Engineer", by: T.ada)
        let arrival = try ws.addCandidate(
            NewCandidate(name: "Gia Rossi", email: "gia@example.com", source: "career page"), to: id, origin: .application,
            by: nil, now: T.now)
        ws.advanceRuns(now: T.now)
        #expect(ws.placement(of: arrival.candidate, in: id)?.stage == "applied")
        #expect(ws.emails(of: arrival.candidate).map(\.template) == [T.thanks])
    }

    @Test("A job's title is needed and unique, ignoring case and accents", arguments: [
        (" ", T.backend, "A job needs a title."),
        ("backend engineer", T.platform, "There is already a job called Backend Engineer: choose another title."),
        ("  OFFICE MANAGER ", T.backend, "There is already a job called Office Manager: choose another title."),
        ("Plätform Engineer", T.backend, "There is already a job called Platform Engineer: choose another title."),
    ])
    func titlesAreChecked(title: String, renaming other: JobID, refusal: String) {
        var ws = T.make()
        let before = ws
        #expect(throws: StagehandError.invalidAction(refusal)) { try ws.createJob(title: title, by: T.ada) }
        #expect(throws: StagehandError.invalidAction(refusal)) { try ws.renameJob(other, to: title, by: T.ada) }
        #expect(ws == before)
    }

    @Test func aJobCannotBeCreatedFromAnEmptyTemplate() {
        var ws = T.make()
        ws.setup.defaultPipeline = []
        let before = ws
        #expect(throws: StagehandError.invalidAction("The default pipeline has no stages: add one before creating a job.")) {
            try ws.createJob(title: "Data Engineer", by: T.ada)
        }
        #expect(ws == before)
    }

    @Test func renamingKeepsTheJobsPipelineAndCandidates() throws {
        var ws = T.make()
        try ws.renameJob(T.backend, to: " Backend Developer ", by: T.ada)
        #expect(ws.job(T.backend)?.title == "Backend Developer")
        #expect(ws.job(T.backend)?.pipeline == T.make().job(T.backend)?.pipeline)
        #expect(ws.candidates(in: T.backend, stage: T.applied).count == 4)
        #expect(ws.ownerName(.stage(.job(T.backend), T.interview)) == "Interview (Backend Developer)")
        try ws.renameJob(T.backend, to: "backend developer", by: T.ada)
        #expect(ws.job(T.backend)?.title == "backend developer", "its own title in another case is not a clash")
    }

    @Test func renamingAJobThatIsNotThereIsRefused() {
        var ws = T.make()
        let before = ws
        #expect(throws: StagehandError.notFound(kind: "job", name: "job-nope")) {
            try ws.renameJob("job-nope", to: "Anything", by: T.ada)
        }
        #expect(throws: StagehandError.notFound(kind: "job", name: "job-nope")) {
            try ws.setStatus(of: "job-nope", to: .closed, by: T.ada)
        }
        #expect(ws == before)
    }

    @Test func aClosedJobTakesNoApplicantsButKeepsItsBoard() throws {
        var ws = T.make()
        try ws.setStatus(of: T.backend, to: .closed, by: T.ada)
        #expect(ws.job(T.backend)?.status == .closed)
        #expect(ws.candidates(in: T.backend, stage: T.applied).count == 4)
        let before = ws
        #expect(throws: StagehandError.jobClosed("Backend Engineer")) {
            try ws.addCandidate(
                NewCandidate(name: "Gia Rossi", email: "gia@example.com", source: "career page"), to: T.backend,
                origin: .application, by: T.rita, now: T.now)
        }
        #expect(ws == before)
    }

    @Test func aReopenedJobTakesApplicantsAgain() throws {
        var ws = T.make()
        try ws.setStatus(of: T.closedJob, to: .open, by: T.ada)
        #expect(ws.job(T.closedJob)?.status == .open)
        let arrival = try ws.addCandidate(
            NewCandidate(name: "Gia Rossi", email: "gia@example.com", source: "career page"), to: T.closedJob,
            origin: .application, by: T.rita, now: T.now)
        #expect(ws.placement(of: arrival.candidate, in: T.closedJob)?.stage == "o-applied")
    }

    @Test func aJobMovesToAnotherPlaceInTheJobOrderKeepingItsPipelineAndCandidates() throws {
        var ws = T.make()
        let pipeline = ws.job(T.closedJob)?.pipeline
        let said = try ws.apply(.moveJob(T.closedJob, to: 0), by: T.ada, now: T.now)
        #expect(ws.setup.jobs.map(\.id) == [T.closedJob, T.backend, T.platform])
        #expect(said.hasSuffix("is now job 1 of 3"))
        #expect(said.hasPrefix(ws.job(T.closedJob)?.title ?? "?"))
        #expect(ws.job(T.closedJob)?.pipeline == pipeline)
        try ws.moveJob(T.closedJob, to: 2, by: T.ada)
        #expect(ws.setup.jobs.map(\.id) == [T.backend, T.platform, T.closedJob])
        #expect(ws.candidates(in: T.backend, stage: T.applied).count == 4)
        let unchanged = ws
        let again = try ws.apply(.moveJob(T.closedJob, to: 2), by: T.ada, now: T.now)
        #expect(ws == unchanged && again.hasSuffix("is now job 3 of 3"), "to where it is: nothing changes, as for a stage")
    }

    @Test func aJobCannotMoveToAPlaceThatIsNotThere() {
        var ws = T.make()
        let before = ws
        #expect(throws: StagehandError.invalidAction("There are 3 jobs; there is no position 4: use 1–3.")) {
            try ws.moveJob(T.backend, to: 3, by: T.ada)
        }
        #expect(throws: StagehandError.invalidAction("There are 3 jobs; there is no position 0: use 1–3.")) {
            try ws.moveJob(T.backend, to: -1, by: T.ada)
        }
        #expect(throws: StagehandError.notFound(kind: "job", name: "job-nope")) {
            try ws.moveJob("job-nope", to: 0, by: T.ada)
        }

        #expect(ws == before)
    }

    static let refusals: [(MemberID, String, [Permission])] = [
        (T.rita, "Rita Recruiter", [.manageAutomations]),
        (T.hugo, "Hugo Hiring", [.manageAutomations, .editJobs]),
    ]

    @Test("Creating, renaming, reordering, closing and reopening jobs need both permissions", arguments: refusals)
    func jobChangesNeedBothPermissions(member: MemberID, name: String, missing: [Permission]) {
        var ws = T.make()
        let before = ws
        func refusal(_ doing: String) -> StagehandError { .missingPermission(member: name, missing: missing, doing: doing) }
        #expect(throws: refusal("create jobs")) { try ws.createJob(title: "Data Engineer", by: member) }
        #expect(throws: refusal("change jobs")) { try ws.renameJob(T.backend, to: "Backend Developer", by: member) }
        #expect(throws: refusal("close jobs")) { try ws.setStatus(of: T.backend, to: .closed, by: member) }
        #expect(throws: refusal("reopen jobs")) { try ws.setStatus(of: T.closedJob, to: .open, by: member) }
        #expect(throws: refusal("reorder jobs")) { try ws.moveJob(T.closedJob, to: 0, by: member) }
        #expect(ws == before)
    }
}

@Suite struct JobStatusTests {
    @Test func closingAClosedJobSaysSoAndChangesNothing() throws {
        var ws = TestWorkspace.make()
        let before = ws
        #expect(throws: StagehandError.invalidAction("The job Office Manager is already closed: nothing to do.")) {
            try ws.setStatus(of: TestWorkspace.closedJob, to: .closed, by: TestWorkspace.ada)
        }
        #expect(ws == before)
    }
}
