import Foundation
import NIOCore
import NIOSSH
import StagehandCore

/// One SSH session channel: the board for the member who signed in, on a pty
/// of its own, one per connection. `pty-req`, `shell` and `window-change` are
/// honoured; commands, subsystems, environment variables and sessions without a
/// terminal are not.
final class BoardSession: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData

    private let settings: ServeSettings
    private let connection: Connection
    private let limits: ServeLimits
    private let audit: Audit
    private var terminal: (type: String, rows: Int, columns: Int)?
    private var process: SessionProcess?

    private var authentication: KeyAuthentication { connection.authentication }
    private var source: String { connection.source }

    init(settings: ServeSettings, connection: Connection, limits: ServeLimits, audit: Audit) {
        self.settings = settings
        self.connection = connection
        self.limits = limits
        self.audit = audit
    }

    func handlerAdded(context: ChannelHandlerContext) {
        _ = context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard case .channel = message.type, case .byteBuffer(let bytes) = message.data else { return }
        connection.keyPressed()
        process?.write(Array(bytes.readableBytesView))
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            terminal = (request.term, request.terminalRowHeight, request.terminalCharacterWidth)
            reply(context, request.wantReply, succeeded: true)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            terminal?.rows = request.terminalRowHeight
            terminal?.columns = request.terminalCharacterWidth
            process?.resize(rows: request.terminalRowHeight, columns: request.terminalCharacterWidth)
        case let request as SSHChannelRequestEvent.ShellRequest:
            startBoard(context, wantReply: request.wantReply)
        case let request as SSHChannelRequestEvent.ExecRequest:
            // Accepted, so that the client shows the sentence before the exit status 1.
            refuse(
                context, "commands are refused, only the board runs here: connect without one (ssh -p PORT HOST).", what: "command",
                accepting: request.wantReply, details: ["command": Audit.quoted(request.command)])
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            refuse(context, "no subsystems (\(request.subsystem) included) run here: connect without one to open the board.", what: "subsystem \(request.subsystem)", wantReply: request.wantReply)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            // The board's environment is the server's to set; clients send LANG and such unasked.
            audit.record(
                "refused",
                ["source": source, "member": authentication.member?.id.rawValue ?? "", "what": "environment variable",
                 "name": Audit.quoted(request.name)])
            reply(context, request.wantReply, succeeded: false)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        process?.hangUp()
        context.fireChannelInactive()
    }

    private func startBoard(_ context: ChannelHandlerContext, wantReply: Bool) {
        guard process == nil else { return reply(context, wantReply, succeeded: false) }
        guard let terminal else {
            return refuse(context, "the board needs a terminal: connect with ssh -t, or without -T.", what: "session without a terminal", accepting: wantReply)
        }
        guard terminal.type != "dumb" else {
            return refuse(
                context, "a terminal of type dumb cannot show the board: connect from a terminal such as xterm (TERM=xterm-256color ssh -p PORT HOST).",
                what: "TERM=dumb", accepting: wantReply)
        }
        guard let member = authentication.member else { return refuse(context, "sign in first.", what: "shell before sign-in", wantReply: wantReply) }
        guard connection.claimBoard() else {
            return refuse(
                context, "one board per connection: open another connection (run ssh again) for a second board.", what: "second session on a connection",
                accepting: wantReply)
        }
        switch limits.claimSession(for: member.id) {
        case .total?:
            audit.record("limit", ["source": source, "member": member.id.rawValue, "limit": "sessions", "max": limits.maxSessions])
            return refuse(context, "as many boards as allowed (\(limits.maxSessions)) are open: try again later.", what: "session over the limit", accepting: wantReply)
        case .perMember?:
            audit.record(
                "limit", ["source": source, "member": member.id.rawValue, "limit": "sessions per member", "max": limits.maxSessionsPerMember])
            return refuse(
                context, "you have as many boards open as one member may (\(limits.maxSessionsPerMember)): close one, then connect again.",
                what: "session over the member's limit", accepting: wantReply)
        case nil:
            break
        }
        let started = Date()
        let session: SessionProcess
        do {
            session = try SessionProcess(
                executable: settings.board, arguments: ["stagehand", "--as", member.id.rawValue],
                environment: sessionEnvironment(for: member),
                rows: terminal.rows, columns: terminal.columns)
        } catch {
            limits.releaseSession(for: member.id)
            return refuse(context, "\(error)", what: "board that did not start", wantReply: wantReply)
        }
        process = session
        connection.boardStarted(session)
        reply(context, wantReply, succeeded: true)
        audit.record("session-start", ["source": source, "member": member.id.rawValue, "pid": Int(session.pid)])
        let channel = context.channel
        let (limits, audit, source) = (limits, audit, source)
        session.run(
            output: { bytes in
                channel.writeAndFlush(SSHChannelData(type: .channel, data: .byteBuffer(ByteBuffer(bytes: bytes))), promise: nil)
            },
            exited: { status in
                limits.releaseSession(for: member.id)
                var fields: [String: any Sendable] = [
                    "source": source, "member": member.id.rawValue, "status": Int(status), "seconds": Date().timeIntervalSince(started),
                ]
                // The board has put the client's terminal back; now the client hears why it ended.
                if let reason = session.endReason {
                    fields["reason"] = reason
                    let line = ByteBuffer(string: "stagehand-serve: \(reason).\r\n")
                    channel.writeAndFlush(SSHChannelData(type: .stdErr, data: .byteBuffer(line)), promise: nil)
                }
                audit.record("session-end", fields)
                channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: Int(status))).whenComplete { _ in
                    channel.close(promise: nil)
                }
            })
    }

    /// A clean environment: the terminal, the language, who it is, and where the state
    /// is — in the environment rather than the arguments, so that a database's URI
    /// never shows in `ps` — with libpq's own settings (a password file, TLS) passed on.
    private func sessionEnvironment(for member: Member) -> [String: String] {
        var environment = [
            "TERM": TerminalType.known(terminal?.type ?? ""), "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin",
            "USER": member.login, "LOGNAME": member.login,
        ]
        switch settings.state {
        case .file(let path):
            environment["STAGEHAND_STATE"] = path.path
            // Where each member's last job is remembered: beside the state, which the service may write (not its home).
            environment["XDG_STATE_HOME"] = path.deletingLastPathComponent().path
        case .database(let database):
            environment["STAGEHAND_STATE"] = database.uri
            for (key, value) in ProcessInfo.processInfo.environment where key.hasPrefix("PG") || key == "XDG_STATE_HOME" {
                environment[key] = value
            }
        }
        return environment
    }

    /// Says why on the client's stderr, answers the request, exits 1 and closes.
    /// A request that is `accepting` is answered yes first: OpenSSH drops what
    /// follows a refused `exec` or `shell` unread, and the sentence with it.
    private func refuse(
        _ context: ChannelHandlerContext, _ sentence: String, what: String, wantReply: Bool = false, accepting: Bool = false,
        details: [String: String] = [:]
    ) {
        var fields: [String: any Sendable] = ["source": source, "member": authentication.member?.id.rawValue ?? "", "what": what]
        for (key, value) in details { fields[key] = value }
        audit.record("refused", fields)
        reply(context, accepting, succeeded: true)
        let text = ByteBuffer(string: "stagehand-serve: \(sentence)\r\n")
        context.writeAndFlush(wrapOutbound(SSHChannelData(type: .stdErr, data: .byteBuffer(text))), promise: nil)
        reply(context, wantReply, succeeded: false)
        let channel = context.channel
        channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: 1)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    private func wrapOutbound(_ data: SSHChannelData) -> NIOAny { NIOAny(data) }

    private func reply(_ context: ChannelHandlerContext, _ wanted: Bool, succeeded: Bool) {
        guard wanted else { return }
        context.triggerUserOutboundEvent(succeeded ? ChannelSuccessEvent() as Any : ChannelFailureEvent() as Any, promise: nil)
    }
}

/// The client's TERM if this machine's terminfo knows it (ncurses would refuse
/// it otherwise), else the type nearly every terminal emulates.
enum TerminalType {
    static let fallback = "xterm-256color"

    static func known(_ term: String) -> String {
        let safe = !term.isEmpty && term.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-._".contains($0)) }
        guard safe, let first = term.first else { return fallback }
        let folders = ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"]
        let found = folders.contains { folder in
            FileManager.default.fileExists(atPath: "\(folder)/\(first)/\(term)")
                || FileManager.default.fileExists(atPath: "\(folder)/\(String(format: "%02x", first.asciiValue ?? 0))/\(term)")
        }
        return found ? term : fallback
    }
}
