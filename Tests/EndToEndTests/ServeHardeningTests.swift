#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import Testing

/// Issue 16: `stagehand-serve` as an admin who reads the code would deploy it,
/// with the real OpenSSH client: the host key is never replaced, a stopped or
/// idle session leaves the client's terminal as it was, limits hold, and every
/// refusal leaves an audit line.
@Suite struct ServeHardeningTests {
    func fileBytes(_ url: URL) -> Data? { FileManager.default.contents(atPath: url.path) }

    // MARK: The host key

    @Test func theHostKeyIsInOpenSSHsFormatAndSshKeygenPrintsTheSameFingerprint() throws {
        let server = try ServeFixture(keysFor: [])
        let text = try String(contentsOf: server.hostKey, encoding: .utf8)
        #expect(text.hasPrefix("-----BEGIN OPENSSH PRIVATE KEY-----"))
        let listed = try server.run(["/usr/bin/ssh-keygen", "-lf", server.hostKey.path])
        #expect(listed.status == 0, "\(listed.output)")
        #expect(listed.output.contains(server.hostFingerprint), "ssh-keygen: \(listed.output) server: \(server.hostFingerprint)")
    }

    @Test func aKeyMadeByAnEarlierVersionIsStillReadAndLeftAsItIs() throws {
        let folder = try Scratch()
        let key = folder.url.appendingPathComponent("old_host_key")
        let seed = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        let text = "stagehand-serve ed25519 host key\n\(seed)\n"
        #expect(FileManager.default.createFile(atPath: key.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]))
        let first = try ServeFixture(keysFor: [], hostKey: key)
        first.stop()
        let second = try ServeFixture(keysFor: [], hostKey: key)
        #expect(second.hostFingerprint == first.hostFingerprint)
        #expect(fileBytes(key) == Data(text.utf8))
    }

    @Test func aKeyThatCannotBeReadIsNeverReplaced() throws {
        try #require(geteuid() == 0, "this test starts the server as root and then as nobody: run it as root, as CI does")
        let first = try ServeFixture(keysFor: [])
        let key = first.hostKey
        let fingerprint = first.hostFingerprint
        first.stop()
        let before = try #require(fileBytes(key))
        // The same key, then a start as nobody, who may not read root's key.
        let asNobody = Result {
            try ServeFixture(keysFor: [], hostKey: key, prefix: ["/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"])
        }
        guard case .failure(let error) = asNobody else {
            Issue.record("a server that could not read the host key started anyway")
            return
        }
        #expect("\(error)".contains("is there but cannot be read as nobody"), "\(error)")
        #expect("\(error)".contains("never replaced"))
        #expect(fileBytes(key) == before, "the key was rewritten")
        let again = try ServeFixture(keysFor: [], hostKey: key)
        #expect(again.hostFingerprint == fingerprint)
    }

