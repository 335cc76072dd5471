import Foundation

/// Runs the real `stagehand` binary as a process on a scratch state file.
struct StagehandCLI {
    struct Result {
        var status: Int32
        var output: String
        var errors: String

        var json: Any? { try? JSONSerialization.jsonObject(with: Data(output.utf8)) }
    }

    let scratch: Scratch
    /// The clock every command sees unless a test says otherwise.
    var now = "2026-11-25T09:00:00Z"

    init() throws { scratch = try Scratch() }

    /// A command line on the given store: the scratch state file, or a new database
    /// of the shared cluster with the schema in place (as `stagehand migrate` leaves it).
    init(_ kind: TestStore) throws {
        scratch = try Scratch()
        guard kind == .database else { return }
        let database = try SharedCluster.newDatabase()
        store = database.uri
        self.database = (database.name, database.cluster)
        // Relative settings (the outbox) are read from the data folder on a database; keep it in the scratch folder.
        scratch.dataFolder = scratch.url.appendingPathComponent(".local/share/stagehand")
        let migrated = try run(["migrate"])
        guard migrated.status == 0 else { throw Failure(arguments: ["migrate"], result: migrated) }
    }

    var statePath: String { scratch.statePath.path }
    /// Where commands keep the workspace when not in the scratch state file: a database's URI.
    var store: String?
    private var database: (name: String, cluster: PostgresCluster)?
    /// What `--state` or `STAGEHAND_STATE` names: the database's URI or the state file.
    var location: String { store ?? statePath }

    @discardableResult
    func run(_ arguments: [String], now: String? = nil, environment extra: [String: String] = [:]) throws -> Result {
        try start(arguments, now: now, environment: extra).finish()
    }

    /// A command still running, for tests that signal it or run several at once.
    /// The pipes' data is written by the reading threads and read only after `drained`.
    final class Running: @unchecked Sendable {
        let process = Process()
        let output = Pipe()
        let errors = Pipe()
        private var outData = Data()
        private var errData = Data()
        private let drained = DispatchGroup()

        fileprivate func begin() throws {
            process.standardOutput = output
            process.standardError = errors
            process.standardInput = FileHandle.nullDevice
            try process.run()
            // Read both pipes as the process writes, so a chatty one never blocks on a full pipe.
            drained.enter()
            drained.enter()
            Thread.detachNewThread { [self] in
                outData = output.fileHandleForReading.readDataToEndOfFile()
                drained.leave()
            }
            Thread.detachNewThread { [self] in
                errData = errors.fileHandleForReading.readDataToEndOfFile()
                drained.leave()
            }
        }

        func finish() -> Result {
            process.waitUntilExit()
            drained.wait()
            return Result(
                status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                errors: String(decoding: errData, as: UTF8.self))
        }
    }

    func start(_ arguments: [String], now: String? = nil, environment extra: [String: String] = [:]) throws -> Running {
        let running = Running()
        running.process.executableURL = try BuiltBinary.url("stagehand")
        running.process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["STAGEHAND_STATE"] = store ?? statePath
        environment["STAGEHAND_NOW"] = now ?? self.now
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "LC_ALL")
        if store != nil {
            environment["HOME"] = scratch.url.path
            environment.removeValue(forKey: "XDG_DATA_HOME")
        }
        for (key, value) in extra { environment[key] = value }
        running.process.environment = environment
        try running.begin()
        return running
    }

    /// `run` that expects success and returns the parsed JSON object.
    func json(_ arguments: [String], now: String? = nil) throws -> [String: Any] {
        let result = try run(arguments + ["--json"], now: now)
        guard result.status == 0, let object = result.json as? [String: Any] else {
            throw Failure(arguments: arguments, result: result)
        }
        return object
    }

    func stateBytes() -> Data? { FileManager.default.contents(atPath: statePath) }

    /// Everything saved, for "nothing changed": the snapshot and the journal (a change may
    /// write either); on a database, each workspace's revision and every row's document.
    func savedState() -> [Data?] {
        if let database {
            let everything = """
                SELECT string_agg(name || ':' || revision || ':' || setup::text, ',' ORDER BY name) FROM stagehand_workspaces
                UNION ALL SELECT md5(string_agg(document::text, ',' ORDER BY id)) FROM stagehand_candidates
                UNION ALL SELECT md5(string_agg(document::text, ',' ORDER BY id)) FROM stagehand_tasks
                UNION ALL SELECT md5(string_agg(document::text, ',' ORDER BY id)) FROM stagehand_emails
                UNION ALL SELECT md5(string_agg(document::text, ',' ORDER BY id)) FROM stagehand_action_runs
                UNION ALL SELECT md5(string_agg(document::text, ',' ORDER BY id)) FROM stagehand_evaluation_requests
                """
            return [(try? database.cluster.query(everything, in: database.name)).map { Data($0.utf8) }]
        }
        return [stateBytes(), FileManager.default.contents(atPath: statePath + ".journal")]
    }

    struct Failure: Error, CustomStringConvertible {
        let arguments: [String]
        let result: Result
        var description: String {
            "stagehand \(arguments.joined(separator: " ")) exited \(result.status): \(result.errors)\(result.output)"
        }
    }
}
