import CNcursesw
import StagehandBoard

/// How ncurses reports keys, translated to the board's `Key`. `wget_wch` gives
/// either a character or (with `keypad` on) a key code for a named key.
enum KeyCodes {
    /// The key for a code `wget_wch` returned with `KEY_CODE_YES`; nil for keys
    /// the board has no use for.
    static func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_SLEFT: return .shiftLeft
        case KEY_SRIGHT: return .shiftRight
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case stagehand_key_f(1)...stagehand_key_f(63): return .function(Int(code - stagehand_key_f(0)))
        default: return nil
        }
    }

    /// The key for a character `wget_wch` returned with `OK`. Control characters
    /// other than the named ones become Ctrl-letters; the rest are ignored.
    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        case 0..<32, 0x80..<0xA0: return nil
        default: return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }
}
