import Foundation
import Synchronization

/// One JSON line per event, for whoever watches the server: connections,
/// sign-ins accepted and refused (with the key's fingerprint), sessions with
/// their length, and limits reached. To stderr, or appended to a file.
public final class Audit: Sendable {
    private let output: Mutex<FileHandle>
    private let clock: @Sendable () -> Date

    public init(path: String?, clock: @escaping @Sendable () -> Date = Date.init) throws {
        self.clock = clock
        guard let path else {
            output = Mutex(FileHandle.standardError)
            return
        }
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ServeError("Cannot write the audit log \(path): choose a file you may write with --audit-log.")
        }
        handle.seekToEndOfFile()
        output = Mutex(handle)
    }

    /// `event` names what happened; `fields` say the rest (strings, numbers, booleans).
    public func record(_ event: String, _ fields: [String: any Sendable] = [:]) {
        var line: [String: Any] = fields
        line["event"] = event
        line["time"] = ISO8601DateFormatter().string(from: clock())
        guard var data = try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        data.append(UInt8(ascii: "\n"))
        output.withLock { $0.write(data) }
    }
}
