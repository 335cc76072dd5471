import Foundation
import StagehandCore
import Testing
@testable import StagehandBoard

/// The bulk move dialog says who moves, who stays and why, and which pending
/// actions the move cancels, and offers only the choices that mean something.
@Suite struct BulkDialogTests {
    typealias F = BoardFixture

    func dialogText(_ state: BoardState) -> String {
        F.lines(state).map { $0.replacingOccurrences(of: "│", with: " ").trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
    }

    @Test func itNamesWhoMovesAndWhoStaysAndWhy() throws {
        var state = F.state()
        let job = try #require(state.job)
        let cards = state.cards(inStage: 0)
        let disqualified = cards.filter { $0.placement(in: job.id)?.disqualification != nil }
        try #require(!disqualified.isEmpty, "the sample's Applied column holds someone disqualified")
        F.press(["1", "V", "m", .right, .enter], &state)
        let dialog = try F.moveDialog(state)
        #expect(dialog.plan.staying.map(\.candidate) == disqualified.map(\.id))
        let text = dialogText(state)
        #expect(text.contains("Move \(cards.count - disqualified.count) of \(cards.count) candidates to"))
        #expect(text.contains("Staying where they are"))
        for person in disqualified { #expect(text.contains("\(person.name) (disqualified)")) }
        #expect(text.contains("Moving: "))
    }

    @Test func itSaysWhoHasBeenInTheStageBeforeAndWouldGetItsActionsAgain() throws {
        var state = F.state()
        let job = try #require(state.job)
        // Everyone in Phone screen came from Applied, whose actions would run for them a second time.
        let back = state.cards(inStage: 1).filter { $0.placement(in: job.id)?.disqualification == nil }
        try #require(back.count >= 2 && job.pipeline[0].hasActions)
        F.press(["2", "V", "m", .left, .enter], &state)
        let text = dialogText(state)
        #expect(text.contains("All of them were in \(job.pipeline[0].name) before; [r] runs"))

        var forward = F.state()
        F.press(["1", "V", "m", .right, .enter], &forward)
        #expect(!dialogText(forward).contains("before; [r]"), "nobody in Applied was in Phone screen before")
    }

    @Test func itSaysThatDelayedEmailsCanStillBeCancelledWhileTheyWait() throws {
        var state = F.state()
        let job = try #require(state.job)
        let delayed = job.pipeline[2].actions.contains { if case .sendEmail(let email) = $0 { email.delay != nil } else { false } }
        try #require(delayed, "the sample's Interview sends a delayed email")
        F.press(["2", "V", "m", .right, .enter], &state)
        let text = dialogText(state).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("[c] cancels the delayed emails while they wait"), "\(text)")
        #expect(!text.contains("the actions cannot be cancelled."))
    }

    @Test func twoSelectedOfWhomOneIsDisqualifiedStillAskFirst() throws {
        var state = F.state()
        let job = try #require(state.job)
        let cards = state.cards(inStage: 0)
        let disqualified = try #require(cards.first { $0.placement(in: job.id)?.disqualification != nil })
        let other = try #require(cards.first { $0.placement(in: job.id)?.disqualification == nil })
        state.selection = [disqualified.id, other.id]
        let effects = F.press(["m", .right, .enter], &state)
        #expect(effects.isEmpty, "nothing moves before the answer")
        let dialog = try F.moveDialog(state)
        #expect(dialog.plan.moves.map(\.candidate) == [other.id] && dialog.plan.staying.map(\.candidate) == [disqualified.id])
        #expect(dialogText(state).contains("Move 1 of 2 candidates to"))
    }

    @Test func itSaysWhichPendingActionsItCancelsAndForWhom() throws {
        var state = F.state()
        let job = try #require(state.job)
        let target = try #require(F.firstStageWithActions(in: state))
        let movers = state.cards(inStage: 0).filter { $0.placement(in: job.id)?.disqualification == nil }.prefix(2).map(\.id)
        // Moved a moment ago: their actions wait out the grace period, pending.
        _ = try F.moved(MoveRequest(candidates: movers, job: job.id, target: job.pipeline[target].id, mover: state.me!), choice: .runActions, in: &state, grace: 60)
        state.selection = Set(movers)
        F.press([.character(Character(String(target + 1))), "L"], &state)
        let dialog = try F.moveDialog(state)
        let pending = dialog.plan.moves.flatMap { move in move.cancels.map { (move.candidate, $0.summary) } }
        try #require(!pending.isEmpty)
        let text = dialogText(state).replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Cancels \(counted(pending.count, "pending action")):"))
        let (candidate, summary) = pending[0]
        #expect(text.contains(String(summary.prefix(20))) && text.contains("for \(state.workspace.name(of: candidate))"))
    }

    @Test func aStageWithoutActionsIsNotOfferedToRunThem() throws {
        var state = F.state()
        let job = try #require(state.job)
        let quiet = try #require(job.pipeline.indices.first { $0 > 0 && !job.pipeline[$0].hasActions })
        F.press(["1", " ", " ", "m"] + Array(repeating: .right, count: quiet) + [.enter], &state)
        let dialog = try F.moveDialog(state)
        #expect(dialog.choices == [.withoutActions, .cancel])
        let text = dialogText(state)
        #expect(!text.contains("[r]") && text.contains("[w] Move") && text.contains("has no automatic actions"))
        #expect(dialog.highlighted == .cancel, "Enter still cancels")
        let bar = try #require(F.lines(state).last)
        #expect(!bar.contains("run actions") && bar.contains("w move"), "the bar offers what the dialog does: \(bar)")
        #expect(F.press(["r"], &state).isEmpty, "r moves nobody into a stage with nothing to run")
        #expect(state.keyMode == .moveDialog)
    }

    @Test func onAShortTerminalTheChoicesStayInView() throws {
        var state = F.state(width: 80, height: 24)
        let job = try #require(state.job)
        let everyone = job.pipeline.indices.flatMap { state.cards(inStage: $0) }
            .filter { $0.placement(in: job.id)?.disqualification == nil && $0.placement(in: job.id)?.stage != job.pipeline[2].id }
        state.selection = Set(everyone.map(\.id))
        F.press(["3", "m", .right, .enter], &state)
        _ = try F.moveDialog(state)
        let text = dialogText(state)
        for choice in ["[r] Move and run actions", "[w] Move without actions", "[Esc] Back"] {
            #expect(text.contains(choice), "\(choice) is off the screen:\n\(text)")
        }
    }
}
