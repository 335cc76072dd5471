import Foundation
import StagehandCore
import Testing
@testable import StagehandBoard

@Suite struct UpdateTests {
    @Test func arrowsAndVimKeysMoveFocusBetweenColumnsAndCards() throws {
        var state = BoardFixture.state()
        let first = state.focused
        BoardFixture.press([.down], &state)
        #expect(state.focused != first)
        BoardFixture.press([.character("k")], &state)
        #expect(state.focused == first)
        BoardFixture.press([.right], &state)
        #expect(state.stageIndex == 1)
        BoardFixture.press([.character("h")], &state)
        #expect(state.stageIndex == 0)
        BoardFixture.press([.character("3")], &state)
        #expect(state.stageIndex == 2)
        BoardFixture.press([.character("G")], &state)
        #expect(state.focused == state.cards(inStage: 2).last?.id)
        BoardFixture.press([.character("g")], &state)
        #expect(state.focused == state.cards(inStage: 2).first?.id)
    }

    @Test func tabAndBracketsSwitchJobs() {
        var state = BoardFixture.state()
        let jobs = state.workspace.setup.jobs.count
        BoardFixture.press([.tab], &state)
        #expect(state.jobIndex == 1)
        BoardFixture.press([.character("]")], &state)
        #expect(state.jobIndex == 2 % jobs)
        BoardFixture.press([.backTab, .character("[")], &state)
        #expect(state.jobIndex == 0)
    }

    @Test func carryingAndDroppingMovesTheFocusedCardWithTheGracePeriod() throws {
        var state = BoardFixture.state()
        let candidate = try #require(state.focused)
        let job = try #require(state.job)
        BoardFixture.press([.character("m"), .right], &state)
        #expect(state.mode == .carrying(Carry(candidates: [candidate], fromStage: 0, targetStage: 1)))
        let effects = BoardFixture.press([.enter], &state)
        let request = MoveRequest(candidates: [candidate], job: job.id, target: job.pipeline[1].id, mover: state.me!, letsSomeStay: true)
        #expect(effects == [.change(.move(request, choice: nil), grace: 3)])
        #expect(state.mode == .board)
        #expect(state.stageIndex == 1 && state.focused == candidate)
    }

    @Test func escapePutsTheCardBackAndNothingMoves() {
        var state = BoardFixture.state()
        let effects = BoardFixture.press([.character("m"), .right, .right, .escape], &state)
        #expect(effects.isEmpty)
        #expect(state.mode == .board && state.stageIndex == 0)
    }

    @Test func shiftMovesOneStageAtOnce() throws {
        for key in [Key.character("L"), .shiftRight, .character(">")] {
            var state = BoardFixture.state()
            let move = try BoardFixture.move(in: BoardFixture.press([key], &state))
            #expect(move.request.target == state.job!.pipeline[1].id && move.choice == nil, "\(key)")
        }
    }

    @Test func lWithASelectionOverTwoStagesRefusesAndNamesThemAndOneStageMovesFromItsOwn() throws {
        var state = BoardFixture.state()
        BoardFixture.press(["1", "G", " ", "2", "g", " "], &state)
        #expect(state.selection.count == 2)
        #expect(BoardFixture.press(["L"], &state).isEmpty)
        let first = state.job!.pipeline[0].name, second = state.job!.pipeline[1].name
        #expect(state.status?.text.hasPrefix("The selected cards are in 2 stages (\(first), \(second))") == true, "\(state.status?.text ?? "")")
        #expect(state.mode == .board)

        var single = BoardFixture.state()
        BoardFixture.press(["1", "g", " ", "3"], &single)
        let effects = BoardFixture.press(["L"], &single)
        let target = effects.isEmpty ? try BoardFixture.moveDialog(single).plan.target : try BoardFixture.move(in: effects).request.target
        #expect(target == single.job!.pipeline[1].id, "one stage on from the card's own stage, not the focused column")
    }

