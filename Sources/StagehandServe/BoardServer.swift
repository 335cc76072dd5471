import Foundation
import NIOCore
import Synchronization
import NIOPosix
import NIOSSH
import StagehandCore

/// What a server is started with.
public struct ServeSettings: Sendable {
    /// The state file or database every board opens.
    public var state: StoreLocation
    /// The `stagehand` executable each session runs.
    public var board: String
    /// How long a connection may go without a key from the person.
    public var idleTimeout: TimeAmount
    public var authenticationDeadline: TimeAmount = .seconds(10)
    /// Keys a client may offer on one connection.
    public var maxKeysOffered = 6

    public init(state: StoreLocation, board: String, idleTimeout: TimeAmount) {
        self.state = state
        self.board = board
        self.idleTimeout = idleTimeout
    }

    /// swift-nio-ssh answers every key's query ("would this key do?") with yes
    /// without asking, so each key offered costs two attempts, the query and the
    /// signed request; the first request ("which methods?") costs one. Counting
    /// so lets a member whose right key is sixth in their agent in.
    var maxAuthenticationAttempts: Int { 1 + 2 * maxKeysOffered }

    /// "30 min", "2 h": the idle timeout as the client is told it.
    var idleWords: String {
        let seconds = idleTimeout.nanoseconds / 1_000_000_000
        if seconds % 3600 == 0 { return "\(seconds / 3600) h" }
        if seconds % 60 == 0 { return "\(seconds / 60) min" }
        return "\(seconds) s"
    }
}

/// The SSH server: one NIOSSH handler per connection, public keys only, one
/// board per connection, and nothing else (no forwarding, no commands).
public enum BoardServer {
    /// Listens on `host`:`port` (0 picks a free port); close its channel to stop.
    public static func start(
        host: String, port: Int, settings: ServeSettings, hostKey: HostKey, directory: MemberDirectory, limits: ServeLimits,
        audit: Audit, group: any EventLoopGroup
    ) throws -> RunningServer {
        let connections = ConnectionRegistry()
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socket(SocketOptionLevel(SOL_SOCKET), SO_REUSEADDR), value: 1)
            .childChannelOption(ChannelOptions.socket(SocketOptionLevel(IPPROTO_TCP), TCP_NODELAY), value: 1)
            .childChannelInitializer { channel in
                let source = channel.remoteAddress?.ipAddress ?? "unknown"
                guard limits.admitConnection(from: source) else {
                    audit.record("limit", ["source": source, "limit": "connections per minute", "max": limits.connectionsPerMinute])
                    return channel.close()
                }
                audit.record("connection", ["source": source])
                let authentication = KeyAuthentication(directory: directory, audit: audit, source: source)
                let connection = Connection(source: source, authentication: authentication, channel: channel)
                connections.add(connection)
                // No banner: swift-nio-ssh sends one only with a successful sign-in, so it
                // cannot tell an RSA key's owner anything; `members add-key` does.
                var configuration = SSHServerConfiguration(
                    hostKeys: [hostKey.privateKey], userAuthDelegate: authentication,
                    globalRequestDelegate: ForwardingRefusal(audit: audit, connection: connection))
                configuration.maxAuthAttempts = settings.maxAuthenticationAttempts
                channel.eventLoop.scheduleTask(in: settings.authenticationDeadline) {
                    guard authentication.member == nil, channel.isActive else { return }
                    audit.record("limit", ["source": source, "limit": "authentication deadline"])
                    channel.close(promise: nil)
                }
                watchIdleness(connection, settings: settings, audit: audit)
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        ConnectionWatch(audit: audit, connection: connection),
                        NIOSSHHandler(
                            role: .server(configuration), allocator: channel.allocator,
                            inboundChildChannelInitializer: { child, type in
                                guard case .session = type else {
                                    audit.record(
                                        "refused",
                                        ["source": source, "member": authentication.member?.id.rawValue ?? "", "what": "local port forwarding"])
                                    return child.eventLoop.makeFailedFuture(ServeError("Port forwarding is refused."))
                                }
                                return child.eventLoop.makeCompletedFuture {
                                    try child.pipeline.syncOperations.addHandler(
                                        BoardSession(settings: settings, connection: connection, limits: limits, audit: audit))
                                }
                            }),
                    ])
                }
            }
        do {
            let channel = try bootstrap.bind(host: host, port: port).wait()
            return RunningServer(channel: channel, connections: connections, limits: limits)
        } catch let error as IOError {
            throw ServeError(
                "Cannot listen on \(host):\(port) (\(String(cString: strerror(error.errnoCode)))): stop what uses that port, or choose another with --listen.")
        }
    }

    /// Idle means no key from the person for the idle timeout: SSH keepalives and
    /// the board's own output do not keep a connection open.
    private static func watchIdleness(_ connection: Connection, settings: ServeSettings, audit: Audit) {
        let limit = TimeInterval(settings.idleTimeout.nanoseconds) / 1e9
        let every = TimeAmount.nanoseconds(min(settings.idleTimeout.nanoseconds / 4, TimeAmount.seconds(10).nanoseconds))
        let channel = connection.channel
        let check = channel.eventLoop.scheduleRepeatedTask(initialDelay: every, delay: every) { task in
            guard connection.secondsSinceLastKey >= limit else { return }
            task.cancel()
            audit.record(
                "limit",
                ["source": connection.source, "member": connection.authentication.member?.id.rawValue ?? "", "limit": "idle timeout"])
            connection.end(because: "idle for \(settings.idleWords), so the session ended")
        }
        channel.closeFuture.whenComplete { _ in check.cancel() }
    }
}

