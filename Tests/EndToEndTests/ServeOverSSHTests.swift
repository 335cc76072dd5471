#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import Testing

/// Issue 7: `stagehand-serve` with the real OpenSSH client. The member is the
/// one whose key signed in; everything but a board on a terminal is refused.
@Suite struct ServeOverSSHTests {
    @Test func aKnownKeyOpensTheBoardAsItsMemberWhichResizesAndQuitsCleanly() throws {
        let server = try ServeFixture()
        let board = try server.openBoard(as: "ana")
        try board.waitFor(text: "Ana Lindqvist (Admin)")
        try board.resize(width: 60, height: 20)
        try board.waitFor("two columns at 60×20") { $0.contains("2 Phone screen") && !$0.contains("3 Interview") }
        try board.send("q")
        #expect(try board.waitForExit() == 0)
        let sessions = server.sessionPIDs
        #expect(sessions.count == 1)
        #expect(!sessions.contains { kill($0, 0) == 0 }, "a session outlived its board")
        #expect(server.audit.contains("\"event\":\"session-end\""))
        #expect(server.audit.contains("\"member\":\"ana\""))
    }

    @Test func unknownKeysPasswordsAndRSAKeysAreRefused() throws {
        let server = try ServeFixture()
        try OpenSSHTools.keygen(["-q", "-t", "ed25519", "-N", "", "-f", server.keys.appendingPathComponent("stranger").path])
        try OpenSSHTools.keygen(["-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", server.keys.appendingPathComponent("rsa").path])

        let stranger = try server.run(server.ssh(as: "ana", key: "stranger", ["-T"]))
        #expect(stranger.status == 255)
        #expect(stranger.output.contains("Permission denied (publickey)"), "\(stranger.output)")
        // swift-nio-ssh cannot verify RSA: the sign-in fails, and `members add-key` is
        // where an RSA key's owner learns which kinds work (MembersCommandTests).
        let rsa = try server.run(server.ssh(as: "ana", key: "rsa", ["-T"]))
        #expect(rsa.status == 255)
        #expect(rsa.output.contains("Permission denied (publickey)"), "\(rsa.output)")
        let password = try server.run(server.ssh(as: "ana", ["-T", "-o", "PreferredAuthentications=password,keyboard-interactive"]))
        #expect(password.status == 255)
        #expect(password.output.contains("Permission denied"), "\(password.output)")
        #expect(server.audit.contains("\"reason\":\"unknown key\""))
    }

    @Test func commandsSubsystemsForwardingAndSessionsWithoutATerminalAreRefused() throws {
        let server = try ServeFixture()
        let command = try server.run(server.ssh(as: "ana", command: ["cat", "/etc/passwd"]))
        #expect(command.status == 1)
        #expect(command.output.contains("commands are refused, only the board runs here"), "\(command.output)")
        #expect(!command.output.contains("root:"))
        #expect(server.audit.contains("\"what\":\"command\""))
        let noTerminal = try server.run(server.ssh(as: "ana", ["-T"]))
        #expect(noTerminal.status == 1)
        #expect(noTerminal.output.contains("the board needs a terminal"), "\(noTerminal.output)")
        let subsystem = try server.run(server.ssh(as: "ana", ["-s"], command: ["sftp"]))
        #expect(subsystem.status != 0)
        let local = try server.run(server.ssh(as: "ana", ["-T", "-W", "127.0.0.1:22"]))
        #expect(local.status != 0)
        #expect(server.audit.contains("\"what\":\"local port forwarding\""))
        let remote = try server.run(server.ssh(as: "ana", ["-N", "-o", "ExitOnForwardFailure=yes", "-R", "0:127.0.0.1:22"]))
        #expect(remote.status != 0, "\(remote.output)")
        #expect(server.audit.contains("\"what\":\"remote port forwarding\""))
    }

    @Test func aDroppedConnectionEndsAndReapsTheSession() throws {
        let server = try ServeFixture()
        let board = try server.openBoard(as: "ana")
        try board.waitFor(text: "Ana Lindqvist (Admin)")
        let sessions = server.sessionPIDs
        try #require(sessions.count == 1)
        try board.closeTerminal()
        let deadline = Date().addingTimeInterval(10)
        while kill(sessions[0], 0) == 0, Date() < deadline { usleep(20_000) }
        #expect(kill(sessions[0], 0) != 0, "the session's board is still running")
    }

