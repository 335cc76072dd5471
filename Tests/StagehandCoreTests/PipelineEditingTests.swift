import Foundation
import Testing
@testable import StagehandCore

/// Spec §1 and §5: a job's pipeline and the default template are edited on their
/// own — stages added, renamed, reordered and removed — under the same permissions
/// as automations. Candidates of a removed stage go where the user says, without
/// running that stage's actions, and whatever was pending for them is cancelled.
@Suite struct PipelineEditingTests {
    typealias T = TestWorkspace

    static let backend = PipelineRef.job(T.backend)

    func names(_ ws: Workspace, _ ref: PipelineRef = backend) -> [String] { ws.pipeline(ref)?.map(\.name) ?? [] }

    // MARK: Adding

    @Test func aNewStageGoesAtTheEndWithoutActions() throws {
        var ws = T.make()
        let id = try ws.addStage(named: "  Reference check ", to: Self.backend, by: T.ada)
        #expect(names(ws) == ["Applied", "Phone screen", "Interview", "Offer", "Hired", "Reference check"])
        #expect(ws.job(T.backend)?.stage(id) == Stage(id: id, name: "Reference check"))
        #expect(ws.pipeline(.job(T.platform)) == T.make().pipeline(.job(T.platform)), "other jobs keep their pipeline")
        #expect(ws.setup.defaultPipeline == T.make().setup.defaultPipeline)
    }

    @Test func aNewStageCanGoAtAPosition() throws {
        var ws = T.make()
        try ws.addStage(named: "Take-home", to: Self.backend, at: 2, by: T.ada)
        try ws.addStage(named: "Sourced", to: Self.backend, at: 0, by: T.ada)
        try ws.addStage(named: "Archived", to: Self.backend, at: 99, by: T.ada)
        #expect(names(ws) == ["Sourced", "Applied", "Phone screen", "Take-home", "Interview", "Offer", "Hired", "Archived"])
    }

    @Test func theDefaultPipelineIsEditedLikeAJobs() throws {
        var ws = T.make()
        try ws.addStage(named: "Offer", to: .defaultTemplate, at: 2, by: T.ada)
        #expect(names(ws, .defaultTemplate) == ["Applied", "Interview", "Offer", "Hired"])
        #expect(names(ws) == ["Applied", "Phone screen", "Interview", "Offer", "Hired"])
    }

