import Foundation
import StagehandCore
import Testing
@testable import StagehandBoard

/// One snapshot per screen, at the sizes people use. The text is what a person reads.
@Suite struct ScreenSnapshotTests {
    @Test func board() {
        expectSnapshot(Board.render(BoardFixture.state()).text, named: "board-120x35")
    }

    @Test func boardAtMinimumSize() {
        expectSnapshot(Board.render(BoardFixture.state(width: 60, height: 16)).text, named: "board-60x16")
    }

    @Test func aLongStatusRisesOverTheRowsAboveRatherThanLoseItsEnd() throws {
        var state = BoardFixture.state(width: 80, height: 24)
        let sentence = StateFileError.damaged(
            path: "/srv/stagehand/northwind/state.json", location: TextLocation(line: 2703, column: 22),
            codingPath: "workspace.candidates[2].timeline[0].kind", problem: "\"wibble\" is not one of the values this field takes"
        ).sentence
        state.status = StatusLine(kind: .error, text: sentence)
        let lines = BoardFixture.lines(state)
        let shown = lines.suffix(4).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(shown.hasSuffix("restore a backup (Stagehand left it untouched)."), "the advice at its end shows: \(lines.suffix(4))")
        #expect(shown.contains("line 2703, column 22"))

        state.status = StatusLine(kind: .info, text: "Moved Peter Schmidt to Interview")
        #expect(BoardFixture.lines(state).suffix(2).first?.contains("Moved Peter") == false, "a short one keeps to the last row")
    }

    @Test(arguments: [(80, 24), (60, 16), (120, 35)])
    func theBarAlwaysKeepsHelpAndQuit(_ width: Int, _ height: Int) throws {
        let bar = try #require(BoardFixture.lines(BoardFixture.state(width: width, height: height)).last)
        #expect(bar.contains("? help") && bar.contains("q quit"), "\(width)×\(height): \(bar)")
    }

    @Test func tooSmall() {
        expectSnapshot(Board.render(BoardFixture.state(width: 50, height: 12)).text, named: "too-small")
    }

    @Test(arguments: [(1, 1), (1, 30), (2, 5), (3, 3)])
    func aWindowOfAColumnOrTwoStillDraws(_ width: Int, _ height: Int) {
        // Before, a window one column wide made the wrapping of "Terminal too small" recurse forever.
        let lines = BoardFixture.lines(BoardFixture.state(width: width, height: height))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(lines)")
    }

    @Test func aVerySmallWindowStillReadsTheSizeNeededWhole() {
        let text = Board.render(BoardFixture.state(width: 30, height: 8)).text
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Terminal too small (need 60×16, have 30×8): enlarge the window."), "\(text)")
        #expect(words.contains("Press q to quit."))
        #expect(!text.contains("…"))
    }

    @Test func qOnTheTooSmallScreenWaitsWhileTextIsBeingTypedAndQuitsOtherwise() {
        var state = BoardFixture.state()
        BoardFixture.press(["/"] + BoardFixture.keys("ab"), &state)
        _ = Board.update(&state, .input(.resize(width: 50, height: 12)))
        #expect(Board.render(state).text.contains("What you are typing waits for it; Ctrl-C quits."))
        BoardFixture.press(["q"], &state)
        #expect(!state.quitting, "q would lose the filter being typed")
        _ = Board.update(&state, .input(.resize(width: 120, height: 35)))
        #expect(state.filter == "ab" && state.mode == .filtering)

        BoardFixture.press([.enter], &state)
        _ = Board.update(&state, .input(.resize(width: 50, height: 12)))
        #expect(Board.render(state).text.contains("Press q to quit."))
        BoardFixture.press(["q"], &state)
        #expect(state.quitting, "on the board itself q quits as the screen says")
    }

    @Test func asciiMode() {
        let text = Board.render(BoardFixture.state(unicode: false)).text
        let allASCII = text.allSatisfy { $0.isASCII }
        #expect(allASCII)
        expectSnapshot(text, named: "board-ascii")
    }

