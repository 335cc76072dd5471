import Foundation
import Testing
@testable import StagehandCore

/// Spec §3.7: actions never fire on a timer alone; only delayed emails wait, and
/// they wait from the stage entry.
@Suite struct ElapsedTimeTests {
    typealias T = TestWorkspace

    @Test("Advancing time with no move creates nothing", arguments: [60, 86_400, 7 * 86_400, 90 * 86_400] as [TimeInterval])
    func nothingFiresOnElapsedTimeAlone(elapsed: TimeInterval) {
        var ws = T.make()
        let before = ws
        #expect(ws.advanceRuns(now: T.now.addingTimeInterval(elapsed)).isEmpty)
        #expect(ws == before)
        #expect(ws.actionRuns.isEmpty)
    }

    @Test func afterARunHasFinishedTimePassingChangesNothingButWhichEmailsAreDue() throws {
        var ws = T.make()
        try ws.moveTo(T.interview, T.alice)
        ws.advanceRuns(now: T.now)
        let settled = ws

        for hours: Double in [0.5, 2, 24 * 7] {
            let later = T.now.addingTimeInterval(hours * 3600)
            #expect(ws.advanceRuns(now: later).isEmpty)
            #expect(ws == settled, "no new runs, steps, emails or timeline entries")
            let due = ws.emails.filter { $0.isWaiting && $0.dueAt <= later }.map(\.template)
            #expect(due == (hours < 1 ? [T.invite] : [T.invite, T.reminder]))
        }
    }

    @Test func aDelayedEmailWaitsFromTheStageEntryNotFromWhenTheRunWasAdvanced() throws {
        var ws = T.make()
        try ws.moveTo(T.interview, T.alice, grace: 3)
        ws.advanceRuns(now: T.now.addingTimeInterval(3 * 3600))  // nobody had a board open
        let reminder = try #require(ws.emails(of: T.alice).first { $0.template == T.reminder })
        #expect(reminder.dueAt == T.now.addingTimeInterval(3600))
    }
}
