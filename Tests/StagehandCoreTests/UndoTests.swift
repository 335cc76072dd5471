import Foundation
import Testing
@testable import StagehandCore

/// Undo makes a move or a disqualification as if it never happened.
@Suite struct UndoTests {
    typealias T = TestWorkspace

    @Test func undoingAMoveTakesBackWhatItsRunMade() throws {
        var ws = T.make()
        let outcome = try ws.moveTo(T.screen, T.alice)
        ws.advanceRuns(now: T.now)
        #expect(ws.tasks.contains { $0.candidate == T.alice } && ws.candidates[T.alice]?.followers == [T.rita])
        let undone = try ws.undo(try #require(outcome.undo), by: T.rita, now: T.now)
        #expect(undone.restored == [T.alice] && ws.placement(of: T.alice)?.stage == T.applied)
        #expect(!ws.tasks.contains { $0.candidate == T.alice }, "the task the run made is gone")
        #expect(ws.candidates[T.alice]?.followers == [], "so is Rita following")
        #expect(!ws.timeline(of: T.alice, .note).contains { $0.text == "Phone screen booked" }, "and the note the run wrote (spec §9: what its run created goes)")
        let line = try #require(ws.timeline(of: T.alice, .undone).last)
        #expect(line.text == "Undid the move to Phone screen: back in Applied; taken back with it: the task 'Prepare phone screen' for Rita Recruiter; the note 'Phone screen booked'; Rita Recruiter following")
    }

    @Test func aTaskDoneMeanwhileStays() throws {
        var ws = T.make()
        let outcome = try ws.moveTo(T.screen, T.alice)
        ws.advanceRuns(now: T.now)
        let task = try #require(ws.tasks.first { $0.candidate == T.alice })
        try ws.completeTasks([task.id], by: T.rita, now: T.now)
        try ws.undo(try #require(outcome.undo), by: T.rita, now: T.now)
        #expect(ws.tasks[task.id]?.done == true)
    }

    @Test func undoingBringsBackTheDelayedEmailsTheMoveCancelledWhileTheirTimeIsToCome() throws {
        var ws = T.make()
        try ws.moveTo(T.interview, T.alice)
        ws.advanceRuns(now: T.now)
        let reminder = try #require(ws.emails(of: T.alice).first { $0.template == T.reminder })
        #expect(reminder.status == .scheduled)
        let onward = try ws.moveTo(T.offer, T.alice, now: T.now.addingTimeInterval(60))
        #expect(ws.emails[reminder.id]?.status == .cancelled)
        let undone = try ws.undo(try #require(onward.undo), by: T.rita, now: T.now.addingTimeInterval(120))
        #expect(undone.emailsBack == [reminder.id] && ws.emails[reminder.id]?.status == .scheduled)
        let step = ws.actionRuns[try #require(reminder.run)]?.steps.first { $0.email == reminder.id }
        #expect(step?.state == .scheduled(reminder.dueAt))
        #expect(ws.timeline(of: T.alice).first { $0.email == reminder.id }?.status == .scheduled)
    }

    @Test func anEmailWhoseTimePassedStaysCancelledAndTheOutcomeSaysSo() throws {
        var ws = T.make()
        try ws.moveTo(T.interview, T.alice)
        ws.advanceRuns(now: T.now)
        let reminder = try #require(ws.emails(of: T.alice).first { $0.template == T.reminder })
        let onward = try ws.moveTo(T.offer, T.alice, now: T.now.addingTimeInterval(60))
        let undone = try ws.undo(try #require(onward.undo), by: T.rita, now: T.now.addingTimeInterval(2 * 3600))
        #expect(undone.emailsTooLate.contains(reminder.id) && ws.emails[reminder.id]?.status == .cancelled)
        #expect(undone.emailsBack.isEmpty)
    }

    @Test func someoneMovedAgainSinceIsLeftAlone() throws {
        var ws = T.make()
        let first = try ws.moveTo(T.screen, T.alice)
        try ws.moveTo(T.interview, T.alice, now: T.now.addingTimeInterval(60))
        let undone = try ws.undo(try #require(first.undo), by: T.rita, now: T.now.addingTimeInterval(120))
        #expect(undone.restored.isEmpty && ws.placement(of: T.alice)?.stage == T.interview)
    }

    @Test func undoingADisqualificationReinstatesAndCancelsItsRejection() throws {
        var ws = T.make()
        let outcome = try ws.disqualify(T.alice, from: T.backend, reason: T.skillsMismatch, by: T.rita, now: T.now)
        ws.advanceRuns(now: T.now)
        let rejection = try #require(ws.emails(of: T.alice).first)
        let undone = try ws.undo(outcome.undo, by: T.rita, now: T.now.addingTimeInterval(10))
        #expect(undone.restored == [T.alice] && ws.placement(of: T.alice)?.disqualification == nil)
        #expect(ws.emails[rejection.id]?.status == .cancelled)
        #expect(ws.timeline(of: T.alice, .undone).last?.text.hasPrefix("Undid the disqualification") == true)
    }

    @Test func undoingABulkMoveNamesWhatWentOnceWithHowManyItWentFor() throws {
        var ws = T.make()
        let moved = try ws.apply(
            .move(MoveRequest(candidates: [T.alice, T.bruno], job: T.backend, target: T.screen, mover: T.rita), choice: .runActions), by: T.rita,
            now: T.now)
        let undone = try ws.apply(.undo(try #require(moved.undo)), by: T.rita, now: T.now)
        #expect(undone.sentence.hasPrefix("Undone: 2 candidates back; taken back: "), "\(undone.sentence)")
        #expect(undone.sentence.components(separatedBy: "Rita Recruiter following").count == 2, "named once: \(undone.sentence)")
        #expect(undone.sentence.contains("Rita Recruiter following (2 of them)"), "\(undone.sentence)")
    }

    @Test func theChangeSaysWhatUndoDid() throws {
        var ws = T.make()
        let moved = try ws.apply(.move(MoveRequest(candidates: [T.alice], job: T.backend, target: T.screen, mover: T.rita), choice: nil), by: T.rita, now: T.now)
        let undone = try ws.apply(.undo(try #require(moved.undo)), by: T.rita, now: T.now)
        #expect(undone.sentence == "Undone: Alice Martin is back in Applied; taken back: the task 'Prepare phone screen' for Rita Recruiter; the note 'Phone screen booked'; Rita Recruiter following")
    }
}
