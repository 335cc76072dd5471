import Foundation
import Testing
@testable import StagehandBoard

@Suite struct BoardProgramTests {
    private let start = Date(timeIntervalSince1970: 1_000)

    @MainActor @Test func theLoopWakesWhenAReloadIsDueNotOnlyOnTicks() {
        // Ticked at 0.2 s, last reloaded at 0: the reload is due at 0.25 s, not at the next tick.
        let wait = BoardProgram.wait(lastTick: start + 0.2, lastReload: start, now: start + 0.2)
        #expect(abs(wait - 0.05) < 0.0001)
    }

    @MainActor @Test func theLoopNeverWaitsLongerThanATickOrLessThanNothing() {
        #expect(BoardProgram.wait(lastTick: .distantPast, lastReload: .distantPast, now: start) == 0)
        #expect(BoardProgram.wait(lastTick: start, lastReload: start + 10, now: start) == BoardProgram.tickInterval)
    }
}