    @Test func aStartThatFailsLeavesNoKeyBehind() throws {
        let running = try ServeFixture(keysFor: [])
        let folder = try Scratch()
        let portTaken = folder.url.appendingPathComponent("port-taken")
        #expect(throws: (any Error).self) {
            try ServeFixture(keysFor: [], hostKey: portTaken, arguments: ["--listen", "127.0.0.1:\(running.port)"])
        }
        #expect(!FileManager.default.fileExists(atPath: portTaken.path), "a start refused for its port made a key")
        if geteuid() == 0 {
            let stateRefused = folder.url.appendingPathComponent("state-refused")
            #expect(throws: (any Error).self) { try ServeFixture(keysFor: [], hostKey: stateRefused, givingStateToNobody: false) }
            #expect(!FileManager.default.fileExists(atPath: stateRefused.path), "a start refused for the state's permissions made a key")
        }
    }

    @Test func asRootTheKeyMayNotSitWhereTheBoardsUserMayWrite() throws {
        try #require(geteuid() == 0, "run as root, as CI does")
        let inTmp = Result {
            try ServeFixture(keysFor: [], hostKey: URL(fileURLWithPath: "/tmp/stagehand-nobody-\(UUID().uuidString)/key"), prefix: [])
        }
        // /tmp itself is sticky: a new folder in it is root's. The state's folder is nobody's.
        #expect(throws: Never.self) { try inTmp.get() }
        let server = try ServeFixture(keysFor: [])
        server.stop()
        let statesFolder = URL(fileURLWithPath: server.cli.statePath).deletingLastPathComponent()
        #expect {
            try ServeFixture(keysFor: [], hostKey: statesFolder.appendingPathComponent("ssh_host_ed25519_key"))
        } throws: { error in
            "\(error)".contains("which nobody (who runs the boards) may write")
        }
    }

    // MARK: Ending sessions

    @Test func stoppingTheServerPutsTheClientsTerminalBackAndSaysWhy() throws {
        let server = try ServeFixture()
        let board = try server.openBoard(as: "ana", lingering: true)
        try board.waitFor(text: "Ana Lindqvist (Admin)")
        let during = try board.terminalModes()
        #expect(during.alternateScreen && !during.cursorShown && during.mouseReporting, "the board's own modes: \(during)")
        server.stop()
        _ = try board.waitForExit()
        let after = try board.terminalModes()
        #expect(!after.alternateScreen && after.cursorShown && !after.mouseReporting, "left behind: \(after)")
        #expect(try board.captureWithHistory().contains("stagehand-serve: the server is stopping."))
        #expect(server.audit.contains("\"reason\":\"the server is stopping\""))
    }

    @Test func sighupStopsTheServerLikeSigterm() throws {
        let server = try ServeFixture()
        let board = try server.openBoard(as: "ana")
        try board.waitFor(text: "Ana Lindqvist (Admin)")
        kill(server.pid, SIGHUP)
        _ = try board.waitForExit()
        server.stop()
        #expect(server.exitStatus == 0)
        #expect(server.audit.contains("\"event\":\"session-end\""))
    }

    @Test func keepalivesDoNotKeepAnIdleSessionAndTheClientIsToldWhy() throws {
        let server = try ServeFixture(arguments: ["--idle-timeout", "3s"])
        let board = try server.openBoard(as: "ana", options: ["-o", "ServerAliveInterval=1"], lingering: true)
        try board.waitFor(text: "Ana Lindqvist (Admin)")
        // A key now and then before the timeout keeps it open.
        for _ in 0..<3 {
            usleep(1_000_000)
            try board.send("j")
        }
        #expect(board.exitStatus() == nil, "keys keep a session open")
        _ = try board.waitForExit(timeout: 20)
        #expect(try board.captureWithHistory().contains("stagehand-serve: idle for 3 s, so the session ended."))
        let after = try board.terminalModes()
        #expect(!after.alternateScreen && after.cursorShown, "left behind: \(after)")
        #expect(server.audit.contains("\"limit\":\"idle timeout\"") && server.audit.contains("\"member\":\"ana\""))
    }

    // MARK: Limits

    @Test func aMemberWithSeveralKeysGetsInWhenTheRightOneIsSixth() throws {
        let server = try ServeFixture(keysFor: ["ana"])
        var options: [String] = []
        for number in 1...5 {
            let key = server.keys.appendingPathComponent("other\(number)").path
            try OpenSSHTools.keygen(["-q", "-t", "ed25519", "-N", "", "-f", key])
            options += ["-i", key]
        }
        // The member's own key last; `ssh` adds `-i` keys in order.
        let result = try server.run(server.ssh(as: "ana", options + ["-T"]))
        #expect(result.output.contains("the board needs a terminal"), "signed in, then refused for -T: \(result.output)")
        #expect(server.audit.contains("\"event\":\"auth-accepted\""))
    }

    @Test func anOversizedTerminalIsCapped() throws {
        let server = try ServeFixture()
        let board = try server.openBoard(as: "ana", width: 600, height: 60)
        let screen = try board.waitFor(text: "Ana Lindqvist (Admin)")
        let header = try #require(screen.split(separator: "\n").first { $0.contains("Ana Lindqvist (Admin)") })
        let end = header.distance(from: header.startIndex, to: try #require(header.range(of: "(Admin)")).upperBound)
        #expect(end <= 400, "the board was drawn \(end) columns wide")
        try board.send("q")
        #expect(try board.waitForExit() == 0)
    }

    @Test func oneMemberMayNotTakeEverySession() throws {
        let server = try ServeFixture(arguments: ["--max-sessions-per-member", "1"])
        let first = try server.openBoard(as: "ana")
        try first.waitFor(text: "Ana Lindqvist (Admin)")
        let second = try server.openBoard(as: "ana")
        #expect(try second.waitForExit() == 1)
        #expect(try second.captureWithHistory().contains("you have as many boards open as one member may (1)"))
        let dev = try server.openBoard(as: "dev")
        try dev.waitFor(text: "Dev Patel")
        #expect(server.audit.contains("\"limit\":\"sessions per member\""))
        for board in [first, dev] {
            try board.send("q")
            #expect(try board.waitForExit() == 0)
        }
    }

    @Test func oneBoardPerConnection() throws {
        let server = try ServeFixture()
        let control = server.keys.appendingPathComponent("control")
        let master = try TmuxSession(
            command: server.ssh(as: "ana", ["-o", "ControlMaster=yes", "-o", "ControlPath=\(control.path)"]), width: 120, height: 35,
            environment: ["TERM": "xterm-256color", "HOME": server.keys.path, "PATH": "/usr/bin:/bin"])
        try master.waitFor(text: "Ana Lindqvist (Admin)")
        let second = try server.run(server.ssh(as: "ana", ["-tt", "-o", "ControlMaster=no", "-o", "ControlPath=\(control.path)"]))
        #expect(second.status == 1, "\(second.output)")
        #expect(second.output.contains("one board per connection"), "\(second.output)")
        try master.send("q")
        #expect(try master.waitForExit() == 0)
    }

    // MARK: The audit log

    @Test func everyRefusalLeavesALineThatSaysWhatWasTried() throws {
        let server = try ServeFixture()
        _ = try server.run(server.ssh(as: "ana", command: ["cat", "/etc/shadow;", "\u{1B}[2J"]))
        _ = try server.run(server.ssh(as: "ana", ["-T", "-o", "SetEnv=EVIL=1"]))
        _ = try server.run(server.ssh(as: "ana", ["-N", "-o", "ExitOnForwardFailure=yes", "-R", "0:127.0.0.1:22"]))
        try OpenSSHTools.keygen(["-q", "-t", "ed25519", "-N", "", "-f", server.keys.appendingPathComponent("stranger").path])
        _ = try server.run(server.ssh(as: "ana", key: "stranger", ["-T"]))
        // The client is gone before the server has logged the connection's end.
        let deadline = Date().addingTimeInterval(5)
        while !server.audit.contains("\"signedIn\":false"), Date() < deadline { usleep(20_000) }
        let lines = server.audit.split(separator: "\n")
        #expect(lines.contains { $0.contains("\"what\":\"command\"") && $0.contains("cat /etc/shadow;") && $0.contains("\\u001b[2J") }, "\(server.audit)")
        #expect(lines.contains { $0.contains("\"what\":\"environment variable\"") && $0.contains("\"name\":\"EVIL\"") })
        #expect(lines.contains { $0.contains("\"what\":\"remote port forwarding\"") && $0.contains("\"member\":\"ana\"") })
        #expect(lines.contains { $0.contains("\"connection-end\"") && $0.contains("\"signedIn\":false") })
    }

    @Test func sigusr1ReopensTheAuditLogForLogrotate() throws {
        let server = try ServeFixture(keysFor: [])
        let log = server.cli.scratch.url.appendingPathComponent("audit.log")
        let rotated = server.cli.scratch.url.appendingPathComponent("audit.log.1")
        try FileManager.default.moveItem(at: log, to: rotated)
        kill(server.pid, SIGUSR1)
        let deadline = Date().addingTimeInterval(5)
        while !FileManager.default.fileExists(atPath: log.path), Date() < deadline { usleep(20_000) }
        _ = OpenSSHTools.connection(to: server.port).map { close($0) }
        while !server.audit.contains("\"connection\""), Date() < deadline { usleep(20_000) }
        #expect(server.audit.contains("\"event\":\"connection\""), "new lines go to the new file")
        #expect(!(try String(contentsOf: rotated, encoding: .utf8)).contains("\"event\":\"connection\""))
    }

    // MARK: The unit it ships with

    @Test func theShippedSystemdUnitStartsTheServerWithOptionsItKnowsAndHardened() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let unit = try String(contentsOf: repository.appendingPathComponent("deploy/stagehand-serve.service"), encoding: .utf8)
        let execStart = try #require(unit.split(separator: "\n").first { $0.hasPrefix("ExecStart=") })
        let help = Process()
        help.executableURL = try BuiltBinary.url("stagehand-serve")
        help.arguments = ["--help"]
        let output = Pipe()
        help.standardOutput = output
        try help.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        help.waitUntilExit()
        for option in execStart.split(separator: " ").filter({ $0.hasPrefix("--") }) {
            #expect(text.contains(option), "the unit passes \(option), which stagehand-serve does not know")
        }
        for setting in ["NoNewPrivileges=yes", "ProtectSystem=strict", "PrivateTmp=yes", "ProtectHome=yes", "CapabilityBoundingSet=CAP_NET_BIND_SERVICE", "--user stagehand"] {
            #expect(unit.contains(setting), "the unit lacks \(setting)")
        }
    }

    // MARK: No way out

    @Test func noKeyOpensAShell() throws {
        let server = try ServeFixture()
        let board = try server.openBoard(as: "ana")
        try board.waitFor(text: "Ana Lindqvist (Admin)")
        let pid = try #require(server.sessionPIDs.first)
        // Suspend, quit-with-core, a shell escape as vi and less know it, then every printable key and the usual escapes.
        try board.send("C-z")
        try board.send("C-\\")
        try board.type("!sh")
        try board.send("Enter")
        let printable = (33...126).map { String(UnicodeScalar(UInt8($0))) }.filter { $0 != "q" && $0 != ";" }
        for key in printable + ["Escape", "Tab", "F1", "F10", "Escape"] { try board.send(key) }
        try board.type("echo ESCAPED-$((6*7))")
        try board.send("Enter")
        usleep(500_000)
        #expect(!(try board.captureWithHistory()).contains("ESCAPED-42"))
        #expect(kill(pid, 0) == 0, "the board is still there")
        #expect(processes(withParent: pid).isEmpty, "the board started \(processes(withParent: pid))")
    }

    /// The command lines of the processes whose parent is `parent`, read from /proc.
    func processes(withParent parent: pid_t) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> String? in
            guard Int32(entry) != nil, let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            // After "pid (name) state ": the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, pid_t(fields[1]) == parent else { return nil }
            return (try? String(contentsOfFile: "/proc/\(entry)/cmdline", encoding: .utf8))?.replacingOccurrences(of: "\0", with: " ") ?? entry
        }
    }
}
