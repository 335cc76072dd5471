import Foundation

/// Where the workspace is kept, as `--state` (or `$STAGEHAND_STATE`) names it: a
/// PostgreSQL connection URI (`postgresql://…` or `postgres://…`), or else the
/// path of a state file.
public enum StoreLocation: Sendable, Equatable {
    case file(URL)
    case database(DatabaseLocation)

    public static func from(option: String?, environment: [String: String]) -> StoreLocation {
        let given = [option, environment["STAGEHAND_STATE"]].compactMap { $0 }.first { !$0.isEmpty }
        if let given, let database = DatabaseLocation(given) { return .database(database) }
        return .file(StateFile.location(option: option, environment: environment))
    }

    /// A store of its own for this location; each thread opens its own.
    public func open() throws -> any WorkspaceStore {
        switch self {
        case .file(let path): StateFile(path: path)
        case .database(let database): try DatabaseStore(database)
        }
    }

    /// How sentences name it: the file's path, or the database without its password.
    public var shown: String {
        switch self {
        case .file(let path): path.path
        case .database(let database): database.shown
        }
    }

    /// Where relative paths in the settings (an outbox folder) are read from: the
    /// state file's folder; for a database, the folder a state file would have by
    /// default (`$XDG_DATA_HOME/stagehand`), the same wherever the command runs.
    public func folder(environment: [String: String]) -> URL {
        switch self {
        case .file(let path): path.deletingLastPathComponent()
        case .database: StateFile.location(option: nil, environment: environment.filter { $0.key != "STAGEHAND_STATE" }).deletingLastPathComponent()
        }
    }
}
