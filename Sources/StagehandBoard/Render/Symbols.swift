import Foundation

/// ⚡ and box lines where the terminal speaks UTF-8; ASCII otherwise.
public struct Symbols: Sendable, Equatable {
    public var bolt: String
    /// Marks actions that wait for a time in the stage.
    public var timer: String
    public var arrowRight: String
    public var arrowDown: String
    public var vertical: String
    public var horizontal: String
    public var topLeft, topRight, bottomLeft, bottomRight: String
    public var selected: String
    public var barFull: String
    public var barEmpty: String
    public var ellipsis: String
    public var isUnicode: Bool

    public static let unicode = Symbols(
        bolt: "⚡", timer: "⏱", arrowRight: "→", arrowDown: "↓", vertical: "│", horizontal: "─", topLeft: "┌", topRight: "┐",
        bottomLeft: "└", bottomRight: "┘", selected: "●", barFull: "█", barEmpty: "░", ellipsis: "…", isUnicode: true)
    public static let ascii = Symbols(
        bolt: "*", timer: "@", arrowRight: "->", arrowDown: "v", vertical: "|", horizontal: "-", topLeft: "+", topRight: "+",
        bottomLeft: "+", bottomRight: "+", selected: "x", barFull: "#", barEmpty: ".", ellipsis: "~", isUnicode: false)

    /// For printed output: UTF-8 when the locale variables say so.
    public static func forLocale(_ environment: [String: String]) -> Symbols {
        let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let upper = locale.uppercased()
        return upper.contains("UTF-8") || upper.contains("UTF8") ? .unicode : .ascii
    }
}

