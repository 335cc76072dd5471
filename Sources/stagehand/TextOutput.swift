import Foundation
import StagehandBoard

/// Prints text for people: as it is in a UTF-8 locale, folded to ASCII otherwise
/// (a terminal in the C locale shows other bytes as garbage).
enum TextOutput {
    static var symbols: Symbols { Symbols.forLocale(ProcessInfo.processInfo.environment) }

    static func print(_ text: String) {
        let shown = visible(text)
        Swift.print(symbols.isUnicode ? shown : DisplayWidth.ascii(shown), terminator: text.hasSuffix("\n") ? "" : "\n")
    }

    /// Names and notes may hold escape sequences or direction overrides; printed
    /// as they are, they would recolour, retitle or reorder the recruiter's
    /// terminal. They are shown as "·", as on the board. Line breaks and tabs
    /// are the command's own layout and stay.
    static func visible(_ text: String) -> String {
        var shown = ""
        shown.reserveCapacity(text.utf8.count)
        for character in text {
            shown.append(character == "\n" || character == "\t" ? character : DisplayWidth.printable(character))
        }
        return shown
    }

    /// A long-running command's lines reach a log file or the journal as they happen,
    /// not when the pipe's buffer fills.
    static func flush() {
        fflush(nil)
    }
}
