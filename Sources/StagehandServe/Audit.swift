import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// One JSON line per event, for whoever watches the server: connections,
/// sign-ins accepted and refused (with the key's fingerprint), sessions with
/// their length, refusals and limits reached. To stderr, or appended to a file
/// that `reopen` (SIGUSR1) opens again after logrotate moved it away.
public final class Audit: Sendable {
    private let path: String?
    private let output: Mutex<Int32>
    private let clock: @Sendable () -> Date

    /// The longest a client's text (a command, a variable's name) is logged: enough
    /// to see what was tried, not enough to fill the disk.
    public static let quotedLimit = 200

    public init(path: String?, clock: @escaping @Sendable () -> Date = Date.init) throws {
        self.path = path
        self.clock = clock
        output = Mutex(try path.map(Self.open) ?? STDERR_FILENO)
    }

    /// Opened to append, so that lines from a rotation's copy or another writer
    /// are never overwritten, and created only its owner may read.
    private static func open(_ path: String) throws -> Int32 {
        let file = Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard file >= 0 else {
            let user = getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? "uid \(geteuid())"
            throw ServeError(
                "Cannot write the audit log \(path) as \(user) (\(String(cString: strerror(errno)))): put it in a folder \(user) may write, or choose another with --audit-log.")
        }
        return file
    }

    /// Opens the log's path again: after logrotate moved the file, new lines go to a new one.
    public func reopen() {
        guard let path, let fresh = try? Self.open(path) else { return }
        let old = output.withLock { file in
            defer { file = fresh }
            return file
        }
        close(old)
        record("audit-reopened", [:])
    }

    /// `event` names what happened; `fields` say the rest (strings, numbers, booleans).
    public func record(_ event: String, _ fields: [String: any Sendable] = [:]) {
        var line: [String: Any] = fields
        line["event"] = event
        line["time"] = ISO8601DateFormatter().string(from: clock())
        guard var data = try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        data.append(UInt8(ascii: "\n"))
        output.withLock { file in
            _ = data.withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
        }
    }

    /// A client's text as the log keeps it: cut to `quotedLimit` characters (JSON
    /// escapes the control characters in it).
    public static func quoted(_ text: String) -> String {
        text.count > quotedLimit ? String(text.prefix(quotedLimit)) + "…" : text
    }
}