    @Test func sessionsSeeEachOthersMovesAndAHiringManagerCannotEditAutomations() throws {
        let server = try ServeFixture()
        let boards = try (0..<3).map { index in try server.openBoard(as: index == 2 ? "dev" : "ana") }
        for board in boards { try board.waitFor(text: "Northwind Robotics") }
        let moved = try server.cli.run(["move", "Peter Schmidt", "--to", "interview", "--job", "ios", "--without-actions"])
        #expect(moved.status == 0, "\(moved.errors)")
        for board in boards {
            try board.waitFor("the other session's move", timeout: 5) { $0.contains("3 Interview ⚡ 4") }
        }
        try boards[2].send("a")
        try boards[2].waitFor(text: "Read-only")
        for board in boards {
            try board.send("Escape", "q")
            #expect(try board.waitForExit() == 0)
        }
    }

    @Test func theHostKeyIsMadeOncePrivateAndKeptAcrossRestarts() throws {
        let folder = try Scratch()
        let key = folder.url.appendingPathComponent("host_key")
        let first = try ServeFixture(keysFor: [], hostKey: key)
        let fingerprint = first.hostFingerprint
        first.stop()
        let mode = (try FileManager.default.attributesOfItem(atPath: key.path)[.posixPermissions] as? Int) ?? 0
        #expect(mode == 0o600)
        let second = try ServeFixture(keysFor: [], hostKey: key)
        #expect(second.hostFingerprint == fingerprint)
        #expect(fingerprint.hasPrefix("SHA256:"))
    }

    @Test func sessionsBeyondTheLimitAreRefusedWithASentence() throws {
        let server = try ServeFixture(arguments: ["--max-sessions", "1"])
        let first = try server.openBoard(as: "ana")
        try first.waitFor(text: "Ana Lindqvist (Admin)")
        let second = try server.openBoard(as: "dev")
        #expect(try second.waitForExit() == 1)
        #expect(try second.captureWithHistory().contains("as many boards as allowed (1) are open: try again later"))
        #expect(server.audit.contains("\"limit\":\"sessions\""))
        try first.send("q")
        #expect(try first.waitForExit() == 0)
    }

    @Test func aConnectionThatNeverSignsInIsClosedAfterTenSeconds() throws {
        let server = try ServeFixture(keysFor: [])
        let socket = try #require(OpenSSHTools.connection(to: server.port))
        defer { close(socket) }
        let started = Date()
        var buffer = [UInt8](repeating: 0, count: 4096)
        // Reads the server's version line, then waits for it to hang up.
        while read(socket, &buffer, buffer.count) > 0, Date().timeIntervalSince(started) < 30 {}
        let waited = Date().timeIntervalSince(started)
        #expect(waited > 9 && waited < 20, "closed after \(waited) s")
        #expect(server.audit.contains("authentication deadline"))
    }

    @Test func aKeyAddedWhileTheServerRunsSignsInAtOnce() throws {
        let server = try ServeFixture(keysFor: [])
        try OpenSSHTools.keygen(["-q", "-t", "ecdsa", "-N", "", "-f", server.keys.appendingPathComponent("emma").path])
        let before = try server.run(server.ssh(as: "emma", command: ["true"]))
        #expect(before.status == 255)
        let added = try server.cli.run(["members", "add-key", "emma", server.keys.appendingPathComponent("emma.pub").path])
        #expect(added.status == 0, "\(added.errors)")
        let board = try server.openBoard(as: "emma")
        try board.waitFor(text: "Emma Schulz (Hiring manager)")
        try board.send("q")
        #expect(try board.waitForExit() == 0)
    }

    @Test func anIdleConnectionIsClosed() throws {
        let server = try ServeFixture(arguments: ["--idle-timeout", "2s"])
        let board = try server.openBoard(as: "ana")
        try board.waitFor(text: "Ana Lindqvist (Admin)")
        #expect(try board.waitForExit(timeout: 15) != 0)
        #expect(server.audit.contains("idle timeout"))
    }

    @Test func tooManyConnectionsFromOneAddressInAMinuteAreTurnedAway() throws {
        let server = try ServeFixture(keysFor: [])
        for _ in 0..<31 {
            if let socket = OpenSSHTools.connection(to: server.port) { close(socket) }
        }
        let deadline = Date().addingTimeInterval(5)
        while !server.audit.contains("connections per minute"), Date() < deadline { usleep(20_000) }
        #expect(server.audit.contains("\"limit\":\"connections per minute\""))
    }

