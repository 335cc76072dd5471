import Foundation

/// What a long-running process sleeps on until the workspace changes, a deadline
/// passes or `wake()` is called: inotify for a state file, LISTEN for a database.
public protocol WorkspaceWatch: AnyObject, Sendable {
    /// Safe from any thread (a signal handler's queue, say).
    func wake()
    /// Waits until the workspace changes, `deadline` passes (never, when nil) or `wake()`.
    func wait(until deadline: Date?) -> WatchReason
}

public enum WatchReason: Sendable, Equatable {
    case changed
    case deadline
    case woken
}

extension StateFileWatch: WorkspaceWatch {}

extension StoreLocation {
    /// A watch on this workspace, for `dispatch --watch`.
    public func watch() throws -> any WorkspaceWatch {
        switch self {
        case .file(let path): try StateFileWatch(path)
        case .database(let database): try DatabaseWatch(database)
        }
    }
}