    @Test func aSelectionGoesThroughTheBulkConfirmation() throws {
        var state = BoardFixture.state()
        BoardFixture.press([.character(" "), .character(" ")], &state)
        #expect(state.selection.count == 2)
        BoardFixture.press([.character("L")], &state)
        let dialog = try BoardFixture.moveDialog(state)
        #expect(dialog.question == .bulk && dialog.plan.moves.count == 2)
        let move = try BoardFixture.move(in: BoardFixture.press([.character("w")], &state))
        #expect(move.request.candidates.count == 2 && move.choice == .withoutActions)
        #expect(move.grace == nil, "a bulk move runs at once: it cannot be cancelled")
        #expect(state.bulkProgress == BulkProgress(done: 0, total: 2))
    }

    @Test func selectingAColumnAndClearingIt() {
        var state = BoardFixture.state()
        BoardFixture.press([.character("V")], &state)
        #expect(state.selection.count == state.cards(inStage: 0).count)
        BoardFixture.press([.escape], &state)
        #expect(state.selection.isEmpty)
    }

    @Test func revisitDialogOffersRunAgainWithoutOrCancel() throws {
        var state = BoardFixture.state()
        let target = try #require(BoardFixture.firstStageWithActions(in: state))
        BoardFixture.press([.character(Character(String(target + 2)))], &state)
        BoardFixture.press([.character("H")], &state)
        #expect(try BoardFixture.moveDialog(state).question == .revisit)
        var cancelled = state
        #expect(BoardFixture.press([.escape], &cancelled).isEmpty)
        #expect(cancelled.mode == .board)
        var again = state
        #expect(try BoardFixture.move(in: BoardFixture.press([.character("r")], &again)).choice == .runActions)
        var without = state
        #expect(try BoardFixture.move(in: BoardFixture.press([.up, .enter], &without)).choice == .withoutActions)
        var cancelledByEnter = state
        #expect(BoardFixture.press([.enter], &cancelledByEnter).isEmpty, "Enter alone takes the safe choice: cancel")
        #expect(cancelledByEnter.mode == .board && cancelledByEnter.status?.text == "Move cancelled; nothing changed")
    }

    @Test func filterNarrowsCardsAndEscapeClearsIt() throws {
        var state = BoardFixture.state()
        let name = try #require(state.cards(inStage: 0).last?.name)
        BoardFixture.press([.character("/")] + BoardFixture.keys(String(name.prefix(5))), &state)
        #expect(state.cards(inStage: 0).allSatisfy { $0.name.lowercased().contains(name.prefix(5).lowercased()) })
        BoardFixture.press([.escape], &state)
        #expect(state.filter.isEmpty)
    }

    @Test func hiringManagerCannotPickUpCards() {
        var state = BoardFixture.state(login: "dev")
        let effects = BoardFixture.press([.character("m"), .character("L")], &state)
        #expect(effects.isEmpty && state.mode == .board)
        #expect(state.status?.kind == .error)
    }

    @Test func cancelKeyCancelsTheShownRunUntilItFinishes() throws {
        var state = BoardFixture.state()
        let candidate = try #require(state.focused)
        let job = try #require(state.job)
        let outcome = try BoardFixture.moved(
            MoveRequest(candidates: [candidate], job: job.id, target: job.pipeline[1].id, mover: state.me!), in: &state)
        let run = try #require(outcome.runs.first)
        #expect(BoardFixture.press([.character("c")], &state) == [.change(.cancelRuns([run]), grace: nil)])
    }

    @Test func ticksAdvanceRunsOnlyAfterTheGracePeriodAndThePaneCloses() throws {
        var state = BoardFixture.state()
        let candidate = try #require(state.focused)
        let job = try #require(state.job)
        let target = try #require(job.pipeline.indices.first { $0 > 0 && job.pipeline[$0].hasActions })
        let outcome = try BoardFixture.moved(
            MoveRequest(candidates: [candidate], job: job.id, target: job.pipeline[target].id, mover: state.me!), in: &state)
        #expect(Board.update(&state, .tick(BoardFixture.now.addingTimeInterval(1))).isEmpty)
        #expect(Board.update(&state, .tick(BoardFixture.now.addingTimeInterval(3))) == [.advance(outcome.runs)])
        state.workspace.advanceRuns(now: BoardFixture.now.addingTimeInterval(3), ignoringGrace: true)
        for id in state.workspace.actionRuns.ids {
            state.workspace.actionRuns.modify(id) { run in
                for index in run.steps.indices where !run.steps[index].state.isFinished { run.steps[index].state = .done }
            }
        }
        _ = Board.update(&state, .tick(BoardFixture.now.addingTimeInterval(4)))
        #expect(state.shownBatch != nil)
        _ = Board.update(&state, .tick(BoardFixture.now.addingTimeInterval(9)))
        #expect(state.shownBatch == nil)
    }

