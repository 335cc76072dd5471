import CPostgres
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Sleeps until another process changes the workspace in the database: a
/// connection of its own that LISTENs for the notice every change sends when it
/// commits, waited on with poll(2) together with a pipe for `wake()` — no polling.
public final class DatabaseWatch: WorkspaceWatch, @unchecked Sendable {
    /// The channel every change notifies, with the workspace's name as the payload.
    static let channel = "stagehand_changes"

    private let location: DatabaseLocation
    private let connection: DatabaseConnection
    private let waker: WakePipe

    public init(_ location: DatabaseLocation) throws {
        self.location = location
        connection = try DatabaseConnection(location)
        try connection.listen(Self.channel)
        guard let waker = WakePipe() else {
            throw DatabaseError.failed(shown: location.shown, detail: "cannot make a pipe: \(String(cString: strerror(errno)))")
        }
        self.waker = waker
    }

    public func wake() { waker.wake() }

    public func wait(until deadline: Date?) -> WatchReason {
        while true {
            let remaining = deadline.map { $0.timeIntervalSinceNow } ?? .infinity
            if remaining <= 0 { return .deadline }
            let milliseconds = Int32(min(remaining, 3600) * 1000) + 1
            var descriptors = [
                pollfd(fd: waker.readEnd, events: Int16(POLLIN), revents: 0),
                pollfd(fd: connection.socket, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&descriptors, 2, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            if descriptors[0].revents != 0 {
                waker.drain()
                return .woken
            }
            // A lost connection counts as a change: the caller's next read says what is wrong.
            if descriptors[1].revents != 0, connection.notices().contains(location.workspace) || !connection.isOpen { return .changed }
        }
    }
}
