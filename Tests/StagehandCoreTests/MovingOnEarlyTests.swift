import Foundation
import Testing
@testable import StagehandCore

/// Spec §3.5: a candidate moved again before all of their actions have run has
/// every pending action cancelled, delayed emails included; cancelled entries
/// stay on the timeline as cancelled.
@Suite struct MovingOnEarlyTests {
    typealias T = TestWorkspace

    /// Alice moved to Interview and its actions run: the invitation waits for the
    /// dispatcher, the reminder is scheduled an hour later, the evaluation is requested.
    func aliceWaitingForHerReminder() throws -> (Workspace, ActionRunID) {
        var ws = T.make()
        let run = try ws.moveTo(T.interview, T.alice).runs[0]
        ws.advanceRuns(now: T.now)
        return (ws, run)
    }

    @Test func thePlanListsWhatTheMoveWillCancel() throws {
        let (ws, run) = try aliceWaitingForHerReminder()
        let steps = try #require(ws.actionRuns[run]).steps
        let plan = try ws.planTo(T.offer, T.alice)
        let cancels = plan.moves[0].cancels
        #expect(cancels.map(\.run) == [run, run])
        #expect(cancels.map(\.step) == [0, 1])
        #expect(cancels.map(\.email) == [steps[0].email, steps[1].email])
        #expect(cancels.map(\.summary) == [
            "Email 'Interview invitation' from the mover, at once",
            "Email 'Interview reminder' from the mover, 1 hour after entry",
        ])
    }

    @Test func theMoveCancelsThemAndTheTimelineKeepsThemAsCancelled() throws {
        var (ws, run) = try aliceWaitingForHerReminder()
        let plan = try ws.planTo(T.offer, T.alice)
        let later = T.now.addingTimeInterval(600)
        let outcome = try ws.moveTo(T.offer, T.alice, grace: 3, now: later)
        #expect(outcome.cancelled == plan.moves[0].cancels)

        #expect(ws.actionRuns[run]?.steps.map(\.state) == [.cancelled, .cancelled, .done])
        let interviewEmails = ws.emails(of: T.alice).filter { $0.stage == T.interview }
        #expect(interviewEmails.map(\.status) == [.cancelled, .cancelled])

        let emailEntries = ws.timeline(of: T.alice, .email)
        #expect(emailEntries.count == 2, "cancelled emails stay on the timeline")
        #expect(emailEntries.allSatisfy { $0.status == .cancelled })

        let note = try #require(ws.timeline(of: T.alice, .actionsCancelled).last)
        #expect(note.at == later)
        #expect(note.automatic)
        #expect(note.text.contains("Interview reminder"))
        #expect(outcome.runs.count == 1, "the new stage's actions still run")
    }

    @Test func movingDuringTheGracePeriodCancelsEveryPendingStep() throws {
        var ws = T.make()
        let first = try ws.moveTo(T.interview, T.alice, grace: 3).runs[0]
        let plan = try ws.planTo(T.offer, T.alice)
        #expect(plan.moves[0].cancels.map(\.step) == [0, 1, 2])
        try ws.moveTo(T.offer, T.alice, grace: 3, now: T.now.addingTimeInterval(1))
        #expect(ws.actionRuns[first]?.steps.allSatisfy { $0.state == .cancelled } == true)
        ws.advanceRuns(now: T.now.addingTimeInterval(10))
        #expect(!ws.emails.contains { $0.template == T.invite || $0.template == T.reminder })
        #expect(ws.evaluationRequests.isEmpty)
    }

    @Test("Every kind of move cancels what is pending", arguments: [MoveChoice.runActions, .withoutActions])
    func anyMoveCancels(choice: MoveChoice) throws {
        var (ws, run) = try aliceWaitingForHerReminder()
        try ws.moveTo(T.offer, T.alice, choice: choice)
        #expect(ws.actionRuns[run]?.steps[1].state == .cancelled)
        #expect(ws.emails(of: T.alice).first { $0.template == T.reminder }?.status == .cancelled)
    }

    @Test func delayedEmailsOfAnEarlierStageAreCancelledToo() throws {
        // Offer schedules a follow-up two business days later; Alice is hired the next day.
        var ws = T.make()
        try ws.moveTo(T.offer, T.alice)
        ws.advanceRuns(now: T.now)
        let followUp = try #require(ws.emails(of: T.alice).first { $0.template == T.offerFollowUp })
        #expect(followUp.status == .scheduled)
        let outcome = try ws.moveTo(T.hired, T.alice, now: T.now.addingTimeInterval(86_400))
        #expect(outcome.cancelled.map(\.email) == [followUp.id])
        #expect(ws.emails[followUp.id]?.status == .cancelled)
    }

    @Test func sentEmailsStaySent() throws {
        var (ws, run) = try aliceWaitingForHerReminder()
        let invitation = try #require(ws.actionRuns[run]?.steps[0].email)
        ws.emails.modify(invitation) { $0.status = .sent }  // as the dispatcher would
        ws.actionRuns.modify(run) { $0.steps[0].state = .done }
        let outcome = try ws.moveTo(T.offer, T.alice)
        #expect(outcome.cancelled.map(\.step) == [1])
        #expect(ws.emails[invitation]?.status == .sent)
        #expect(ws.actionRuns[run]?.steps[0].state == .done)
    }

    @Test func anEmailTheDispatcherIsSendingIsNotCancelled() throws {
        var (ws, run) = try aliceWaitingForHerReminder()
        let invitation = try #require(ws.actionRuns[run]?.steps[0].email)
        ws.emails.modify(invitation) { $0.status = .sending }  // a dispatcher claimed it a moment ago
        let plan = try ws.planTo(T.offer, T.alice)
        #expect(plan.moves[0].cancels.map(\.step) == [1], "too late to cancel the invitation")
        try ws.moveTo(T.offer, T.alice)
        #expect(ws.actionRuns[run]?.steps[0].state == .running)
        #expect(ws.emails[invitation]?.status == .sending)
        #expect(ws.timeline(of: T.alice, .actionsCancelled).last?.text.contains("Interview invitation") == false)
    }

    @Test func nothingPendingMeansNothingCancelledAndNoTimelineEntry() throws {
        var ws = T.make()
        try ws.moveTo(T.screen, T.alice)
        ws.advanceRuns(now: T.now)
        #expect(try ws.planTo(T.hired, T.alice).moves[0].cancels.isEmpty)
        let outcome = try ws.moveTo(T.hired, T.alice)
        #expect(outcome.cancelled.isEmpty)
        #expect(ws.timeline(of: T.alice, .actionsCancelled).isEmpty)
    }

    @Test func workPendingInAnotherJobIsLeftAlone() throws {
        var ws = T.make()
        // Alice applies to Platform Engineer too: its Applied stage's actions wait out their grace period.
        let arrival = try ws.addCandidate(
            NewCandidate(name: "Alice Martin", email: "alice@example.com", source: "career page"), to: T.platform,
            origin: .application, by: nil, now: T.now, grace: 3)
        let platformRun = try #require(arrival.run)
        let outcome = try ws.moveTo(T.screen, T.alice)
        #expect(outcome.cancelled.isEmpty)
        #expect(ws.actionRuns[platformRun]?.steps.allSatisfy { $0.state == .pending } == true)
    }

    @Test func waitingEmailsOutsideAnyRunAreCancelledToo() throws {
        var (ws, run) = try aliceWaitingForHerReminder()
        // A run that no longer exists (pruned) still leaves its waiting email behind.
        ws.actionRuns.remove(run)
        let plan = try ws.planTo(T.offer, T.alice)
        #expect(plan.moves[0].cancels.map(\.summary) == ["Email 'Interview'", "Email 'Reminder'"])
        try ws.moveTo(T.offer, T.alice)
        #expect(ws.emails(of: T.alice).filter { $0.stage == T.interview }.allSatisfy { $0.status == .cancelled })
    }
}
