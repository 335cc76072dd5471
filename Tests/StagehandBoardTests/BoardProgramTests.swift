import Foundation
import StagehandCore
import Testing
@testable import StagehandBoard

@Suite struct BoardProgramTests {
    private let start = Date(timeIntervalSince1970: 1_000)

    @MainActor @Test func theLoopWaitsUntilWhatIsDueAndNeverLessThanNothing() {
        #expect(abs(BoardProgram.wait(until: start + 0.25, now: start + 0.2) - 0.05) < 0.0001)
        #expect(BoardProgram.wait(until: .distantPast, now: start) == 0)
    }

    @MainActor @Test func anUntouchedBoardTicksOnceAMinuteAndOneWithRunsUnderWayFiveTimesASecond() throws {
        try BoardFixture.withRunner(on: BoardFixture.workspace(), as: "ana") { runner in
            let program = BoardProgram(
                screen: MemoryScreen(width: 120, height: 35), runner: runner, clock: .fixed(BoardFixture.now), me: "ana", theme: .defaultDark)
            let last = Date(timeIntervalSinceReferenceDate: 600 + 12.5)
            #expect(program.nextTick(after: last) == Date(timeIntervalSinceReferenceDate: 660), "idle: at the next whole minute")
            program.send(.input(.key("L")))
            #expect(program.state.hasWorkInFlight, "the move started its actions")
            #expect(program.nextTick(after: last) == last + BoardProgram.tickInterval)
        }
    }
}

/// The program's own loop, on a terminal in memory: what runs in a real terminal,
/// without one.
@MainActor @Suite struct BoardProgramLoopTests {
    func runBoard(_ input: [InputEvent], width: Int = 120, height: Int = 35) throws -> (MemoryScreen, Workspace) {
        try BoardFixture.withRunner(on: BoardFixture.workspace(), as: "ana") { runner in
            let screen = MemoryScreen(width: width, height: height, input: input)
            BoardProgram(screen: screen, runner: runner, clock: .fixed(BoardFixture.now), me: "ana", theme: .defaultDark).run()
            return (screen, try runner.store.load())
        }
    }

    func keys(_ keys: Key...) -> [InputEvent] { keys.map(InputEvent.key) }

    @Test func aCardCarriedAndDroppedMovesAndItsRunFinishesWhenTheBoardQuits() throws {
        let before = BoardFixture.state()
        let peter = try #require(before.focused)
        let job = try #require(before.job)
        let (screen, workspace) = try runBoard(keys("m", .right, .enter, "q"))
        #expect(screen.frames.first?.text.contains("1 Applied") == true, "the first frame is drawn before any key")
        #expect(screen.frames.contains { $0.text.contains("Drop card here") })
        #expect(screen.frames.contains { $0.text.contains("[c] Cancel") }, "the progress pane opens")
        #expect(workspace.candidates[peter]?.placement(in: job.id)?.stage == job.pipeline[1].id)
        let actions = try #require(workspace.actionRuns.first { $0.candidate == peter })
        #expect(actions.isFinished, "quitting finishes the immediate actions of a run not cancelled")
    }

    @Test func aResizeIsDrawnAtTheNewSizeAndAClosedTerminalEndsTheProgram() throws {
        let (screen, _) = try runBoard([.resize(width: 70, height: 20)])
        let last = try #require(screen.frames.last)
        #expect(last.width == 70 && last.height == 20)
        #expect(screen.frames.count >= 2, "drawn at the first size, then at the new one")
    }

    @Test func cancellingDuringTheGracePeriodLeavesTheCandidateMovedAndNothingRun() throws {
        let before = BoardFixture.state()
        let peter = try #require(before.focused)
        let (_, workspace) = try runBoard(keys("L", "c", "q"))
        let actions = try #require(workspace.actionRuns.first { $0.candidate == peter })
        #expect(actions.steps.allSatisfy { $0.state == .cancelled })
    }
}

/// A board draws its first frame before it reads the emails, which no card shows.
@MainActor @Suite struct BoardOpeningTests {
    @Test func theFirstFrameDrawnBeforeTheEmailsAreReadIsTheOneDrawnAfter() throws {
        let sample = SampleWorkspace.make(now: BoardFixture.now, currentLogin: "ana")
        try #require(!sample.emails.isEmpty)
        try BoardFixture.withRunner(on: sample, as: "ana") { runner in
            let staged = try runner.store.loadInStages()
            #expect(staged.withoutEmails.emails.isEmpty, "the sample's snapshot is sealed and indexed")
            let screen = MemoryScreen(width: 160, height: 45, input: [.key("q")])
            let program = BoardProgram(
                screen: screen, runner: runner, clock: .fixed(BoardFixture.now), me: "ana", theme: .defaultDark,
                workspace: staged.withoutEmails)
            try program.open(staged)
            #expect(program.state.workspace.emails.count == sample.emails.count, "the rest arrived before any key")
            program.run()
            let frames = screen.frames.map(\.text)
            #expect(frames.count >= 2)
            #expect(Set(frames).count == 1, "no card changes when the emails arrive")
        }
    }
}
