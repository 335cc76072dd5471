import CNcursesw
import StagehandBoard
import Testing

@testable import StagehandTerminal

/// Spec §6: click focuses a card, press-drag-release carries it.
@Suite struct MouseTrackerTests {
    /// The events for reports given as (buttons, x, y), in order.
    func events(_ reports: [(mmask_t, Int, Int)]) -> [MouseEvent?] {
        var tracker = MouseTracker()
        return reports.map { tracker.event(buttons: $0.0, x: $0.1, y: $0.2) }
    }

    let press = stagehand_button1_pressed()
    let release = stagehand_button1_released()
    let motion = stagehand_report_mouse_position()

    @Test("Press, motion with the button held, release")
    func dragWithMotionReports() {
        #expect(events([(press, 3, 4), (motion, 20, 4), (release, 40, 5)]) == [
            MouseEvent(action: .press, x: 3, y: 4), MouseEvent(action: .drag, x: 20, y: 4),
            MouseEvent(action: .release, x: 40, y: 5),
        ])
    }

    @Test("Button-event tracking reports motion as repeated presses")
    func dragAsRepeatedPresses() {
        #expect(events([(press, 3, 4), (press, 9, 4)]).map { $0?.action } == [.press, .drag])
    }

    @Test("X10 reporting (tmux): a drag is a press and a release somewhere else")
    func dragWithoutMotion() {
        #expect(events([(press, 3, 4), (release, 40, 4)]) == [
            MouseEvent(action: .press, x: 3, y: 4), MouseEvent(action: .release, x: 40, y: 4),
        ])
    }

    @Test("Motion with no button held, before or after a click, is of no use to the board")
    func hover() {
        #expect(events([(motion, 1, 1), (0, 1, 1), (press, 2, 2), (release, 2, 2), (motion, 5, 5)]).map { $0?.action } == [
            nil, nil, .press, .release, nil,
        ])
    }

    @Test func wheel() {
        #expect(events([(stagehand_button4_pressed(), 1, 2), (stagehand_button5_pressed(), 1, 2)]) == [
            MouseEvent(action: .scrollUp, x: 1, y: 2), MouseEvent(action: .scrollDown, x: 1, y: 2),
        ])
    }
}
