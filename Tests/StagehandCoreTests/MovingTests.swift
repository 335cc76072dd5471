import Foundation
import Testing
@testable import StagehandCore

/// Spec §3.1: a move of one candidate into a stage runs that stage's actions.
@Suite struct MovingTests {
    typealias T = TestWorkspace

    @Test("A move into each stage starts a run with exactly that stage's actions, in order", arguments: [
        T.screen, T.interview, T.offer, T.hired,
    ])
    func moveRunsTheTargetStagesActions(target: StageID) throws {
        var ws = T.make()
        let stage = try #require(ws.job(T.backend)?.stage(target))
        let outcome = try ws.moveTo(target, T.alice)

        #expect(outcome.moved == [T.alice])
        #expect(outcome.ranActions == stage.hasActions)
        #expect(outcome.runs.count == (stage.hasActions ? 1 : 0))
        if let runID = outcome.runs.first {
            let run = try #require(ws.actionRuns[runID])
            #expect(run.steps.map(\.action) == stage.actions)
            #expect(run.steps.allSatisfy { $0.state == .pending })
            #expect(run.trigger == .move)
            #expect(run.mover == T.rita)
            #expect(run.candidate == T.alice)
            #expect(run.job == T.backend)
            #expect(run.stage == target)
            #expect(run.createdAt == T.now)
        }
    }

    @Test func moveUpdatesThePlacementAndTheTimeline() throws {
        var ws = T.make()
        try ws.moveTo(T.screen, T.alice)
        let placement = try #require(ws.placement(of: T.alice))
        #expect(placement.stage == T.screen)
        #expect(placement.enteredAt == T.now)
        #expect(placement.entry == 2)
        #expect(placement.passedThrough == [T.applied])

        let move = try #require(ws.timeline(of: T.alice, .moved).last)
        #expect(move.author == T.rita)
        #expect(move.automatic == false)
        #expect(move.text == "Moved from Applied to Phone screen")
        #expect(move.job == T.backend)
    }

    @Test func actionsOfAMoveDoWhatTheySay() throws {
        var ws = T.make()
        let outcome = try ws.moveTo(T.screen, T.alice)
        ws.advanceRuns(now: T.now)
        let run = try #require(ws.actionRuns[outcome.runs[0]])
        #expect(run.steps.map(\.state) == [.done, .done, .done])
        #expect(run.isFinished)

        let note = try #require(ws.timeline(of: T.alice, .note).last)
        #expect(note.text == "Phone screen booked")
        #expect(note.author == nil, "automatic notes have no author")
        #expect(note.automatic)

        let task = try #require(ws.tasks.first { $0.candidate == T.alice })
        #expect(task.title == "Prepare phone screen")
        #expect(task.assignee == T.rita)
        #expect(task.due == T.now.addingTimeInterval(3 * 86_400), "due 3 days after the move")
        #expect(task.automatic)
        #expect(task.job == T.backend)

        #expect(ws.candidates[T.alice]?.followers == [T.rita])
        #expect(ws.timeline(of: T.alice, .followed).last?.automatic == true)
    }

    @Test func interviewActionsQueueEmailsAndRequestAnEvaluation() throws {
        var ws = T.make()
        let outcome = try ws.moveTo(T.interview, T.alice)
        ws.advanceRuns(now: T.now)
        let run = try #require(ws.actionRuns[outcome.runs[0]])

        let sent = ws.emails(of: T.alice)
        #expect(sent.map(\.template) == [T.invite, T.reminder])
        #expect(sent.map(\.dueAt) == [T.now, T.now.addingTimeInterval(3600)])
        #expect(sent.allSatisfy { $0.status == .scheduled && $0.entry == 2 && $0.stage == T.interview })
        #expect(sent.allSatisfy { $0.sender == T.rita && $0.fromName == "Rita Recruiter" }, "sender is the mover")
        #expect(sent.allSatisfy { $0.toAddress == "alice@example.com" })
        #expect(run.steps[1].state == .scheduled(T.now.addingTimeInterval(3600)))

        let request = try #require(ws.evaluationRequests.first { $0.candidate == T.alice })
        #expect(request.member == T.hugo)
        #expect(request.automatic)
        #expect(ws.timeline(of: T.alice, .evaluationRequested).last?.author == nil)
    }

