import ArgumentParser
import Foundation
import NIOCore
import NIOPosix
import StagehandCore
import StagehandServe

#if canImport(Glibc)
    import Glibc
#endif

/// `stagehand-serve`: the board over SSH, each member signing in with their own key.
@main
struct StagehandServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stagehand-serve",
        abstract: "Serve the Stagehand board over SSH: each member signs in with their own public key.",
        discussion: """
            Add keys with 'stagehand members add-key MEMBER FILE.pub', then connect with 'ssh -p 2222 HOST'. \
            Only public keys (ed25519, ECDSA) sign in; commands, subsystems, forwarding and sessions without \
            a terminal are refused. One JSON line per event goes to stderr or --audit-log.
            """)

    @Option(help: "Where to listen, HOST:PORT (loopback unless you say otherwise).") var listen = "127.0.0.1:2222"
    @Option(
        name: .customLong("host-key"),
        help: "The ed25519 host key, made on first start if none is there (default: /etc/stagehand/ssh_host_ed25519_key as root, else beside the state file).")
    var hostKey: String?
    @Option(help: "The state file or a postgresql:// URI (default: $STAGEHAND_STATE, else $XDG_DATA_HOME/stagehand/state.json).")
    var state: String?
    @Option(name: .customLong("max-sessions"), help: "Boards open at once, in all.") var maxSessions = 20
    @Option(name: .customLong("max-sessions-per-member"), help: "Boards one member may have open at once.")
    var maxSessionsPerMember = 3
    @Option(
        name: .customLong("connections-per-minute"),
        help: "New connections one address may make in a minute (0: no limit, for an office behind one address).")
    var connectionsPerMinute = 30
    @Option(name: .customLong("idle-timeout"), help: "Close a connection after this long without a key (30m, 2h).")
    var idleTimeout = "30m"
    @Option(help: "When started as root, run as this user (sessions included): a user of its own, such as stagehand.") var user = "nobody"
    @Option(name: .customLong("audit-log"), help: "Append the audit lines to this file instead of stderr.") var auditLog: String?

    func run() throws {
        do {
            try serve()
        } catch {
            let sentence = (error as? any UserFacingError)?.sentence ?? "\(error)"
            FileHandle.standardError.write(Data("stagehand-serve: \(sentence)\n".utf8))
            throw ExitCode(Self.exitStatus(for: error))
        }
    }

    /// The state file's refusals end as `stagehand` ends for them (sysexits); other
    /// refusals with 1, and what the system refused with 74.
    static func exitStatus(for error: any Error) -> Int32 {
        switch error {
        case let error as StateFileError: error.sysexitsClass
        case is ServeError, is any UserFacingError: 1
        default: 74
        }
    }

    private func serve() throws {
        let environment = ProcessInfo.processInfo.environment
        let location = StoreLocation.from(option: state, environment: environment)
        // Beside the state file, or in the default data folder for a database: where the host key goes when not started as root.
        let dataFolder = location.folder(environment: environment)
        let (host, port) = try Self.address(listen)
        let idle = try Self.duration(idleTimeout)
        guard maxSessions > 0, maxSessionsPerMember > 0, connectionsPerMinute >= 0 else {
            throw ServeError("--max-sessions and --max-sessions-per-member need a number above 0, --connections-per-minute 0 or more.")
        }
        let root = geteuid() == 0
        let keyPath = hostKey ?? HostKeyPlacement.defaultPath(folder: dataFolder, startedAsRoot: root)
        let board = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
            .deletingLastPathComponent().appendingPathComponent("stagehand").path
        guard FileManager.default.isExecutableFile(atPath: board) else {
            throw ServeError("The board program \(board) is missing: build it beside stagehand-serve (swift build --product stagehand).")
        }
        // Every check comes before anything is made: a server that cannot serve
        // leaves no host key behind, and a key that is there is never replaced.
        let directory = try MemberDirectory(state: location)
        let existingKey = try HostKey.load(from: keyPath)
        let serviceUser = root ? try ServiceUser.named(user) : nil
        let audit: Audit
        if let serviceUser {
            try HostKeyPlacement.require(keyPath, outOfReachOf: serviceUser)
            // Checked, and the audit log opened, as the user the boards run as.
            audit = try serviceUser.impersonating {
                if case .file(let path) = location { try StateAccess.require(path) }
                return try Audit(path: auditLog)
            }
        } else {
            if case .file(let path) = location { try StateAccess.require(path) }
            audit = try Audit(path: auditLog)
        }
        let key = existingKey ?? HostKey.generate()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let settings = ServeSettings(state: location, board: board, idleTimeout: idle)
        let limits = ServeLimits(maxSessions: maxSessions, maxSessionsPerMember: maxSessionsPerMember, connectionsPerMinute: connectionsPerMinute)
        let server = try BoardServer.start(
            host: host, port: port, settings: settings, hostKey: key, directory: directory, limits: limits, audit: audit, group: group)
        let channel = server.channel
        if existingKey == nil {
            do {
                try key.save(to: keyPath)
            } catch {
                try? channel.close().wait()
                throw error
            }
        }
        // Bound and keyed as root if need be; then nobody keeps root.
        try serviceUser?.become()
        // Ready for the signals before saying so: one that came between would be lost.
        let stop = ServerSignals(stop: { channel.close(promise: nil) }, reopenLog: { audit.reopen() })
        let bound = channel.localAddress?.port ?? port
        let made = existingKey == nil ? " (new, saved in \(keyPath))" : ""
        print("stagehand-serve: listening on \(host):\(bound) for \(location.shown); host key \(key.fingerprint)\(made)")
        fflush(nil)
        try channel.closeFuture.wait()
        stop.cancel()
        server.endSessions(because: "the server is stopping", waiting: 5)
        try group.syncShutdownGracefully()
    }

    static func address(_ text: String) throws -> (String, Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw ServeError("--listen needs HOST:PORT, such as 127.0.0.1:2222.")
        }
        let host = String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return (host.isEmpty ? "127.0.0.1" : host, port)
    }

    static func duration(_ text: String) throws -> TimeAmount {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600]
        guard let unit = text.last, let seconds = units[unit], let count = Int64(text.dropLast()), count > 0 else {
            throw ServeError("--idle-timeout needs a number and s, m or h, such as 30m.")
        }
        return .seconds(count * seconds)
    }
}