    /// Root binds and reads the host key, then gives root up; serving as root is refused.
    @Test func startedAsRootItWillNotServeAsRoot() throws {
        let result: Result<ServeFixture, any Error> = Result { try ServeFixture(keysFor: [], arguments: ["--user", "root"]) }
        if geteuid() == 0 {
            guard case .failure(let error) = result else {
                Issue.record("stagehand-serve served as root")
                return
            }
            #expect("\(error)".contains("refuses to serve as root"), "\(error)")
        } else {
            // --user only matters to a server started as root.
            #expect(throws: Never.self) { try result.get() }
        }
    }

    @Test func aConnectionGetsSixSignInAttempts() throws {
        let server = try ServeFixture(keysFor: [])
        var options: [String] = []
        for number in 1...8 {
            let key = server.keys.appendingPathComponent("stranger\(number)").path
            try OpenSSHTools.keygen(["-q", "-t", "ed25519", "-N", "", "-f", key])
            options += ["-i", key]
        }
        let result = try server.run(server.ssh(as: "ana", options + ["-T"]))
        #expect(result.status == 255)
        let refusals = server.audit.components(separatedBy: "\"auth-refused\"").count - 1
        #expect(refusals <= 6, "\(refusals) attempts were let through:\n\(server.audit)")
    }

    /// Each board holds its own terminal and nothing of the server's or of
    /// another session's: no pty master, no socket, no other pty.
    @Test func aSessionInheritsNoOtherSessionsTerminalNorTheServersSockets() throws {
        let server = try ServeFixture()
        let first = try server.openBoard(as: "ana")
        try first.waitFor(text: "Ana Lindqvist (Admin)")
        let second = try server.openBoard(as: "dev")
        try second.waitFor(text: "Dev Patel")
        let sessions = server.sessionPIDs
        try #require(sessions.count == 2)
        let terminals = sessions.map { Set(openFiles(of: $0).filter { $0.hasPrefix("/dev/pts/") }) }
        #expect(terminals.allSatisfy { $0.count == 1 }, "\(terminals)")
        #expect(terminals[0].isDisjoint(with: terminals[1]))
        for session in sessions {
            let leaked = openFiles(of: session).filter { $0.contains("ptmx") || $0.hasPrefix("socket:") }
            #expect(leaked.isEmpty, "session \(session) holds \(leaked)")
        }
        for board in [first, second] {
            try board.send("q")
            #expect(try board.waitForExit() == 0)
        }
    }

    private func openFiles(of pid: pid_t) -> [String] {
        let folder = "/proc/\(pid)/fd"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/\($0)") }
    }

    @Test func stoppingTheServerHangsUpAndReapsEveryBoard() throws {
        let server = try ServeFixture()
        let boards = try ["ana", "dev"].map { try server.openBoard(as: $0) }
        for board in boards { try board.waitFor(text: "Northwind Robotics") }
        let sessions = server.sessionPIDs
        try #require(sessions.count == 2)
        server.stop()
        #expect(server.exitStatus == 0)
        #expect(!sessions.contains { kill($0, 0) == 0 }, "a board outlived the server")
        #expect(server.audit.components(separatedBy: "\"session-end\"").count - 1 == 2, "\(server.audit)")
    }

    @Test func aPortInUseIsSaidInASentence() throws {
        let first = try ServeFixture(keysFor: [])
        #expect {
            try ServeFixture(keysFor: [], arguments: ["--listen", "127.0.0.1:\(first.port)"])
        } throws: { error in
            "\(error)".contains("Cannot listen on 127.0.0.1:\(first.port) (Address already in use): stop what uses that port, or choose another with --listen.")
        }
    }

    @Test func aDumbTerminalIsToldWhatToUse() throws {
        let server = try ServeFixture()
        let board = try server.openBoard(as: "ana", term: "dumb")
        #expect(try board.waitForExit() == 1)
        #expect(try board.captureWithHistory().contains("a terminal of type dumb cannot show the board"))
        #expect(server.audit.contains("\"what\":\"TERM=dumb\""))
    }

    /// Sessions write the state as the server's user: one that may not is refused at start.
    @Test func aStateTheServersUserMayNotWriteIsRefusedAtStart() throws {
        let result = Result { try ServeFixture(keysFor: [], givingStateToNobody: false) }
        if geteuid() == 0 {
            #expect(throws: (any Error).self) { try result.get() }
            if case .failure(let error) = result {
                #expect("\(error)".contains("Every board writes the state, but nobody may not read and write"), "\(error)")
                #expect("\(error)".contains("chown -R nobody"))
            }
        } else {
            // Started by its own user, the server writes the state as that user, who owns it.
            #expect(throws: Never.self) { try result.get() }
        }
    }
}
