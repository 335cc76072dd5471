#if canImport(Glibc)
    import Glibc
#endif
import Foundation

/// A real `stagehand-serve` on 127.0.0.1 for one test, on the sample workspace,
/// with SSH keys made by `ssh-keygen` and added for some members; the real
/// OpenSSH client connects to it, in tmux for boards.
final class ServeFixture {
    var cli: StagehandCLI
    let port: Int
    let hostFingerprint: String
    let keys: URL
    var audit: String { (try? String(contentsOf: cli.scratch.url.appendingPathComponent("audit.log"), encoding: .utf8)) ?? "" }
    /// The host key, in a folder of its own that only the test's user may write (root's, as CI runs).
    let hostKey: URL
    private let hostKeyFolder: Scratch?
    private let process = Process()

    /// Sessions run as nobody when the tests run as root (as CI does), so the
    /// state's folder is theirs and the binaries sit where nobody may run them.
    /// `prefix` runs before the server (`setpriv …` to start it as another user).
    init(
        keysFor members: [String] = ["ana", "dev"], hostKey: URL? = nil, arguments: [String] = [], givingStateToNobody: Bool = true,
        prefix: [String] = [], database: String? = nil
    ) throws {
        for tool in ["/usr/bin/ssh", "/usr/bin/ssh-keygen"] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw TmuxSession.Failure(description: "\(tool) is missing: install openssh-client (.ci/run does).")
        }
        cli = try StagehandCLI()
        cli.store = database
        keys = cli.scratch.url.appendingPathComponent("keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        if database != nil { _ = try cli.run(["migrate"]) }
        _ = try cli.run(["demo"])
        for member in members {
            try OpenSSHTools.keygen(["-q", "-t", "ed25519", "-N", "", "-C", member, "-f", keys.appendingPathComponent(member).path])
            let added = try cli.run(["members", "add-key", member, keys.appendingPathComponent(member + ".pub").path])
            guard added.status == 0 else { throw TmuxSession.Failure(description: "add-key \(member): \(added.errors)") }
        }
        let bin = cli.scratch.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        for name in ["stagehand-serve", "stagehand"] {
            let built = try BuiltBinary.url(name)
            // Linked where the file system allows: the debug binaries are large.
            do {
                try FileManager.default.linkItem(at: built, to: bin.appendingPathComponent(name))
            } catch {
                try FileManager.default.copyItem(at: built, to: bin.appendingPathComponent(name))
            }
        }
        if geteuid() == 0 && givingStateToNobody {
            let nobody = getpwnam("nobody").pointee
            for path in [cli.scratch.url.path, cli.statePath, cli.statePath + ".journal", cli.statePath + ".lock"] {
                chown(path, nobody.pw_uid, nobody.pw_gid)
            }
        }
        if let hostKey {
            self.hostKey = hostKey
            hostKeyFolder = nil
        } else {
            let folder = try Scratch()
            hostKeyFolder = folder
            self.hostKey = folder.url.appendingPathComponent("ssh_host_ed25519_key")
        }
        let serve = [bin.appendingPathComponent("stagehand-serve").path]
        let command =
            prefix + serve
            + ["--listen", "127.0.0.1:0", "--state", database ?? cli.statePath, "--audit-log", cli.scratch.url.appendingPathComponent("audit.log").path]
            + ["--host-key", self.hostKey.path] + arguments
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        // "stagehand-serve: listening on 127.0.0.1:PORT for STATE; host key SHA256:…"
        guard let address = line.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression),
            let port = Int(line[address].split(separator: ":").last ?? ""),
            let key = line.range(of: #"SHA256:\S+"#, options: .regularExpression)
        else {
            process.waitUntilExit()
            throw TmuxSession.Failure(
                description: "stagehand-serve did not start: \(line)\(String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))")
        }
        self.port = port
        hostFingerprint = String(line[key])
    }

    deinit { stop() }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    var exitStatus: Int32 { process.terminationStatus }

    var pid: pid_t { process.processIdentifier }

    /// The ssh command line for `member`'s key (or `key`), never asking anything.
    /// `options` come first, since ssh keeps the first value it is given.
    func ssh(as member: String, key: String? = nil, _ options: [String] = [], command: [String] = []) -> [String] {
        ["/usr/bin/ssh"] + options + [
            "-p", "\(port)", "-i", keys.appendingPathComponent(key ?? member).path, "-o", "IdentitiesOnly=yes",
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=" + keys.appendingPathComponent("known_hosts").path,
            "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "\(member)@127.0.0.1",
        ] + command
    }

    /// A board session in tmux, signed in with `member`'s key.
    func openBoard(
        as member: String, width: Int = 120, height: Int = 35, term: String = "xterm-256color", options: [String] = [], lingering: Bool = false
    ) throws -> TmuxSession {
        try TmuxSession(
            command: ssh(as: member, options), width: width, height: height,
            environment: ["TERM": term, "HOME": keys.path, "PATH": "/usr/bin:/bin"], lingering: lingering)
    }

    /// ssh without a terminal: its exit status and everything it printed.
    func run(_ command: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// The pids of the boards stagehand-serve started, from the audit log.
    var sessionPIDs: [pid_t] {
        audit.split(separator: "\n").compactMap { line in
            guard line.contains("\"session-start\""), let range = line.range(of: #""pid":(\d+)"#, options: .regularExpression) else { return nil }
            return pid_t(line[range].dropFirst(6))
        }
    }
}