    @Test("Stage names are unique within a pipeline, ignoring case and accents", arguments: [
        (backend, "phone SCREEN", "Backend Engineer already has a stage called Phone screen: choose another name."),
        (backend, " Óffer ", "Backend Engineer already has a stage called Offer: choose another name."),
        (PipelineRef.defaultTemplate, "applied", "The default pipeline already has a stage called Applied: choose another name."),
        (backend, " \n", "A stage needs a name."),
    ])
    func stageNamesAreChecked(ref: PipelineRef, name: String, refusal: String) {
        var ws = T.make()
        let before = ws
        #expect(throws: StagehandError.invalidAction(refusal)) { try ws.addStage(named: name, to: ref, by: T.ada) }
        #expect(throws: StagehandError.invalidAction(refusal)) {
            try ws.renameStage(T.hired, in: ref, to: name, by: T.ada)
        }
        #expect(ws == before)
    }

    @Test func aJobTitleStartingASentenceKeepsItsCase() throws {
        var ws = T.make()
        let job = try ws.createJob(title: "iOS Engineer", by: T.ada)
        #expect(throws: StagehandError.invalidAction("iOS Engineer already has a stage called Applied: choose another name.")) {
            try ws.addStage(named: "applied", to: .job(job), by: T.ada)
        }
        #expect(throws: StagehandError.invalidAction("iOS Engineer has 3 stages; there is no position 4.")) {
            try ws.moveStage("applied", in: .job(job), to: 3, by: T.ada)
        }
    }

    @Test func theSameNameIsFineInAnotherPipeline() throws {
        var ws = T.make()
        try ws.addStage(named: "Phone screen", to: .job(T.platform), at: 1, by: T.ada)
        #expect(names(ws, .job(T.platform)) == ["Applied", "Phone screen", "Interview", "Hired"])
    }

    @Test func aPipelineThatDoesNotExistIsNamed() {
        var ws = T.make()
        let before = ws
        #expect(throws: StagehandError.notFound(kind: "pipeline", name: "job-nope")) {
            try ws.addStage(named: "Extra", to: .job("job-nope"), by: T.ada)
        }
        #expect(throws: StagehandError.notFound(kind: "pipeline", name: "job-nope")) {
            try ws.removeStage("applied", from: .job("job-nope"), movingCandidatesTo: nil, by: T.ada, now: T.now)
        }
        #expect(ws == before)
    }

    // MARK: Renaming

    @Test func renamingKeepsTheStageItsActionsAndItsCandidates() throws {
        var ws = T.make()
        try ws.renameStage(T.applied, in: Self.backend, to: " New applicants ", by: T.ada)
        let stage = try #require(ws.job(T.backend)?.stage(T.applied))
        #expect(stage.name == "New applicants")
        #expect(stage.actions == [T.sendThanks, T.tagApplicant])
        #expect(ws.candidates(in: T.backend, stage: T.applied).map(\.id) == [T.alice, T.bruno, T.chloe, T.dan])
        #expect(ws.job(T.platform)?.stage(T.platformApplied)?.name == "Applied")
        #expect(ws.setup.defaultPipeline.first?.name == "Applied")
    }

    @Test func aStageMayBeRenamedToItsOwnNameInAnotherCase() throws {
        var ws = T.make()
        try ws.renameStage(T.screen, in: Self.backend, to: "Phone Screen", by: T.ada)
        #expect(ws.job(T.backend)?.stage(T.screen)?.name == "Phone Screen")
    }

    @Test func renamingAStageThatIsNotThereIsRefused() {
        var ws = T.make()
        let before = ws
        #expect(throws: StagehandError.notFound(kind: "stage of Backend Engineer", name: "nowhere")) {
            try ws.renameStage("nowhere", in: Self.backend, to: "Somewhere", by: T.ada)
        }
        #expect(ws == before)
    }

    // MARK: Reordering

    @Test func movingAStageReordersThePipelineAndLeavesCandidatesWhereTheyAre() throws {
        var ws = T.make()
        try ws.moveStage(T.offer, in: Self.backend, to: 1, by: T.ada)
        #expect(names(ws) == ["Applied", "Offer", "Phone screen", "Interview", "Hired"])
        try ws.moveStage(T.applied, in: Self.backend, to: 4, by: T.ada)
        #expect(names(ws) == ["Offer", "Phone screen", "Interview", "Hired", "Applied"])
        #expect(ws.candidates(in: T.backend, stage: T.applied).count == 4)
        #expect(ws.candidates == T.make().candidates)
    }

    @Test("A position outside the pipeline is refused", arguments: [5, -1])
    func movingOutsideThePipeline(position: Int) {
        var ws = T.make()
        let before = ws
        #expect(throws: StagehandError.invalidAction("Backend Engineer has 5 stages; there is no position \(position + 1).")) {
            try ws.moveStage(T.offer, in: Self.backend, to: position, by: T.ada)
        }
        #expect(throws: StagehandError.invalidAction("The default pipeline has 3 stages; there is no position \(position + 1).")) {
            try ws.moveStage("hired", in: .defaultTemplate, to: position, by: T.ada)
        }
        #expect(throws: StagehandError.notFound(kind: "stage of Backend Engineer", name: "nowhere")) {
            try ws.moveStage("nowhere", in: Self.backend, to: 0, by: T.ada)
        }
        #expect(ws == before)
    }

    // MARK: Removing

    @Test func anEmptyStageIsRemovedWithoutAskingWhereCandidatesGo() throws {
        var ws = T.make()
        #expect(try ws.removeStage(T.offer, from: Self.backend, movingCandidatesTo: nil, by: T.ada, now: T.now) == 0)
        #expect(names(ws) == ["Applied", "Phone screen", "Interview", "Hired"])
        #expect(ws.candidates == T.make().candidates)
        #expect(try ws.removeStage("interview", from: .defaultTemplate, movingCandidatesTo: nil, by: T.ada, now: T.now) == 0)
        #expect(names(ws, .defaultTemplate) == ["Applied", "Hired"])
    }

    @Test func candidatesOfARemovedStageMoveWhereTheUserSaysWithoutRunningItsActions() throws {
        var ws = T.make()
        let later = T.now.addingTimeInterval(600)
        let runsBefore = ws.actionRuns.count
        let moved = try ws.removeStage(T.applied, from: Self.backend, movingCandidatesTo: T.screen, by: T.ada, now: later)

        #expect(moved == 4)
        #expect(names(ws) == ["Phone screen", "Interview", "Offer", "Hired"])
        #expect(ws.candidates(in: T.backend, stage: T.screen).map(\.id) == [T.alice, T.bruno, T.chloe, T.dan])
        #expect(ws.actionRuns.count == runsBefore, "Phone screen's note, task and follower did not run")
        #expect(ws.tasks.isEmpty)
        #expect(ws.candidates[T.alice]?.followers == [])

        let placement = try #require(ws.placement(of: T.alice))
        #expect(placement.enteredAt == later, "time in stage counts from the move")
        #expect(placement.entry == 2)
        let entry = try #require(ws.timeline(of: T.alice, .moved).last)
        #expect(entry.text == "Moved from Applied to Phone screen (Applied was removed; no actions ran)")
        #expect(entry.author == T.ada)
        #expect(!entry.automatic)
        #expect(entry.at == later)
        #expect(entry.job == T.backend)
        #expect(ws.placement(of: T.eve, in: T.platform)?.stage == T.platformApplied, "another job's Applied is another stage")
    }

    @Test func whatWasStillPendingForThemIsCancelled() throws {
        var ws = T.make()
        try ws.moveTo(T.interview, T.alice)
        ws.advanceRuns(now: T.now)
        #expect(ws.emails(of: T.alice).map(\.status) == [.scheduled, .scheduled])
        try ws.moveTo(T.interview, T.bruno, grace: 3)

        let later = T.now.addingTimeInterval(60)
        try ws.removeStage(T.interview, from: Self.backend, movingCandidatesTo: T.offer, by: T.ada, now: later)

        #expect(ws.emails(of: T.alice).map(\.status) == [.cancelled, .cancelled], "the invitation and the reminder")
        #expect(ws.timeline(of: T.alice, .email).map(\.status) == [.cancelled, .cancelled])
        let cancelled = try #require(ws.timeline(of: T.alice, .actionsCancelled).last)
        #expect(cancelled.text.hasPrefix("Cancelled before it ran: "))
        #expect(cancelled.at == later)

        let bruno = try #require(ws.runs(of: T.bruno).first)
        #expect(bruno.steps.map(\.state) == [.cancelled, .cancelled, .cancelled], "a run still in its grace period")
        ws.advanceRuns(now: T.now.addingTimeInterval(3600))
        #expect(ws.emails(of: T.bruno).isEmpty)
        #expect(ws.evaluationRequests.filter { $0.candidate == T.bruno }.isEmpty)
        #expect(ws.placement(of: T.bruno)?.stage == T.offer)
        #expect(ws.runs(of: T.bruno).count == 1, "Offer's actions did not run")
    }

    @Test func disqualifiedCandidatesMoveWithTheOthersAndStayDisqualified() throws {
        var ws = T.make()
        try ws.disqualify(T.dan, from: T.backend, reason: T.withdrew, by: T.rita, now: T.now)
        try ws.removeStage(T.applied, from: Self.backend, movingCandidatesTo: T.hired, by: T.ada, now: T.now)
        #expect(ws.placement(of: T.dan)?.stage == T.hired)
        #expect(ws.placement(of: T.dan)?.disqualification?.reason == T.withdrew)
    }

    @Test func occupantsAreTheCardsInTheStageOfThatJob() {
        let ws = T.make()
        #expect(ws.occupants(of: T.applied, in: Self.backend).sorted() == [T.alice, T.bruno, T.chloe, T.dan])
        #expect(ws.occupants(of: T.platformApplied, in: .job(T.platform)) == [T.eve])
        #expect(ws.occupants(of: "applied", in: .defaultTemplate) == [], "the template has no candidates")
    }

    @Test("An occupied stage needs somewhere else in the same pipeline for its candidates", arguments: [
        (backend, T.applied, nil, "4 candidates are still in Applied: say which stage they go to."),
        (PipelineRef.job(T.platform), T.platformApplied, nil, "1 candidate is still in Applied: say which stage they go to."),
        (backend, T.applied, T.applied, "Candidates of a removed stage must go to another stage of Backend Engineer."),
        (backend, T.applied, T.platformInterview, "Candidates of a removed stage must go to another stage of Backend Engineer."),
    ] as [(PipelineRef, StageID, StageID?, String)])
    func occupiedStages(ref: PipelineRef, stage: StageID, destination: StageID?, refusal: String) {
        var ws = T.make()
        let before = ws
        #expect(throws: StagehandError.invalidAction(refusal)) {
            try ws.removeStage(stage, from: ref, movingCandidatesTo: destination, by: T.ada, now: T.now)
        }
        #expect(ws == before)
    }

    @Test func theLastStageCannotBeRemoved() throws {
        var ws = T.make()
        let before = ws
        #expect(throws: StagehandError.invalidAction("Applied is the only stage of Office Manager: a pipeline needs at least one.")) {
            try ws.removeStage("o-applied", from: .job(T.closedJob), movingCandidatesTo: nil, by: T.ada, now: T.now)
        }
        #expect(ws == before)

        try ws.removeStage("applied", from: .defaultTemplate, movingCandidatesTo: nil, by: T.ada, now: T.now)
        try ws.removeStage("interview", from: .defaultTemplate, movingCandidatesTo: nil, by: T.ada, now: T.now)
        let one = ws
        #expect(throws: StagehandError.invalidAction("Hired is the only stage of the default pipeline: a pipeline needs at least one.")) {
            try ws.removeStage("hired", from: .defaultTemplate, movingCandidatesTo: nil, by: T.ada, now: T.now)
        }
        #expect(ws == one)
        #expect(throws: StagehandError.notFound(kind: "stage of Backend Engineer", name: "nowhere")) {
            try ws.removeStage("nowhere", from: Self.backend, movingCandidatesTo: nil, by: T.ada, now: T.now)
        }
    }

    @Test func aNewFirstStageIsWhereApplicantsArriveAndItsActionsRun() throws {
        var ws = T.make()
        let sourced = try ws.addStage(named: "Sourced", to: Self.backend, at: 0, by: T.ada)
        try ws.addAction(.addTags(.init(tags: ["sourced"])), to: .stage(Self.backend, sourced), by: T.ada)
        let arrival = try ws.addCandidate(
            NewCandidate(name: "Gia Rossi", email: "gia@example.com", source: "referral"), to: T.backend, origin: .referral,
            by: T.rita, now: T.now)
        ws.advanceRuns(now: T.now)
        #expect(ws.placement(of: arrival.candidate)?.stage == sourced)
        #expect(ws.candidates[arrival.candidate]?.tags == ["sourced"])
    }

    // MARK: Permissions

    static let refusals: [(MemberID, String, [Permission])] = [
        (T.rita, "Rita Recruiter", [.manageAutomations]),
        (T.hugo, "Hugo Hiring", [.manageAutomations, .editJobs]),
    ]

    @Test("Changing a pipeline needs both permissions and changes nothing when refused", arguments: refusals)
    func pipelineChangesNeedBothPermissions(member: MemberID, name: String, missing: [Permission]) {
        var ws = T.make()
        let before = ws
        let refusal = StagehandError.missingPermission(member: name, missing: missing, doing: "change pipelines")
        for ref in [Self.backend, .defaultTemplate] {
            #expect(throws: refusal) { try ws.addStage(named: "Extra", to: ref, by: member) }
            #expect(throws: refusal) { try ws.renameStage(T.applied, in: ref, to: "New", by: member) }
            #expect(throws: refusal) { try ws.moveStage(T.hired, in: ref, to: 0, by: member) }
            #expect(throws: refusal) {
                try ws.removeStage(T.applied, from: ref, movingCandidatesTo: T.hired, by: member, now: T.now)
            }
        }
        #expect(ws == before)
    }
}
