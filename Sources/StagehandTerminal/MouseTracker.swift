import CNcursesw
import StagehandBoard

/// Turns ncurses mouse reports into presses, drags and releases. ncurses only
/// says which buttons changed; whether a report is a drag depends on whether the
/// button is still held, so that is remembered here.
struct MouseTracker: Sendable {
    private(set) var isButtonDown = false

    /// The buttons ncurses is asked to report: the left button, the wheel and
    /// (where the terminal sends it) motion.
    static var reportedButtons: mmask_t {
        stagehand_button1_pressed() | stagehand_button1_released() | stagehand_button4_pressed()
            | stagehand_button5_pressed() | stagehand_report_mouse_position()
    }

    /// The event for one report, or nil for one the board has no use for (motion
    /// with no button held, other buttons).
    mutating func event(buttons: mmask_t, x: Int, y: Int) -> MouseEvent? {
        let action: MouseAction
        if buttons & stagehand_button1_released() != 0 {
            isButtonDown = false
            action = .release
        } else if buttons & stagehand_button1_pressed() != 0 {
            // A press while held is how button-event tracking reports motion.
            action = isButtonDown ? .drag : .press
            isButtonDown = true
        } else if buttons & stagehand_button4_pressed() != 0 {
            action = .scrollUp
        } else if buttons & stagehand_button5_pressed() != 0 {
            action = .scrollDown
        } else if buttons & stagehand_report_mouse_position() != 0, isButtonDown {
            action = .drag
        } else {
            return nil
        }
        return MouseEvent(action: action, x: x, y: y)
    }
}
