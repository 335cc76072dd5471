import Foundation
import Testing
@testable import StagehandCore

/// Spec §4: actions start after a grace period in which the mover can Cancel;
/// cancelling stops every action of the run that has not finished.
@Suite struct ActionRunTests {
    typealias T = TestWorkspace

    @Test(
        "Nothing runs before the grace period is over", arguments: [0, 1, 2, 2.999] as [TimeInterval])
    func nothingRunsDuringTheGracePeriod(elapsed: TimeInterval) throws {
        var ws = T.make()
        let run = try ws.moveTo(T.screen, T.alice, grace: 3).runs[0]
        #expect(ws.advanceRuns(now: T.now.addingTimeInterval(elapsed)).isEmpty)
        #expect(ws.actionRuns[run]?.steps.allSatisfy { $0.state == .pending } == true)
        #expect(ws.timeline(of: T.alice, .note).isEmpty)
    }

    @Test func theRunStartsWhenTheGracePeriodIsOver() throws {
        var ws = T.make()
        let run = try ws.moveTo(T.screen, T.alice, grace: 3).runs[0]
        #expect(ws.advanceRuns(now: T.now.addingTimeInterval(3)) == [run])
        #expect(ws.actionRuns[run]?.isFinished == true)
    }

    @Test func maxStepsAdvancesOneStepAtATimeInOrder() throws {
        var ws = T.make()
        let run = try ws.moveTo(T.screen, T.alice).runs[0]
        var seen: [[String]] = []
        for _ in 0..<3 {
            #expect(ws.advanceRuns(now: T.now, maxSteps: 1) == [run])
            seen.append(try #require(ws.actionRuns[run]).steps.map(\.state.name))
        }
        #expect(seen == [["done", "pending", "pending"], ["done", "done", "pending"], ["done", "done", "done"]])
        #expect(ws.advanceRuns(now: T.now, maxSteps: 1).isEmpty, "nothing left to do")
    }

    @Test func onlyAdvancesTheRunsAsked() throws {
        var ws = T.make()
        let outcome = try ws.moveTo(T.screen, T.alice, T.bruno, choice: .runActions)
        #expect(ws.advanceRuns(now: T.now, only: [outcome.runs[1]]) == [outcome.runs[1]])
        #expect(ws.actionRuns[outcome.runs[0]]?.finishedCount == 0)
        #expect(ws.actionRuns[outcome.runs[1]]?.isFinished == true)
    }

    @Test func stepStatesShowWhatEachActionDid() throws {
        var ws = T.make()
        let alice = try ws.moveTo(T.interview, T.alice).runs[0]
        let chloe = try ws.moveTo(T.interview, T.chloe).runs[0]
        ws.advanceRuns(now: T.now)

        let aliceSteps = try #require(ws.actionRuns[alice]).steps
        #expect(aliceSteps[0].state == .running, "an email due now waits for the dispatcher")
        #expect(aliceSteps[1].state == .scheduled(T.now.addingTimeInterval(3600)))
        #expect(aliceSteps[2].state == .done)
        #expect(aliceSteps[0].email != nil && aliceSteps[1].email != nil && aliceSteps[2].email == nil)
        let reminder = try #require(aliceSteps[1].email)
        #expect(ws.emails[reminder]?.dueAt == T.now.addingTimeInterval(3600))

        let chloeSteps = try #require(ws.actionRuns[chloe]).steps
        #expect(chloeSteps.map(\.state) == [.skipped("no email address"), .skipped("no email address"), .done])
    }

    @Test func cancelDuringTheGracePeriodStopsEverything() throws {
        var ws = T.make()
        let run = try ws.moveTo(T.interview, T.alice, grace: 3).runs[0]
        let cancelled = ws.cancelRun(run, by: T.rita, now: T.now.addingTimeInterval(1))
        #expect(cancelled.map(\.step) == [0, 1, 2])
        #expect(ws.actionRuns[run]?.steps.allSatisfy { $0.state == .cancelled } == true)
        #expect(ws.advanceRuns(now: T.now.addingTimeInterval(10)).isEmpty)
        #expect(ws.emails.isEmpty)
        #expect(ws.evaluationRequests.isEmpty)

        let entry = try #require(ws.timeline(of: T.alice, .actionsCancelled).last)
        #expect(entry.author == T.rita)
        #expect(entry.text.contains("Email 'Interview invitation'"))
        #expect(entry.text.contains("Request evaluation from Hugo Hiring"))
    }

    @Test func cancelAfterSomeStepsStopsOnlyWhatHasNotFinishedAndUnsentEmails() throws {
        var ws = T.make()
        let run = try ws.moveTo(T.interview, T.alice).runs[0]
        ws.advanceRuns(now: T.now, maxSteps: 2)
        let cancelled = ws.cancelRun(run, by: T.rita, now: T.now.addingTimeInterval(5))
        #expect(cancelled.map(\.step) == [0, 1, 2], "two unsent emails and the pending evaluation request")

        let steps = try #require(ws.actionRuns[run]).steps
        #expect(steps.map(\.state) == [.cancelled, .cancelled, .cancelled])
        #expect(ws.emails(of: T.alice).map(\.status) == [.cancelled, .cancelled])
        #expect(ws.evaluationRequests.isEmpty)

        // The timeline keeps the emails, marked cancelled.
        let emailEntries = ws.timeline(of: T.alice, .email)
        #expect(emailEntries.count == 2)
        #expect(emailEntries.allSatisfy { $0.status == .cancelled })
    }

    @Test func cancelLeavesDoneStepsAndSentEmailsAlone() throws {
        var ws = T.make()
        let run = try ws.moveTo(T.interview, T.alice).runs[0]
        ws.advanceRuns(now: T.now)
        let invitation = try #require(ws.actionRuns[run]?.steps[0].email)
        ws.emails.modify(invitation) { $0.status = .sent }  // as the dispatcher would
        ws.actionRuns.modify(run) { $0.steps[0].state = .done }

        let cancelled = ws.cancelRun(run, by: T.rita, now: T.now.addingTimeInterval(60))
        #expect(cancelled.map(\.step) == [1], "only the reminder had not gone out")
        #expect(ws.actionRuns[run]?.steps.map(\.state) == [.done, .cancelled, .done])
        #expect(ws.emails[invitation]?.status == .sent)
    }

    @Test func cancelLeavesAnEmailBeingSentAlone() throws {
        var ws = T.make()
        let run = try ws.moveTo(T.interview, T.alice).runs[0]
        ws.advanceRuns(now: T.now)
        let invitation = try #require(ws.actionRuns[run]?.steps[0].email)
        ws.emails.modify(invitation) { $0.status = .sending }  // a dispatcher claimed it a moment ago

        let cancelled = ws.cancelRun(run, by: T.rita, now: T.now.addingTimeInterval(1))
        #expect(cancelled.map(\.step) == [1])
        #expect(ws.actionRuns[run]?.steps[0].state == .running)
        #expect(ws.emails[invitation]?.status == .sending)
        #expect(ws.timeline(of: T.alice, .email).first?.status == .scheduled, "not shown as cancelled: it is going out")
    }

    @Test func cancellingAFinishedRunDoesNothing() throws {
        var ws = T.make()
        let run = try ws.moveTo(T.screen, T.alice).runs[0]
        ws.advanceRuns(now: T.now)
        let before = ws
        #expect(ws.cancelRun(run, by: T.rita, now: T.now).isEmpty)
        #expect(ws == before)
    }

    @Test func aStepForACandidateNoLongerInTheJobFailsWithTheReason() throws {
        var ws = T.make()
        let run = try ws.moveTo(T.screen, T.alice).runs[0]
        ws.candidates.modify(T.alice) { $0.placements.removeAll() }
        ws.advanceRuns(now: T.now, maxSteps: 1)
        #expect(ws.actionRuns[run]?.steps[0].state == .failed("the candidate is no longer in this job"))
        #expect(ws.actionRuns[run]?.hasFailures == true)
    }

    @Test func stepStateNamesAndFinishedness() {
        let date = T.now
        let states: [(StepState, String, Bool)] = [
            (.pending, "pending", false), (.running, "running", false), (.done, "done", true),
            (.scheduled(date), "scheduled", true), (.failed("x"), "failed", true), (.cancelled, "cancelled", true),
            (.skipped("y"), "skipped", true),
        ]
        for (state, name, finished) in states {
            #expect(state.name == name)
            #expect(state.isFinished == finished, "\(name)")
        }
    }
}
