import Foundation
import Testing
@testable import StagehandCore

/// Spec §3.3: a bulk move shows what the target stage will run and needs "move
/// and run actions" or "move without actions"; once confirmed it cannot be cancelled.
@Suite struct BulkMoveTests {
    typealias T = TestWorkspace

    @Test func theConfirmationShowsWhatTheTargetStageWillRunForEachCandidate() throws {
        let ws = T.make()
        let plan = try ws.planTo(T.interview, T.alice, T.bruno, T.chloe)
        #expect(plan.isBulk)
        #expect(plan.needsChoice)
        #expect(!plan.needsRevisitChoice)
        #expect(plan.actions == [T.sendInvite, T.sendReminder, T.askHugo])
        #expect(plan.moves.map(\.candidate) == [T.alice, T.bruno, T.chloe])
        #expect(plan.moves[0].actions.map(\.willRun) == [true, true, true])
        #expect(plan.moves[2].actions.map(\.skipReason) == ["no email address", "no email address", nil])
    }

    @Test func withoutAChoiceNothingMoves() throws {
        var ws = T.make()
        let before = ws
        #expect(throws: StagehandError.bulkNeedsChoice(count: 2)) { try ws.moveTo(T.interview, T.alice, T.bruno) }
        #expect(ws == before)
    }

    @Test func moveAndRunActionsStartsOneRunPerCandidateWithNoCancelWindow() throws {
        var ws = T.make()
        let outcome = try ws.moveTo(T.interview, T.alice, T.bruno, choice: .runActions, grace: 3)
        #expect(outcome.moved == [T.alice, T.bruno])
        #expect(outcome.ranActions)
        #expect(outcome.runs.count == 2)
        let runs = outcome.runs.compactMap { ws.actionRuns[$0] }
        #expect(runs.map(\.candidate) == [T.alice, T.bruno])
        #expect(runs.allSatisfy { $0.startsAt == T.now }, "a confirmed bulk move cannot be cancelled: no grace period")
        #expect(ws.placement(of: T.alice)?.stage == T.interview)
        #expect(ws.placement(of: T.bruno)?.stage == T.interview)
    }

    @Test func aBulkMovesEmailsAreMadeInTheOrderThePeopleWereNamed() throws {
        for named in [[T.alice, T.bruno], [T.bruno, T.alice]] {
            var ws = T.make()
            let request = MoveRequest(candidates: named, job: T.backend, target: T.interview, mover: T.rita)
            _ = try ws.apply(.move(request, choice: .runActions), by: T.rita, now: T.now)
            let made = ws.emails.sorted { $0.id.rawValue.compare($1.id.rawValue, options: .numeric) == .orderedAscending }
            var firsts: [CandidateID] = []
            for email in made where firsts.last != email.candidate { firsts.append(email.candidate) }
            #expect(firsts == named)
        }
    }

    @Test func progressCanBeShownStepByStep() throws {
        var ws = T.make()
        let outcome = try ws.moveTo(T.screen, T.alice, T.bruno, choice: .runActions)
        var finished: [Int] = []
        for _ in 0..<6 {
            ws.advanceRuns(now: T.now, maxSteps: 1)
            finished.append(outcome.runs.compactMap { ws.actionRuns[$0]?.finishedCount }.reduce(0, +))
        }
        #expect(finished == [1, 2, 3, 4, 5, 6])
        #expect(ws.advanceRuns(now: T.now).isEmpty)
    }

    @Test func moveWithoutActionsMovesEveryoneAndRunsNothing() throws {
        var ws = T.make()
        let outcome = try ws.moveTo(T.interview, T.alice, T.bruno, T.dan, choice: .withoutActions)
        #expect(outcome.moved == [T.alice, T.bruno, T.dan])
        #expect(outcome.runs.isEmpty)
        #expect(ws.actionRuns.isEmpty)
        for id in [T.alice, T.bruno, T.dan] {
            #expect(ws.placement(of: id)?.stage == T.interview)
            #expect(ws.timeline(of: id, .moved).last?.text.hasSuffix("(without actions)") == true)
        }
    }

    @Test func aBulkMoveToAStageWithoutActionsNeedsNoChoice() throws {
        var ws = T.make()
        let plan = try ws.planTo(T.hired, T.alice, T.bruno)
        #expect(plan.isBulk)
        #expect(!plan.needsChoice)
        let outcome = try ws.moveTo(T.hired, T.alice, T.bruno)
        #expect(outcome.moved == [T.alice, T.bruno])
    }

    @Test func aRevisitInsideABulkMoveAsksTheRevisitQuestion() throws {
        var ws = T.make()
        try ws.moveTo(T.screen, T.alice)
        try ws.moveTo(T.hired, T.alice)
        try ws.moveTo(T.hired, T.bruno)
        let plan = try ws.planTo(T.screen, T.alice, T.bruno)
        #expect(plan.moves.map(\.isRevisit) == [true, false])
        #expect(throws: StagehandError.revisitNeedsChoice(stage: "Phone screen", candidates: ["Alice Martin"])) {
            try ws.moveTo(T.screen, T.alice, T.bruno)
        }
    }

    @Test func oneCandidateThatCannotMoveStopsTheWholeBulkMove() throws {
        var ws = T.make()
        try ws.disqualify(T.bruno, from: T.backend, reason: T.withdrew, by: T.rita, now: T.now)
        let before = ws
        #expect(throws: StagehandError.disqualified(candidate: "Bruno Díaz", job: "Backend Engineer")) {
            try ws.moveTo(T.interview, T.alice, T.bruno, choice: .runActions)
        }
        #expect(ws == before, "nobody moved")
    }

    @Test func theSameCandidateTwiceIsMovedOnce() throws {
        var ws = T.make()
        let plan = try ws.planTo(T.screen, T.alice, T.alice)
        #expect(plan.moves.count == 1)
        #expect(!plan.isBulk)
        let outcome = try ws.moveTo(T.screen, T.alice, T.alice)
        #expect(outcome.runs.count == 1)
    }
}
