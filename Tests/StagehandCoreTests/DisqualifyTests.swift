import Foundation
import Testing
@testable import StagehandCore

/// Spec §3.6: disqualifying a candidate with a reason runs that reason's actions
/// (typically a rejection email a couple of days later).
@Suite struct DisqualifyTests {
    typealias T = TestWorkspace

    @Test func theReasonsActionsRunAndTheRejectionIsDueTwoDaysLater() throws {
        var ws = T.make()
        let outcome = try ws.disqualify(T.alice, from: T.backend, reason: T.skillsMismatch, by: T.rita, now: T.now, grace: 3)
        let placement = try #require(ws.placement(of: T.alice))
        #expect(placement.disqualification == Disqualification(reason: T.skillsMismatch, at: T.now, by: T.rita))
        #expect(placement.stage == T.applied, "a disqualified candidate stays where they were")

        let entry = try #require(ws.timeline(of: T.alice, .disqualified).last)
        #expect(entry.text == "Disqualified from Backend Engineer: Skills mismatch")
        #expect(entry.author == T.rita)
        #expect(!entry.automatic)

        let runID = try #require(outcome.run)
        let run = try #require(ws.actionRuns[runID])
        #expect(run.trigger == .disqualify)
        #expect(run.reason == T.skillsMismatch)
        #expect(run.steps.map(\.action) == [T.sendRejection])
        #expect(run.startsAt == T.now.addingTimeInterval(3))

        ws.advanceRuns(now: T.now.addingTimeInterval(3))
        let twoDaysLater = T.now.addingTimeInterval(2 * 86_400)
        #expect(ws.actionRuns[run.id]?.steps[0].state == .scheduled(twoDaysLater))
        let rejection = try #require(ws.emails(of: T.alice).first)
        #expect(rejection.template == T.rejection)
        #expect(rejection.dueAt == twoDaysLater, "due at disqualification + 2 days, not at the run's start")
        #expect(rejection.status == .scheduled)
        #expect(rejection.sender == T.rita)
        #expect(ws.timeline(of: T.alice, .email).last?.status == .scheduled)
    }

    @Test func aReasonWithoutActionsRunsNothing() throws {
        var ws = T.make()
        let outcome = try ws.disqualify(T.alice, from: T.backend, reason: T.withdrew, by: T.rita, now: T.now)
        #expect(outcome.run == nil)
        #expect(ws.actionRuns.isEmpty)
        #expect(ws.placement(of: T.alice)?.disqualification?.reason == T.withdrew)
    }

    @Test func disqualifyingCancelsWhatWasStillPending() throws {
        var ws = T.make()
        let interview = try ws.moveTo(T.interview, T.alice).runs[0]
        ws.advanceRuns(now: T.now)
        let outcome = try ws.disqualify(
            T.alice, from: T.backend, reason: T.skillsMismatch, by: T.rita, now: T.now.addingTimeInterval(60))
        #expect(outcome.cancelled.map(\.step) == [0, 1])
        #expect(ws.actionRuns[interview]?.steps.map(\.state) == [.cancelled, .cancelled, .done])
        ws.advanceRuns(now: T.now.addingTimeInterval(60))
        #expect(ws.emails(of: T.alice).map(\.status) == [.cancelled, .cancelled, .scheduled])
    }

    @Test func theRejectionGuardsApply() throws {
        var ws = T.make()
        let chloe = try #require(
            try ws.disqualify(T.chloe, from: T.backend, reason: T.skillsMismatch, by: T.rita, now: T.now).run)
        let dan = try #require(try ws.disqualify(T.dan, from: T.backend, reason: T.skillsMismatch, by: T.rita, now: T.now).run)
        ws.advanceRuns(now: T.now)
        #expect(ws.actionRuns[chloe]?.steps[0].state == .skipped("no email address"))
        #expect(ws.actionRuns[dan]?.steps[0].state == .skipped("marked do not email"))
        #expect(ws.emails.isEmpty)
    }

    @Test func refusals() throws {
        var ws = T.make()
        try ws.disqualify(T.alice, from: T.backend, reason: T.withdrew, by: T.rita, now: T.now)
        let before = ws
        #expect(throws: StagehandError.alreadyDisqualified(candidate: "Alice Martin", job: "Backend Engineer")) {
            try ws.disqualify(T.alice, from: T.backend, reason: T.skillsMismatch, by: T.rita, now: T.now)
        }
        #expect(throws: StagehandError.candidateNotInJob(candidate: "Eve Martin", job: "Backend Engineer")) {
            try ws.disqualify(T.eve, from: T.backend, reason: T.skillsMismatch, by: T.rita, now: T.now)
        }
        #expect(throws: StagehandError.notFound(kind: "disqualification reason", name: "reason-nope")) {
            try ws.disqualify(T.bruno, from: T.backend, reason: "reason-nope", by: T.rita, now: T.now)
        }
        #expect(
            throws: StagehandError.missingPermission(
                member: "Hugo Hiring", missing: [.moveCandidates], doing: "disqualify candidates")
        ) {
            try ws.disqualify(T.bruno, from: T.backend, reason: T.skillsMismatch, by: T.hugo, now: T.now)
        }
        #expect(ws == before)
    }
}
