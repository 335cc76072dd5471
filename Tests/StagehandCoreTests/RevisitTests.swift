import Foundation
import Testing
@testable import StagehandCore

/// Spec §3.2: moving back to a stage already passed through asks first: run the
/// actions again, move without actions, or cancel the move.
@Suite struct RevisitTests {
    typealias T = TestWorkspace

    /// Alice: Applied → Phone screen → Interview, all actions done.
    func aliceAtInterview() throws -> Workspace {
        var ws = T.make()
        try ws.moveTo(T.screen, T.alice, now: T.now)
        ws.advanceRuns(now: T.now)
        try ws.moveTo(T.interview, T.alice, now: T.now.addingTimeInterval(60))
        ws.advanceRuns(now: T.now.addingTimeInterval(60))
        return ws
    }

    @Test func movingBackToAStagePassedThroughNeedsAChoice() throws {
        let ws = try aliceAtInterview()
        let plan = try ws.planTo(T.screen, T.alice)
        #expect(plan.moves[0].isRevisit)
        #expect(plan.needsRevisitChoice)
        #expect(plan.needsChoice)
        #expect(!plan.isBulk)
        #expect(plan.actions == [T.screenNote, T.screenTask, T.ritaFollows])
    }

    @Test func withoutAChoiceTheMoveIsRefusedAndNothingChanges() throws {
        var ws = try aliceAtInterview()
        let before = ws
        #expect(throws: StagehandError.revisitNeedsChoice(stage: "Phone screen", candidates: ["Alice Martin"])) {
            try ws.moveTo(T.screen, T.alice)
        }
        #expect(ws == before, "cancelling the move leaves everything as it was")
    }

    @Test func runActionsAgainRunsThemAgain() throws {
        var ws = try aliceAtInterview()
        let later = T.now.addingTimeInterval(3600)
        let outcome = try ws.moveTo(T.screen, T.alice, choice: .runActions, now: later)
        #expect(outcome.ranActions)
        #expect(outcome.runs.count == 1)
        ws.advanceRuns(now: later)
        #expect(ws.timeline(of: T.alice, .note).count == 2)
        #expect(ws.tasks.filter { $0.candidate == T.alice }.count == 2)
        #expect(ws.placement(of: T.alice)?.entry == 4)
        #expect(ws.placement(of: T.alice)?.passedThrough == [T.applied, T.screen, T.interview])
    }

    @Test func moveWithoutActionsMovesAndRunsNothing() throws {
        var ws = try aliceAtInterview()
        let runsBefore = ws.actionRuns.count
        let outcome = try ws.moveTo(T.screen, T.alice, choice: .withoutActions)
        #expect(!outcome.ranActions)
        #expect(outcome.runs.isEmpty)
        #expect(ws.actionRuns.count == runsBefore)
        #expect(ws.placement(of: T.alice)?.stage == T.screen)
        #expect(ws.timeline(of: T.alice, .moved).last?.text == "Moved from Interview to Phone screen (without actions)")
        #expect(ws.timeline(of: T.alice, .note).count == 1)
    }

    @Test func revisitingAStageWithNoActionsAsksNothing() throws {
        var ws = T.make()
        try ws.moveTo(T.platformInterview, T.eve, job: T.platform)
        try ws.moveTo(T.platformHired, T.eve, job: T.platform, grace: 60)
        let plan = try ws.planTo(T.platformInterview, T.eve, job: T.platform)
        #expect(plan.moves[0].isRevisit)
        #expect(!plan.needsChoice)
        try ws.moveTo(T.platformInterview, T.eve, job: T.platform)
        #expect(ws.placement(of: T.eve, in: T.platform)?.stage == T.platformInterview)
    }

    @Test func aStageSkippedOnTheWayIsNoRevisit() throws {
        var ws = T.make()
        try ws.moveTo(T.offer, T.alice, grace: 60)
        let plan = try ws.planTo(T.interview, T.alice)
        #expect(!plan.moves[0].isRevisit, "Alice never was in Interview")
        #expect(!plan.needsChoice)
    }

    @Test func goingBackToTheFirstStageIsARevisit() throws {
        var ws = T.make()
        try ws.moveTo(T.hired, T.alice)
        let plan = try ws.planTo(T.applied, T.alice)
        #expect(plan.moves[0].isRevisit)
        #expect(plan.needsChoice)
    }
}
