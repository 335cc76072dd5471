import Foundation

/// ⚡ and arrows where the terminal speaks UTF-8; plain ASCII otherwise.
struct Symbols {
    let bolt: String
    let arrow: String

    static let unicode = Symbols(bolt: "⚡", arrow: "→")
    static let ascii = Symbols(bolt: "*", arrow: "->")

    static func forEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Symbols {
        let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let upper = locale.uppercased()
        return upper.contains("UTF-8") || upper.contains("UTF8") ? .unicode : .ascii
    }
}
