import Foundation

extension StateFile {
    /// Where the state file is: `option` (--state), else `$STAGEHAND_STATE`, else
    /// `$XDG_DATA_HOME/stagehand/state.json` (`~/.local/share` without it). The
    /// command line and stagehand-serve look in the same places.
    public static func location(option: String?, environment: [String: String]) -> URL {
        if let option, !option.isEmpty { return URL(fileURLWithPath: option) }
        if let path = environment["STAGEHAND_STATE"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return URL(fileURLWithPath: dataHome).appendingPathComponent("stagehand/state.json")
    }
}
