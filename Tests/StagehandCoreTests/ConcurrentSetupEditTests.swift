import Foundation
import Testing
@testable import StagehandCore

/// Two people edit the same list of actions: a change made against a list that has
/// changed since is refused, never applied to whatever now sits at that place.
@Suite struct ConcurrentSetupEditTests {
    typealias T = TestWorkspace
    static let owner = ActionOwner.stage(.job(T.backend), T.interview)

    /// Someone else removed the first action after this person opened it.
    static func workspaceWhereTheFirstActionWasRemoved() throws -> (Workspace, seen: AutomaticAction) {
        var ws = T.make()
        let seen = try #require(ws.actions(of: owner)?.first)
        try ws.apply(.removeAction(owner: owner, index: 0), by: T.ada, now: T.now)
        return (ws, seen)
    }

    @Test func savingAnEditedActionThatWasRemovedMeanwhileIsRefused() throws {
        var (ws, seen) = try Self.workspaceWhereTheFirstActionWasRemoved()
        let before = ws
        var draft = ActionDraft(seen, in: ws)
        draft.delay = "2h"
        #expect(throws: StagehandError.self) {
            try ws.apply(.saveAction(draft, owner: Self.owner, replacing: 0, expecting: StageAction(seen)), by: T.ada, now: T.now)
        }
        #expect(ws == before, "the action now first is not overwritten")
    }

    @Test func removingOrMovingAnActionThatMovedMeanwhileIsRefused() throws {
        var (ws, seen) = try Self.workspaceWhereTheFirstActionWasRemoved()
        let before = ws
        let refusal = "Someone changed the actions of Interview (Backend Engineer) meanwhile, so nothing was saved: look at the list again and redo your change."
        #expect(throws: StagehandError.invalidAction(refusal)) {
            try ws.apply(.removeAction(owner: Self.owner, index: 0, expecting: StageAction(seen)), by: T.ada, now: T.now)
        }
        #expect(throws: StagehandError.invalidAction(refusal)) {
            try ws.apply(.moveAction(owner: Self.owner, from: 0, to: 1, expecting: StageAction(seen)), by: T.ada, now: T.now)
        }
        #expect(ws == before)
    }

    @Test func anUnchangedListTakesTheChange() throws {
        var ws = T.make()
        let actions = try #require(ws.actions(of: Self.owner))
        try ws.apply(.moveAction(owner: Self.owner, from: 0, to: 1, expecting: StageAction(actions[0])), by: T.ada, now: T.now)
        #expect(ws.actions(of: Self.owner) == [actions[1], actions[0]] + actions.dropFirst(2))
    }
}