    @Test func aCutTagKeepsItsSpaceBeforeTheTimeInStageInASCII() throws {
        var state = BoardFixture.state(unicode: false)
        let focused = try #require(state.focused)
        var workspace = state.workspace
        try workspace.tag(focused, adding: ["take-home-exercise-for-the-senior-role"], removing: [], by: try #require(state.me), now: BoardFixture.now)
        state.workspace = workspace
        let line = try #require(Board.render(state).text.split(separator: "\n").first { $0.contains("#take-") })
        #expect(line.contains("~ "), "the cut tag ends with ~ and a space before the time in stage: \(line)")
    }

    @Test func carrying() {
        var state = BoardFixture.state()
        BoardFixture.press([.character("m"), .right], &state)
        expectSnapshot(Board.render(state).text, named: "carrying")
    }

    @Test func theDropPreviewCoversWholeCardsOnly() throws {
        for height in 24...36 {
            var state = BoardFixture.state(width: 100, height: height)
            BoardFixture.press([.character("m"), .right], &state)
            guard case .carrying(let carry) = state.mode, let job = state.job else {
                Issue.record("not carrying at \(height) rows")
                return
            }
            let frame = Board.render(state)
            let layout = Layout(width: 100, height: height, stageCount: job.pipeline.count, focusedStage: carry.targetStage)
            // The column's last cell before its divider: the preview fills it, no text reaches it.
            let x = try #require(layout.columnX(carry.targetStage)) + layout.width(ofColumn: carry.targetStage) - 2
            let covered = (layout.cardsTop..<layout.cardsBottom).filter { frame[x, $0].style == state.theme[.pane] }
            let room = layout.cardsBottom - 1 - layout.cardsTop
            #expect(!covered.isEmpty && (covered.count % Layout.cardHeight == 0 || covered.count == room), "at \(height) rows: \(covered)")
        }
    }

    @Test func revisitDialog() throws {
        var state = BoardFixture.state()
        let target = try #require(BoardFixture.firstStageWithActions(in: state))
        BoardFixture.press([.character(Character(String(target + 2)))], &state)
        BoardFixture.press([.character("m"), .left], &state)
        let effects = BoardFixture.press([.enter], &state)
        #expect(effects.isEmpty)
        #expect(try BoardFixture.moveDialog(state).question == .revisit)
        expectSnapshot(Board.render(state).text, named: "revisit-dialog")
    }

    @Test func bulkConfirmation() {
        var state = BoardFixture.state()
        BoardFixture.press([.character(" "), .character(" "), .character(" "), .character("m"), .right, .enter], &state)
        expectSnapshot(Board.render(state).text, named: "bulk-confirmation")
    }

    @Test(arguments: ["running", "done", "failed", "cancelled", "cancelled-midway", "all-skipped"])
    func progressPane(_ outcome: String) throws {
        var state = BoardFixture.state()
        let candidate = try #require(state.focused)
        let job = try #require(state.job)
        let stage = job.pipeline[1]
        let actions = job.pipeline.first { $0.actions.count >= 3 }!.actions
        let states: [StepState] =
            switch outcome {
            case "running": [.done, .running, .pending]
            case "done": [.done, .scheduled(BoardFixture.now.addingTimeInterval(3600)), .skipped("no email address")]
            case "failed": [.done, .failed("connection refused by 127.0.0.1:25"), .done]
            case "cancelled-midway": [.done, .cancelled, .cancelled]
            case "all-skipped": [.skipped("no email address"), .skipped("marked do not email"), .skipped("no email address")]
            default: [.cancelled, .cancelled, .cancelled]
            }
        let run = ActionRun(
            id: "run-test", candidate: candidate, job: job.id, stage: stage.id, trigger: .move, mover: state.me,
            createdAt: BoardFixture.now, startsAt: BoardFixture.now.addingTimeInterval(outcome == "running" ? 2 : 0),
            steps: zip(actions.prefix(3), states).map { ActionStep(action: $0, state: $1) })
        state.workspace.actionRuns.upsert(run)
        state.batches = [RunBatch([run.id])]
        // Which role the pane is drawn in is what tells done, failed and cancelled apart in colour.
        expectSnapshot(
            Board.render(state), named: "pane-\(outcome)",
            layers: [.roles([.pane, .paneBorder, .progressBar, .paneDone, .paneFailed, .paneCancelled])])
    }

    @Test func focusAndSelectionStandOutWithoutColour() {
        var state = BoardFixture.state()
        state.theme = Theme.defaultDark.monochrome
        BoardFixture.press([.character(" "), .right], &state)
        expectSnapshot(Board.render(state), named: "board-no-colour", layers: [.emphasis])
    }

    @Test func profile() {
        var state = BoardFixture.state()
        BoardFixture.press([.enter], &state)
        expectSnapshot(Board.render(state).text, named: "profile")
    }

    @Test func aWrappedEmailBodyLineKeepsItsBarInOneColumn() throws {
        var state = BoardFixture.state(width: 70, height: 200)
        BoardFixture.press([.enter], &state)
        let lines = BoardFixture.lines(state)
        let emails = try #require(lines.firstIndex { $0.contains("Emails, exactly as sent") })
        let body = lines[emails...].filter { $0.contains("│") }
        #expect(body.count > 3, "the profile shows an email body: \(lines)")
        let columns = Set(body.compactMap { line in line.firstIndex(of: "│").map { line.distance(from: line.startIndex, to: $0) } })
        #expect(columns.count == 1, "every body row, wrapped or not, has its bar in one column: \(body)")
    }

    @Test func help() {
        var state = BoardFixture.state()
        BoardFixture.press([.character("?")], &state)
        expectSnapshot(Board.render(state).text, named: "help")
    }

    @Test func myWork() {
        var state = BoardFixture.state()
        BoardFixture.press([.character("i")], &state)
        expectSnapshot(Board.render(state).text, named: "my-work")
    }

    @Test func scheduled() {
        var state = BoardFixture.state()
        BoardFixture.press([.character("s")], &state)
        expectSnapshot(Board.render(state).text, named: "scheduled")
    }

    @Test func automationsReadOnlyForHiringManager() {
        var state = BoardFixture.state(login: "dev")
        BoardFixture.press([.character("a")], &state)
        let text = Board.render(state).text
        #expect(text.contains("Read-only"))
        expectSnapshot(text, named: "automations-read-only")
    }

    @Test func disqualifyReasons() {
        var state = BoardFixture.state()
        BoardFixture.press([.character("d")], &state)
        expectSnapshot(Board.render(state).text, named: "disqualify")
    }
}

@Suite struct SmallHelpTests {
    @Test func helpScrollsOnASmallTerminal() {
        var state = BoardFixture.state(width: 60, height: 16)
        BoardFixture.press([.character("?")], &state)
        let top = Board.render(state).text
        #expect(top.contains("more"))
        BoardFixture.press(Array(repeating: Key.down, count: 400), &state)
        let bottom = Board.render(state).text
        #expect(bottom.contains("click focuses a card"))
        expectSnapshot(bottom, named: "help-60x16-scrolled")
    }
}

/// Issue 19: "↑ N more" above a long column stays inside the column, whole, however many digits N has.
@Suite struct OverflowLabelTests {
    @Test func theCountAboveALongColumnKeepsTheDividerAndAllItsDigits() throws {
        let workspace = SampleWorkspace.makeLarge(candidates: 12_000, jobs: 1, stagesPerJob: 4, timelineEntriesPerCandidate: 0, now: BoardFixture.now)
        var state = BoardState(workspace: workspace, me: "ana", now: BoardFixture.now, width: 120, height: 35)
        BoardFixture.press([.character("G")], &state)
        let lines = BoardFixture.lines(state)
        let row = try #require(lines.firstIndex { $0.contains("more") && $0.contains("↑") })
        let label = try #require(lines[row].firstMatch(of: /↑ (\d+) more/))
        #expect(Int(label.1) ?? 0 > 999, "\(lines[row])")
        let divider = try #require(Array(lines[row + 2]).firstIndex(of: "│"))
        #expect(Array(lines[row]).firstIndex(of: "│") == divider, "the divider stays where it is on the other rows: \(lines[row])")
    }

    @Test func theCountAboveTheLastColumnShownStandsBesideTheStagesHiddenToTheRight() throws {
        var state = BoardFixture.state(width: 60, height: 16)
        BoardFixture.press([.character("2")] + Array(repeating: .character("j"), count: 4), &state)
        let lines = BoardFixture.lines(state)
        #expect(lines[2].contains("more ▸"), "the stages hidden to the right: \(lines[2])")
        #expect(lines[2].contains(/↑ \d+ more/), "the cards scrolled away above the focused column: \(lines[2])")
    }
}
