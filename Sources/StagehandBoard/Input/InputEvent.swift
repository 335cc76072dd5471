/// A key as the board understands it, independent of how the terminal encoded it.
public enum Key: Equatable, Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case shiftLeft, shiftRight
    case enter, escape, tab, backTab, backspace, delete
    case home, end, pageUp, pageDown
    case function(Int)
    /// Ctrl plus a letter, e.g. `.control("c")`.
    case control(Character)
}

public enum MouseAction: Equatable, Sendable {
    case press, release, drag, scrollUp, scrollDown
}

public struct MouseEvent: Equatable, Sendable {
    public var action: MouseAction
    public var x: Int
    public var y: Int

    public init(action: MouseAction, x: Int, y: Int) {
        self.action = action
        self.x = x
        self.y = y
    }
}

/// What the terminal reports.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// The terminal went away (ssh dropped, pty closed): finish up and exit.
    case hangup
}