/// A server that is listening, and what it needs to stop without losing a board's last words.
public struct RunningServer: Sendable {
    public let channel: any Channel
    fileprivate let connections: ConnectionRegistry
    fileprivate let limits: ServeLimits

    /// Ends every board, each restoring its client's terminal and saying `reason`,
    /// and waits (up to `timeout` seconds) until each is gone and reaped and its
    /// client has read that and hung up; then closes what is left, so that no
    /// board outlives the event loops.
    public func endSessions(because reason: String, waiting timeout: TimeInterval) {
        for connection in connections.all {
            if connection.runsBoard { connection.end(because: reason) } else { connection.channel.close(promise: nil) }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while !connections.all.isEmpty || limits.openSessions > 0, Date() < deadline { usleep(20_000) }
        for connection in connections.all { connection.channel.close(promise: nil) }
    }
}

/// The connections open now.
private final class ConnectionRegistry: Sendable {
    private let open = Mutex<[ObjectIdentifier: Connection]>([:])

    func add(_ connection: Connection) {
        let key = ObjectIdentifier(connection)
        open.withLock { $0[key] = connection }
        connection.channel.closeFuture.whenComplete { [self] _ in _ = open.withLock { $0.removeValue(forKey: key) } }
    }

    var all: [Connection] { open.withLock { Array($0.values) } }
}

/// Logs every connection's end: who it was, or that nobody signed in (an unknown
/// key, a forged signature, an RSA key or a password: swift-nio-ssh refuses the
/// last three itself, so this line is where they show).
final class ConnectionWatch: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    private let audit: Audit
    private let connection: Connection
    private let opened = Date()

    init(audit: Audit, connection: Connection) {
        self.audit = audit
        self.connection = connection
    }

    func channelInactive(context: ChannelHandlerContext) {
        var fields: [String: any Sendable] = ["source": connection.source, "seconds": Date().timeIntervalSince(opened)]
        if let member = connection.authentication.member {
            fields["member"] = member.id.rawValue
        } else {
            fields["signedIn"] = false
        }
        audit.record("connection-end", fields)
        context.fireChannelInactive()
    }
}

/// Remote port forwarding (`ssh -R`) is refused, and logged.
struct ForwardingRefusal: GlobalRequestDelegate {
    let audit: Audit
    let connection: Connection

    func tcpForwardingRequest(
        _ request: GlobalRequest.TCPForwardingRequest, handler: NIOSSHHandler,
        promise: EventLoopPromise<GlobalRequest.TCPForwardingResponse>
    ) {
        audit.record(
            "refused",
            ["source": connection.source, "member": connection.authentication.member?.id.rawValue ?? "", "what": "remote port forwarding"])
        promise.fail(ServeError("Port forwarding is refused."))
    }
}
