import Foundation
import Testing
@testable import StagehandCore

/// Removing a stage leaves nothing behind that `stagehand check` would call broken.
@Suite struct StageRemovalTests {
    typealias T = TestWorkspace

    @Test func aRemovedStageLeavesTheStateConsistent() throws {
        var ws = T.make()
        try ws.move(.init(candidates: [T.alice], job: T.backend, target: T.screen, mover: T.ada), choice: .runActions, grace: 0, now: T.now)
        ws.advanceRuns(now: T.now)
        try ws.move(.init(candidates: [T.alice], job: T.backend, target: T.interview, mover: T.ada), choice: .runActions, grace: 0, now: T.now)
        #expect(ws.candidates[T.alice]?.placement(in: T.backend)?.passedThrough.contains(T.screen) == true)
        #expect(ws.consistencyProblems().isEmpty)

        try ws.removeStage(T.screen, from: .job(T.backend), movingCandidatesTo: T.applied, by: T.ada, now: T.now)

        #expect(ws.candidates[T.alice]?.placement(in: T.backend)?.passedThrough.contains(T.screen) == false)
        #expect(ws.consistencyProblems() == [])
    }

    @Test func candidatesOfARemovedStageKeepNothingPending() throws {
        var ws = T.make()
        try ws.move(.init(candidates: [T.alice], job: T.backend, target: T.interview, mover: T.ada), choice: .runActions, grace: 0, now: T.now)
        ws.advanceRuns(now: T.now)
        let waiting = ws.emails.filter { $0.candidate == T.alice && $0.status == .scheduled }
        #expect(!waiting.isEmpty, "the interview stage schedules a delayed reminder")

        try ws.removeStage(T.interview, from: .job(T.backend), movingCandidatesTo: T.screen, by: T.ada, now: T.now)

        #expect(ws.emails.filter { $0.candidate == T.alice && $0.status == .scheduled }.isEmpty)
        #expect(ws.candidates[T.alice]?.placement(in: T.backend)?.stage == T.screen)
        #expect(ws.actionRuns.filter { $0.candidate == T.alice }.allSatisfy { $0.isFinished })
        #expect(ws.consistencyProblems() == [])
    }
}