    @Test func theRunsStartAfterTheGracePeriodGiven() throws {
        var ws = T.make()
        let outcome = try ws.moveTo(T.screen, T.alice, grace: 3)
        #expect(ws.actionRuns[outcome.runs[0]]?.startsAt == T.now.addingTimeInterval(3))
    }

    @Test func movingWithoutActionsMovesButRunsNothing() throws {
        var ws = T.make()
        let outcome = try ws.moveTo(T.interview, T.alice, choice: .withoutActions)
        #expect(outcome.moved == [T.alice])
        #expect(outcome.runs.isEmpty)
        #expect(!outcome.ranActions)
        #expect(ws.actionRuns.isEmpty)
        #expect(ws.placement(of: T.alice)?.stage == T.interview)
        #expect(ws.timeline(of: T.alice, .moved).last?.text == "Moved from Applied to Interview (without actions)")
    }

    @Test func aMoveToAStageWithoutActionsNeedsNoChoice() throws {
        var ws = T.make()
        let plan = try ws.planTo(T.platformInterview, T.eve, job: T.platform)
        #expect(plan.actions.isEmpty)
        #expect(!plan.needsChoice)
        let outcome = try ws.moveTo(T.platformInterview, T.eve, job: T.platform)
        #expect(outcome.runs.isEmpty)
        #expect(ws.timeline(of: T.eve, .moved).last?.text == "Moved from Applied to Interview")
    }

    @Test func theLatestStateIsPlannedAgainWhenTheMoveCommits() throws {
        var ws = T.make()
        let plan = try ws.planTo(T.interview, T.alice)
        #expect(plan.moves[0].actions.allSatisfy { $0.willRun })
        ws.candidates.modify(T.alice) { $0.doNotEmail = true }
        let outcome = try ws.moveTo(T.interview, T.alice)
        ws.advanceRuns(now: T.now)
        let steps = try #require(ws.actionRuns[outcome.runs[0]]?.steps)
        #expect(steps[0].state == .skipped("marked do not email"))
    }

    enum Refusal: String, CaseIterable { case sameStage, disqualified, notInJob, unknownStage, unknownCandidate }

    @Test("Moves that make no sense are refused and change nothing", arguments: Refusal.allCases)
    func refusedMoves(_ refusal: Refusal) throws {
        var ws = T.make()
        if refusal == .disqualified {
            try ws.disqualify(T.alice, from: T.backend, reason: T.withdrew, by: T.rita, now: T.now)
        }
        let before = ws
        let expected: StagehandError
        let attempt: (inout Workspace) throws -> Void
        switch refusal {
        case .sameStage:
            expected = .alreadyInStage(candidate: "Alice Martin", stage: "Applied")
            attempt = { try $0.moveTo(T.applied, T.alice) }
        case .disqualified:
            expected = .disqualified(candidate: "Alice Martin", job: "Backend Engineer")
            attempt = { try $0.moveTo(T.screen, T.alice) }
        case .notInJob:
            expected = .candidateNotInJob(candidate: "Eve Martin", job: "Backend Engineer")
            attempt = { try $0.moveTo(T.screen, T.eve) }
        case .unknownStage:
            expected = .notFound(kind: "stage of Backend Engineer", name: "nowhere")
            attempt = { try $0.moveTo("nowhere", T.alice) }
        case .unknownCandidate:
            expected = .notFound(kind: "candidate", name: "cand-nobody")
            attempt = { try $0.moveTo(T.screen, "cand-nobody") }
        }
        #expect(throws: expected) { try attempt(&ws) }
        #expect(ws == before)
    }
}
