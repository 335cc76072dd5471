import Foundation
import NIOCore
import Synchronization
import NIOPosix
import NIOSSH
import StagehandCore

/// What a server is started with.
public struct ServeSettings: Sendable {
    public var state: URL
    /// The `stagehand` executable each session runs.
    public var board: String
    public var idleTimeout: TimeAmount
    public var authenticationDeadline: TimeAmount = .seconds(10)
    public var maxAuthenticationAttempts = 6

    public init(state: URL, board: String, idleTimeout: TimeAmount) {
        self.state = state
        self.board = board
        self.idleTimeout = idleTimeout
    }
}

/// The SSH server: one NIOSSH handler per connection, public keys only, one
/// board per session channel, and nothing else (no forwarding, no commands).
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
                connections.add(channel)
                let authentication = KeyAuthentication(directory: directory, audit: audit, source: source)
                // No banner: swift-nio-ssh sends one only with a successful sign-in, so it
                // cannot tell an RSA key's owner anything; `members add-key` does.
                var configuration = SSHServerConfiguration(
                    hostKeys: [hostKey.privateKey], userAuthDelegate: authentication,
                    globalRequestDelegate: ForwardingRefusal(audit: audit, source: source))
                configuration.maxAuthAttempts = settings.maxAuthenticationAttempts
                channel.eventLoop.scheduleTask(in: settings.authenticationDeadline) {
                    guard authentication.member == nil, channel.isActive else { return }
                    audit.record("limit", ["source": source, "limit": "authentication deadline"])
                    channel.close(promise: nil)
                }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        IdleStateHandler(readTimeout: settings.idleTimeout),
                        ConnectionWatch(audit: audit, source: source),
                        NIOSSHHandler(
                            role: .server(configuration), allocator: channel.allocator,
                            inboundChildChannelInitializer: { child, type in
                                guard case .session = type else {
                                    audit.record("refused", ["source": source, "what": "local port forwarding"])
                                    return child.eventLoop.makeFailedFuture(ServeError("Port forwarding is refused."))
                                }
                                return child.eventLoop.makeCompletedFuture {
                                    try child.pipeline.syncOperations.addHandler(
                                        BoardSession(settings: settings, authentication: authentication, limits: limits, audit: audit, source: source))
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
}

/// A server that is listening, and what it needs to stop without losing a board's last words.
public struct RunningServer: Sendable {
    public let channel: any Channel
    fileprivate let connections: ConnectionRegistry
    fileprivate let limits: ServeLimits

    /// Closes every connection, which hangs up their boards, and waits (up to
    /// `timeout` seconds) until each board is gone and reaped, so that none is
    /// left behind when the event loops stop.
    public func closeConnections(waiting timeout: TimeInterval) {
        connections.closeAll()
        let deadline = Date().addingTimeInterval(timeout)
        while limits.openSessions > 0, Date() < deadline { usleep(20_000) }
    }
}

/// The connections open now.
private final class ConnectionRegistry: Sendable {
    private let open = Mutex<[ObjectIdentifier: any Channel]>([:])

    func add(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        open.withLock { $0[key] = channel }
        channel.closeFuture.whenComplete { [self] _ in _ = open.withLock { $0.removeValue(forKey: key) } }
    }

    func closeAll() {
        for channel in open.withLock({ Array($0.values) }) { channel.close(promise: nil) }
    }
}

/// Closes a connection whose client has sent nothing for the idle timeout, and
/// logs every connection's end.
final class ConnectionWatch: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    private let audit: Audit
    private let source: String
    private let opened = Date()

    init(audit: Audit, source: String) {
        self.audit = audit
        self.source = source
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            audit.record("limit", ["source": source, "limit": "idle timeout"])
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        audit.record("connection-end", ["source": source, "seconds": Date().timeIntervalSince(opened)])
        context.fireChannelInactive()
    }
}

/// Remote port forwarding (`ssh -R`) is refused, and logged.
struct ForwardingRefusal: GlobalRequestDelegate {
    let audit: Audit
    let source: String

    func tcpForwardingRequest(
        _ request: GlobalRequest.TCPForwardingRequest, handler: NIOSSHHandler,
        promise: EventLoopPromise<GlobalRequest.TCPForwardingResponse>
    ) {
        audit.record("refused", ["source": source, "what": "remote port forwarding"])
        promise.fail(ServeError("Port forwarding is refused."))
    }
}
