import Foundation
import NIOCore
import Synchronization

/// One client's connection: who signed in on it, when they last pressed a key,
/// and the one board it may run.
final class Connection: Sendable {
    let source: String
    let authentication: KeyAuthentication
    let channel: any Channel
    private let lastKey = Mutex(Date())
    private let board = Mutex<(claimed: Bool, process: SessionProcess?)>((false, nil))

    init(source: String, authentication: KeyAuthentication, channel: any Channel) {
        self.source = source
        self.authentication = authentication
        self.channel = channel
    }

    /// A key from the person: what keeps a connection from being idle. Keepalives,
    /// window changes and the board's own output do not count.
    func keyPressed() { lastKey.withLock { $0 = Date() } }

    var secondsSinceLastKey: TimeInterval { Date().timeIntervalSince(lastKey.withLock { $0 }) }

    /// Takes the connection's one board slot; false when a board runs on it already.
    func claimBoard() -> Bool {
        board.withLock { board in
            guard !board.claimed else { return false }
            board.claimed = true
            return true
        }
    }

    func boardStarted(_ process: SessionProcess) { board.withLock { $0.process = process } }

    /// Ends the connection's board, which restores the client's terminal and then
    /// says `reason` to the client; a connection with no board closes at once.
    func end(because reason: String) {
        if let process = board.withLock({ $0.process }) {
            process.end(because: reason)
        } else {
            channel.close(promise: nil)
        }
    }

    var runsBoard: Bool { board.withLock { $0.process != nil } }
}
