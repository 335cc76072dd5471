import Foundation

/// How wide printed charts may be: `COLUMNS` when set, else the terminal's own
/// width, else 80 (a pipe or a file).
enum TerminalWidth {
    static func current(_ environment: [String: String]) -> Int {
        if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return max(40, columns) }
        var size = winsize()
        if isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return max(40, Int(size.ws_col))
        }
        return 80
    }
}
