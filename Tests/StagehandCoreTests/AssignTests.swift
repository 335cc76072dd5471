import Foundation
import Testing
@testable import StagehandCore

/// Spec §2, assign: the candidate is added to another job's first stage or to a
/// talent pool — without firing that job's actions (no cascades, no loops).
@Suite struct AssignTests {
    typealias T = TestWorkspace

    @Test func assigningToAJobPutsTheCandidateInItsFirstStageWithoutFiringItsActions() throws {
        var ws = T.make()
        let later = T.now.addingTimeInterval(600)
        let run = try ws.moveTo(T.offer, T.alice, now: later).runs[0]
        ws.advanceRuns(now: later)
        #expect(ws.actionRuns[run]?.steps.map(\.state.name) == ["scheduled", "done", "done"])

        let placement = try #require(ws.placement(of: T.alice, in: T.platform))
        #expect(placement.stage == T.platformApplied)
        #expect(placement.entry == 1)
        #expect(placement.enteredAt == later)
        #expect(placement.passedThrough.isEmpty)

        // Platform Engineer › Applied sends "Thanks" and tags `platform`: neither happened.
        #expect(ws.actionRuns.count == 1, "no run for the job assigned to")
        #expect(ws.candidates[T.alice]?.tags.contains("platform") == false)
        #expect(!ws.emails.contains { $0.job == T.platform })

        let entry = try #require(ws.timeline(of: T.alice, .assigned).last)
        #expect(entry.text == "Assigned to Platform Engineer (Applied)")
        #expect(entry.job == T.platform)
        #expect(entry.automatic)
    }

    @Test func assigningToATalentPool() throws {
        var ws = T.make()
        try ws.moveTo(T.offer, T.alice)
        ws.advanceRuns(now: T.now)
        #expect(ws.candidates[T.alice]?.talentPools == [T.silver])
        let entry = try #require(ws.timeline(of: T.alice, .pooled).last)
        #expect(entry.text == "Added to the talent pool Silver medalists")
        #expect(entry.automatic)
    }

    @Test func assigningAgainChangesNothing() throws {
        var ws = T.make()
        ws.candidates.modify(T.alice) {
            $0.talentPools = [T.silver]
            $0.placements.append(Placement(job: T.platform, stage: T.platformInterview, enteredAt: T.now, entry: 3))
        }
        try ws.moveTo(T.offer, T.alice)
        ws.advanceRuns(now: T.now)
        #expect(ws.candidates[T.alice]?.talentPools == [T.silver])
        #expect(ws.placement(of: T.alice, in: T.platform) == Placement(job: T.platform, stage: T.platformInterview, enteredAt: T.now, entry: 3))
        #expect(ws.timeline(of: T.alice, .assigned).last?.text == "Already in Platform Engineer")
        #expect(ws.timeline(of: T.alice, .pooled).last?.text == "Already in the talent pool Silver medalists")
    }

    @Test func jobsThatAssignToEachOtherDoNotLoop() throws {
        // Backend › Offer assigns to Platform; Platform › Hired assigns back to Backend.
        var ws = T.make()
        try ws.moveTo(T.platformHired, T.eve, job: T.platform)
        ws.advanceRuns(now: T.now)
        #expect(ws.placement(of: T.eve)?.stage == T.applied)
        #expect(ws.actionRuns.count == 1)
        #expect(ws.emails.isEmpty, "Backend › Applied's thanks email did not fire")

        // Now make Backend › Applied itself assign to Platform: still nothing cascades.
        ws.setup.jobs[try #require(ws.jobIndex(T.backend))].pipeline[0].actions = [T.assignToPlatform]
        try ws.moveTo(T.offer, T.alice)
        for _ in 0..<3 { ws.advanceRuns(now: T.now) }
        #expect(ws.actionRuns.count == 2)
        #expect(ws.advanceRuns(now: T.now.addingTimeInterval(86_400)).isEmpty)
    }

    @Test func theAssignedJobsActionsFireOnTheNextRealMove() throws {
        var ws = T.make()
        try ws.moveTo(T.offer, T.alice)
        ws.advanceRuns(now: T.now)
        let outcome = try ws.moveTo(T.platformHired, T.alice, job: T.platform)
        #expect(outcome.runs.count == 1)
    }
}
