import StagehandCore

/// Why the terminal could not be used, in one sentence a user can act on.
public enum TerminalError: UserFacingError, Equatable {
    case notATerminal
    case cannotStart(term: String)
    /// Known to terminfo, but unable to put text anywhere but the next line (`dumb`).
    case cannotMoveCursor(term: String)

    public var sentence: String {
        switch self {
        case .notATerminal:
            "The board needs a terminal: run it in a terminal window or over ssh -t, or use 'stagehand board' to print it."
        case .cannotStart(let term):
            "The terminal type '\(term)' is unknown here: set TERM to xterm-256color (or another type in terminfo) and try again."
        case .cannotMoveCursor(let term):
            "The terminal type '\(term)' cannot move the cursor, so the board cannot be drawn: set TERM to your terminal's type (xterm-256color for most), or print the board with 'stagehand board'."
        }
    }
}
