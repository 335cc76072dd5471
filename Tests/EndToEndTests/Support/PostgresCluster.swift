#if canImport(Glibc)
    import Glibc
#endif
import Foundation

/// A throwaway PostgreSQL cluster for one test: `initdb` in a temporary folder and
/// `pg_ctl` listening only on a Unix socket there, run as the `postgres` user when
/// the tests run as root (PostgreSQL refuses root), stopped and removed after.
final class PostgresCluster: Sendable {
    let folder: URL
    let port: Int
    private let bin: String
    private let asPostgres: Bool

    init() throws {
        guard let bin = Self.binFolder else {
            throw TmuxSession.Failure(description: "PostgreSQL's server is not installed: apt-get install postgresql (.ci/run does).")
        }
        self.bin = bin
        asPostgres = geteuid() == 0
        folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("stagehand-pg-\(UUID().uuidString.prefix(8))")
        // Open to others for its socket (boards run as another user); the data folder inside is PostgreSQL's alone.
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        if asPostgres, let user = getpwnam("postgres") { chown(folder.path, user.pointee.pw_uid, user.pointee.pw_gid) }
        port = Int.random(in: 20_000...60_000)
        try run("initdb", ["-D", folder.appendingPathComponent("data").path, "-A", "trust", "-U", "stagehand", "-E", "UTF8"])
        try start()
    }

    func start() throws {
        try run(
            "pg_ctl",
            ["-D", folder.appendingPathComponent("data").path, "-l", folder.appendingPathComponent("log").path, "-w", "-o",
             "-k \(folder.path) -p \(port) -c listen_addresses='' -c fsync=on -c max_connections=300", "start"])
    }

    /// Stops the server as a restart would: every connection cut.
    func stop() throws {
        try run("pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-m", "fast", "-w", "stop"])
    }

    deinit { remove() }

    /// Stops the server at once and removes its folder.
    func remove() {
        _ = try? run("pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: folder)
    }

    /// A database of its own on this cluster, and its URI.
    func database(_ name: String = "stagehand", workspace: String? = nil) throws -> String {
        try run("createdb", ["-h", folder.path, "-p", "\(port)", "-U", "stagehand", name])
        return uri(name, workspace: workspace)
    }

    func uri(_ name: String, workspace: String? = nil) -> String {
        "postgresql://stagehand@/\(name)?host=\(folder.path)&port=\(port)" + (workspace.map { "&workspace=\($0)" } ?? "")
    }

    /// Makes `role` sign in with its password over the socket (every other role is trusted).
    func requirePassword(for role: String) throws {
        let rules = folder.appendingPathComponent("data/pg_hba.conf")
        let existing = try String(contentsOf: rules, encoding: .utf8)
        try ("local all \(role) scram-sha-256\n" + existing).write(to: rules, atomically: false, encoding: .utf8)
        try run("pg_ctl", ["-D", folder.appendingPathComponent("data").path, "reload"])
    }

    /// Runs SQL with psql, for what a test sets up behind Stagehand's back.
    func sql(_ statement: String, in database: String = "stagehand") throws {
        try run("psql", ["-h", folder.path, "-p", "\(port)", "-U", "stagehand", "-d", database, "-v", "ON_ERROR_STOP=1", "-q", "-c", statement])
    }

    /// What a query answers, one row a line and columns joined by `|`. The rows go to a
    /// file of their own: psql's warnings (a working folder the postgres user may not
    /// enter, say) go with its other output.
    func query(_ statement: String, in database: String = "stagehand") throws -> String {
        let answer = folder.appendingPathComponent("query-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: answer) }
        try run("psql", [
            "-h", folder.path, "-p", "\(port)", "-U", "stagehand", "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-o", answer.path, "-c", statement,
        ])
        return try String(contentsOf: answer, encoding: .utf8)
    }

    private static var binFolder: String? {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        return versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
            .first { FileManager.default.isExecutableFile(atPath: "\($0)/initdb") }
    }

    @discardableResult
    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        let command = asPostgres ? ("/usr/sbin/runuser", ["-u", "postgres", "--", "\(bin)/\(tool)"] + arguments) : ("\(bin)/\(tool)", arguments)
        let (status, output) = try spawnAndWait(command.0, command.1)
        guard status == 0 else { throw TmuxSession.Failure(description: "\(tool) failed (\(status)): \(output)") }
        return output
    }
}
