import StagehandCore

/// Why the terminal could not be used, in one sentence a user can act on.
public enum TerminalError: UserFacingError, Equatable {
    case notATerminal
    case cannotStart(term: String)

    public var sentence: String {
        switch self {
        case .notATerminal:
            "The board needs a terminal: run it in a terminal window or over ssh -t, or use 'stagehand board' to print it."
        case .cannotStart(let term):
            "The terminal type '\(term)' is unknown here: set TERM to xterm-256color (or another type in terminfo) and try again."
        }
    }
    public var exitCode: Int32 { 2 }
}
