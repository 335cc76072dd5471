import Foundation
import StagehandCore

/// The store a subcommand measures, as `--store` names it: none, a state file in a
/// temporary folder (the embedded default); `postgresql`, a throwaway cluster the
/// bench starts and removes; a `postgresql://` URI, a workspace of the bench's own
/// in that database (`bench-…` unless the URI names one), which it never replaces.
final class BenchStore {
    let location: StoreLocation
    let cluster: ThrowawayCluster?
    private let folder: URL?

    init(_ option: String?) throws {
        switch option {
        case nil:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stagehand-bench-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            self.folder = folder
            cluster = nil
            location = .file(folder.appendingPathComponent("state.json"))
        case "postgresql", "postgres":
            let cluster = try ThrowawayCluster()
            self.cluster = cluster
            folder = nil
            location = .database(DatabaseLocation(cluster.uri)!)
        case let uri?:
            let named = uri.contains("workspace=") ? uri : uri + (uri.contains("?") ? "&" : "?") + "workspace=bench-\(UUID().uuidString.prefix(8))"
            guard let database = DatabaseLocation(named) else {
                throw BenchUsageError(description: "--store takes postgresql (a throwaway cluster) or a postgresql:// URI, not '\(uri)'.")
            }
            cluster = nil
            folder = nil
            location = .database(database)
        }
        if case .database(let database) = location {
            do {
                _ = try DatabaseStore(database, requiringSchema: false).migrate()
            } catch {
                remove()
                throw error
            }
        }
    }

    /// `--store` as the subcommand's arguments give it.
    convenience init(_ options: BenchOptions) throws {
        try self.init(try? options.string("--store"))
    }

    /// What a child process is handed to open the same store: the path, or the URI with its workspace.
    var argument: String {
        switch location {
        case .file(let path): path.path
        case .database(let database): database.uri
        }
    }

    var isDatabase: Bool { if case .database = location { true } else { false } }

    var budgets: StoreBudgets { isDatabase ? .database : .file }

    /// How the figures name it.
    var kind: String { isDatabase ? "PostgreSQL, \(cluster == nil ? "the given database" : "a throwaway cluster on a Unix socket")" : "state file" }

    /// Puts `workspace` there; refuses to replace one.
    func create(_ workspace: Workspace) throws {
        try location.open().create(workspace, replacing: false)
    }

    /// Stops and deletes what the bench made for itself: the cluster or the folder.
    func remove() {
        cluster?.remove()
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// The store a child process was handed with `argument`.
    static func open(_ argument: String) throws -> any WorkspaceStore {
        try StoreLocation.from(option: argument, environment: [:]).open()
    }
}