    @Test func undoAsksForTheInverseOfTheLastMove() throws {
        var state = BoardFixture.state()
        let candidate = try #require(state.focused)
        let job = try #require(state.job)
        let outcome = try BoardFixture.moved(
            MoveRequest(candidates: [candidate], job: job.id, target: job.pipeline[1].id, mover: state.me!), in: &state)
        let undo = try #require(outcome.undo)
        #expect(undo.previous[candidate]?.stage == job.pipeline[0].id)
        #expect(BoardFixture.press([.character("u")], &state) == [.change(.undo(undo), grace: nil)])
        #expect(BoardFixture.press([.character("u")], &state).isEmpty)
        #expect(state.status?.text == "Nothing to undo")
    }

    @Test func mouseDragCarriesACardToAnotherColumn() throws {
        var state = BoardFixture.state()
        let layout = state.layout
        let candidate = try #require(state.cards(inStage: 0).first?.id)
        _ = Board.update(&state, .input(.mouse(MouseEvent(action: .press, x: 3, y: layout.cardsTop))))
        #expect(state.focused == candidate)
        let x = try #require(layout.columnX(1)) + 3
        _ = Board.update(&state, .input(.mouse(MouseEvent(action: .drag, x: x, y: layout.cardsTop + 4))))
        let effects = Board.update(&state, .input(.mouse(MouseEvent(action: .release, x: x, y: layout.cardsTop + 4))))
        let request = try BoardFixture.move(in: effects).request
        #expect(request.candidates == [candidate] && request.target == state.job!.pipeline[1].id)
    }

    @Test func anotherProcessMovingTheFocusedCandidateKeepsFocusOnThem() throws {
        var state = BoardFixture.state()
        let candidate = try #require(state.focused)
        var changed = state.workspace
        let job = try #require(state.job)
        try changed.move(
            MoveRequest(candidates: [candidate], job: job.id, target: job.pipeline[2].id, mover: state.me!),
            choice: .withoutActions, grace: 0, now: BoardFixture.now)
        _ = Board.update(&state, .workspaceChanged(changed))
        #expect(state.focused == candidate && state.stageIndex == 2)
    }

    @Test func everyKeyInTheSpecIsBound() {
        let keys: [Key] = [
            .left, .right, .up, .down, .character("h"), .character("l"), .character("k"), .character("j"), .tab, .backTab,
            .character("]"), .character("["), .character(" "), .character("m"), .character("L"), .character("H"),
            .shiftRight, .shiftLeft, .character(">"), .character("<"), .character("g"), .character("G"), .character("V"),
            .escape, .character("c"), .enter, .character("a"), .character("d"), .character("i"), .character("s"),
            .character("/"), .character("u"), .character("?"), .character("R"), .character("q"), .control("c"),
        ] + (1...9).map { .character(Character(String($0))) }
        for key in keys { #expect(KeyMap.board.command(for: key) != nil || KeyMap.anywhere.command(for: key) != nil, "\(key) is not bound") }
    }

    @Test func quitEndsTheProgram() {
        var state = BoardFixture.state()
        #expect(BoardFixture.press([.character("q")], &state) == [.quit])
        #expect(state.quitting)
    }
}

@Suite struct ProfileMoveTests {
    @Test func theProfileMovesItsCandidateAndStaysOpen() throws {
        var state = BoardFixture.state()
        let candidate = try #require(state.focused)
        BoardFixture.press([.enter], &state)
        let move = try BoardFixture.move(in: BoardFixture.press([.character("L")], &state))
        #expect(move.request.candidates == [candidate] && move.request.target == state.job!.pipeline[1].id && move.choice == nil)
        #expect(state.mode == .profile(candidate, PageCursor(), back: .board))
    }
}
