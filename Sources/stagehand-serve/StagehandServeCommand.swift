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
    @Option(name: .customLong("host-key"), help: "The ed25519 host key, made on first start (default: beside the state file).")
    var hostKey: String?
    @Option(help: "The state file (default: $STAGEHAND_STATE, else $XDG_DATA_HOME/stagehand/state.json).") var state: String?
    @Option(name: .customLong("max-sessions"), help: "Boards open at once, in all and per member.") var maxSessions = 20
    @Option(name: .customLong("idle-timeout"), help: "Close a connection after this long without a key (30m, 2h).")
    var idleTimeout = "30m"
    @Option(help: "When started as root, run as this user (sessions included).") var user = "nobody"
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
        let statePath = StateFile.location(option: state, environment: environment)
        let (host, port) = try Self.address(listen)
        let idle = try Self.duration(idleTimeout)
        let keyPath = hostKey ?? statePath.deletingLastPathComponent().appendingPathComponent("ssh_host_ed25519_key").path
        let board = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
            .deletingLastPathComponent().appendingPathComponent("stagehand").path
        guard FileManager.default.isExecutableFile(atPath: board) else {
            throw ServeError("The board program \(board) is missing: build it beside stagehand-serve (swift build --product stagehand).")
        }
        // The state first: a server that cannot serve writes no host key.
        let directory = try MemberDirectory(state: statePath)
        let key = try HostKey.loadOrCreate(at: keyPath)
        let audit = try Audit(path: auditLog)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let settings = ServeSettings(state: statePath, board: board, idleTimeout: idle)
        let limits = ServeLimits(maxSessions: max(1, maxSessions), connectionsPerMinute: 30)
        let server = try BoardServer.start(
            host: host, port: port, settings: settings, hostKey: key, directory: directory, limits: limits, audit: audit, group: group)
        let channel = server.channel
        // Bound and keyed as root if need be; then nobody keeps root.
        try PrivilegeDrop.ifRoot(to: user)
        try StateAccess.require(statePath)
        // Ready for SIGTERM before saying so: a signal that came between would be lost.
        let stop = StopSignals { channel.close(promise: nil) }
        let bound = channel.localAddress?.port ?? port
        print("stagehand-serve: listening on \(host):\(bound) for \(statePath.path); host key \(key.fingerprint)")
        fflush(nil)
        try channel.closeFuture.wait()
        stop.cancel()
        server.closeConnections(waiting: 5)
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
