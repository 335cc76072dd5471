import Foundation
import StagehandBoard

/// Prints text for people: as it is in a UTF-8 locale, folded to ASCII otherwise
/// (a terminal in the C locale shows other bytes as garbage).
enum TextOutput {
    static var symbols: Symbols { Symbols.forLocale(ProcessInfo.processInfo.environment) }

    static func print(_ text: String) {
        Swift.print(symbols.isUnicode ? text : DisplayWidth.ascii(text), terminator: text.hasSuffix("\n") ? "" : "\n")
    }

    /// A long-running command's lines reach a log file or the journal as they happen,
    /// not when the pipe's buffer fills.
    static func flush() {
        fflush(nil)
    }
}
