#if canImport(Glibc)
    import Glibc
#endif
import Foundation

/// A PostgreSQL cluster of the bench's own, so that the database's figures come
/// from one command: `initdb` in a temporary folder, a server listening only on a
/// Unix socket there with fsync on, run as the `postgres` user when the bench runs
/// as root (PostgreSQL refuses root); stopped and removed by `remove()`.
final class ThrowawayCluster {
    let folder: URL
    private let bin: String
    private let asPostgres: Bool
    /// No clash is possible on a socket in a folder of its own, so the usual port will do.
    private let port = 5432
    private var data: URL { folder.appendingPathComponent("data") }

    init() throws {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let bin = versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }).map({ "/usr/lib/postgresql/\($0)/bin" })
            .first(where: { FileManager.default.isExecutableFile(atPath: "\($0)/initdb") })
        else {
            throw BenchUsageError(description: "PostgreSQL's server is not installed, so --store postgresql has nothing to start: apt-get install postgresql.")
        }
        self.bin = bin
        asPostgres = geteuid() == 0
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("stagehand-bench-pg-\(UUID().uuidString.prefix(8))")
        // Open to others for its socket; the data folder inside is PostgreSQL's alone.
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        if asPostgres, let user = getpwnam("postgres") { chown(folder.path, user.pointee.pw_uid, user.pointee.pw_gid) }
        do {
            try run("initdb", ["-D", data.path, "-A", "trust", "-U", "stagehand", "-E", "UTF8"])
            try start()
            try run("createdb", ["-h", folder.path, "-p", "\(port)", "-U", "stagehand", "stagehand"])
        } catch {
            remove()
            throw error
        }
    }

    var uri: String { "postgresql://stagehand@/stagehand?host=\(folder.path)&port=\(port)" }

    /// Starts the server and returns once it accepts connections (`pg_ctl -w` polls for that).
    func start() throws {
        try run(
            "pg_ctl",
            ["-D", data.path, "-l", folder.appendingPathComponent("log").path, "-w", "-o",
             "-k \(folder.path) -p \(port) -c listen_addresses='' -c fsync=on", "start"])
    }

    /// Kills the postmaster with SIGKILL, as a crash of the machine's database
    /// would, and returns once a new server may start: the old postmaster is gone
    /// and none of its children still holds the shared memory (they end when they
    /// notice their parent's death).
    func killServer() throws {
        let lock = try String(contentsOf: data.appendingPathComponent("postmaster.pid"), encoding: .utf8).split(separator: "\n")
        guard let pid = lock.first.flatMap({ pid_t($0) }) else {
            throw BenchUsageError(description: "\(data.path)/postmaster.pid names no server to kill.")
        }
        // Line 7 is the shared memory's key and id, whose attachments tell whether a child is left.
        let memory = lock.count > 6 ? lock[6].split(separator: " ").last.flatMap { Int32($0) } : nil
        guard kill(pid, SIGKILL) == 0 else {
            throw BenchUsageError(description: "Cannot kill the server (pid \(pid)): \(String(cString: strerror(errno))).")
        }
        try waitUntil("the killed server's processes end") {
            let postmasterGone = kill(pid, 0) == -1 && errno == ESRCH
            var status = shmid_ds()
            let memoryFree = memory.map { shmctl($0, IPC_STAT, &status) == -1 || status.shm_nattch == 0 } ?? true
            return postmasterGone && memoryFree
        }
    }

    /// Stops the server at once and deletes the cluster.
    func remove() {
        _ = try? run("pg_ctl", ["-D", data.path, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: folder)
    }

    private func run(_ tool: String, _ arguments: [String]) throws {
        let (program, given) = asPostgres ? ("/usr/sbin/runuser", ["-u", "postgres", "--", "\(bin)/\(tool)"] + arguments) : ("\(bin)/\(tool)", arguments)
        let (status, output) = try Self.spawnAndWait(program, given)
        guard status == 0 else {
            throw BenchUsageError(description: "\(tool) failed (\(status)): \(output.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }

    /// Runs a program and waits for it, its output in a file. Not through
    /// Foundation's `Process`: the server `pg_ctl` leaves behind inherits what
    /// `Process` watches for the child's exit, so `waitUntilExit` would wait for
    /// the server. The signal mask and handlers are reset, so that the server
    /// hears its signals.
    private static func spawnAndWait(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let outputPath = NSTemporaryDirectory() + "stagehand-bench-spawn-\(UUID().uuidString)"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw BenchUsageError(description: "Cannot start \(path): \(String(cString: strerror(spawned))).") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (code, text)
    }
}
