import Foundation
import StagehandCore
import Testing
@testable import StagehandBoard

/// Issue 18 on the board: ⏱ beside ⚡ on a stage with actions on time in stage,
/// the card's next one, the carry preview and the bulk dialog saying what runs
/// later, the profile and the Scheduled view listing them to run now or cancel.
@Suite struct TimedActionBoardTests {
    typealias F = BoardFixture
    static let stale = AutomaticAction.addTags(.init(tags: ["stale"]))

    /// The sample's iOS job with "after 2 days: tag stale" on Phone screen, and the
    /// first Applied candidate carried there by Ana, with actions.
    static func state(width: Int = 120, height: Int = 35) throws -> (state: BoardState, moved: CandidateID, stage: Int) {
        var state = F.state(width: width, height: height)
        let job = try #require(state.job)
        let me = try #require(state.me)
        var workspace = state.workspace
        try workspace.addAction(Self.stale, after: .init(2, .days), to: .stage(.job(job.id), job.pipeline[1].id), by: me)
        let moved = try #require(workspace.columns(of: job.id)[job.pipeline[0].id]?.first)
        try workspace.move(MoveRequest(candidates: [moved], job: job.id, target: job.pipeline[1].id, mover: me), choice: .runActions, grace: 0, now: F.now)
        _ = Board.update(&state, .workspaceChanged(workspace))
        return (state, moved, 1)
    }

    @Test func theStageShowsATimerBesideTheBoltAndTheCardWhenItsNextOneFallsDue() throws {
        let (state, moved, _) = try Self.state()
        let lines = F.lines(state)
        #expect(lines[1].contains("2 Phone screen ⚡ ⏱"), "\(lines[1])")
        let name = try #require(state.workspace.candidates[moved]?.name)
        let row = try #require(lines.firstIndex { $0.contains(name) })
        #expect(lines[row + 1].contains("⏱2d"), "\(lines[row + 1])")
        expectSnapshot(Board.render(state).text, named: "board-timed-actions")
    }

    @Test func aStageWhoseOnlyActionsWaitStillShowsTheBolt() throws {
        var state = F.state(width: 180, height: 40)
        let job = try #require(state.job)
        let hired = try #require(job.pipeline.last)
        try #require(hired.actions.isEmpty && hired.timedActions.isEmpty)
        var workspace = state.workspace
        try workspace.addAction(Self.stale, after: .init(3, .days), to: .stage(.job(job.id), hired.id), by: try #require(state.me))
        _ = Board.update(&state, .workspaceChanged(workspace))
        #expect(F.lines(state)[1].contains("\(job.pipeline.count) \(hired.name) ⚡ ⏱"), "\(F.lines(state)[1])")
    }

    @Test func inASCIIItIsAnAt() throws {
        var (state, _, _) = try Self.state()
        state.symbols = .ascii
        #expect(F.lines(state)[1].contains("2 Phone screen * @"))
    }

    @Test func carryingThereSaysWhatRunsLater() throws {
        var (state, _, stage) = try Self.state()
        F.press([.character("1"), .character("m"), .right], &state)
        let text = Board.render(state).text
        #expect(text.contains("⏱ Later, while"), "\(text)")
        #expect(text.contains("after 2 days: Tag"))
        #expect(stage == 1)
    }

    @Test func carryingOneCardFillsTheNotesPlaceholdersForThatCandidateAndSeveralLeaveThemAsWritten() throws {
        var state = F.state(width: 160, height: 45)
        let job = try #require(state.job)
        let me = try #require(state.me)
        var workspace = state.workspace
        let target = job.pipeline[1].id
        try workspace.addAction(.addNote(.init(text: "Met {{candidate.name}}")), to: .stage(.job(job.id), target), by: me)
        try workspace.addAction(.addNote(.init(text: "Stale {{candidate.name}}")), after: .init(3, .days), to: .stage(.job(job.id), target), by: me)
        _ = Board.update(&state, .workspaceChanged(workspace))
        let first = try #require(state.cards(inStage: 0).first)
        F.press([.character("1"), .character("m"), .right], &state)
        // The preview's column is narrow: "Note 'Met Peter" ends one of its lines.
        let firstName = try #require(first.name.split(separator: " ").first)
        var text = Board.render(state).text
        #expect(text.contains("Note 'Met \(firstName)") && text.contains("Note 'Stale \(firstName)"), "\(text)")
        #expect(!text.contains("{{"), "\(text)")
        F.press([.escape, .character("1"), .character(" "), .character(" "), .character("m"), .right, .enter], &state)
        text = Board.render(state).text
        #expect(text.contains("Note 'Met {{candidate.name}}'"), "each of several gets their own: \(text)")
    }

    @Test func aPlanLongerThanTheColumnSaysHowMuchItLeavesOut() throws {
        var (state, _, _) = try Self.state(width: 80, height: 16)
        F.press([.character("1"), .character("m"), .right], &state)
        let text = Board.render(state).text
        #expect(text.contains("more line"), "\(text)")
    }

    @Test func theBulkDialogSaysWhatRunsOnEntryAndWhatLater() throws {
        var (state, _, _) = try Self.state()
        F.press([.character("1"), .character(" "), .character(" "), .character("m"), .right, .enter], &state)
        let text = Board.render(state).text
        #expect(text.contains("Phone screen will run:"))
        #expect(text.contains("⏱ Later, while still in Phone screen:"))
        #expect(text.contains("after 2 days: Tag stale"))
        expectSnapshot(text, named: "bulk-confirmation-timed")
    }

    @Test func theProfileListsWhatWaits() throws {
        var (state, moved, _) = try Self.state()
        state.mode = .profile(moved, PageCursor(), back: .board)
        let text = Board.render(state).text
        #expect(text.contains("Waiting for their time in the stage"))
        #expect(text.contains("2026-11-27 09:00 ⏱ Tag stale — if still in Phone screen"), "\(text)")
    }

    @Test func scheduledListsItToRunNowOrCancelAfterAQuestion() throws {
        var (state, moved, _) = try Self.state()
        F.press([.character("s")], &state)
        let rows = state.scheduledList
        let index = try #require(rows.firstIndex { if case .timed(let run) = $0 { run.candidate == moved } else { false } })
        guard case .timed(let run) = rows[index] else { return }
        #expect(Board.render(state).text.contains("⏱ Tag stale"))
        F.press(Array(repeating: .character("j"), count: index), &state)
        let name = state.workspace.name(of: moved)
        #expect(F.press([.character("n")], &state).isEmpty, "asks first")
        #expect(Board.render(state).text.contains("Run Tag stale for \(name) now, before its time?"))
        #expect(F.press([.character("y")], &state) == [.change(.runTimedNow([run.id]), grace: nil)])
        #expect(F.press([.character("x"), .character("y")], &state) == [.change(.cancelTimed([run.id]), grace: nil)])
        #expect(F.press([.character("r")], &state).isEmpty)
        #expect(state.status?.text == "Only a failed or unknown email can be retried")
    }

    @Test func theEditorListsThemWithTheirTime() throws {
        var (state, _, _) = try Self.state()
        F.press([.character("2"), .character("a")], &state)
        let text = Board.render(state).text
        #expect(text.contains("⏱ After 2 days in the stage: Tag stale"), "\(text)")
        #expect(text.contains("⏱ ones once the candidate has been there that long"))
    }
}
