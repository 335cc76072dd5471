import Foundation
import StagehandCore
import Synchronization

/// What one server allows at once: sessions in all (and per member, the same
/// number), and new connections from one address in a minute.
public final class ServeLimits: Sendable {
    public let maxSessions: Int
    public let connectionsPerMinute: Int
    private let sessions = Mutex<(total: Int, byMember: [MemberID: Int])>((0, [:]))
    private let arrivals = Mutex<[String: [Date]]>([:])

    public init(maxSessions: Int, connectionsPerMinute: Int) {
        self.maxSessions = maxSessions
        self.connectionsPerMinute = connectionsPerMinute
    }

    /// Boards running now.
    public var openSessions: Int { sessions.withLock { $0.total } }

    /// True, and counted, when `member` may open one more session.
    func claimSession(for member: MemberID) -> Bool {
        sessions.withLock { counts in
            guard counts.total < maxSessions, counts.byMember[member, default: 0] < maxSessions else { return false }
            counts.total += 1
            counts.byMember[member, default: 0] += 1
            return true
        }
    }

    func releaseSession(for member: MemberID) {
        sessions.withLock { counts in
            counts.total -= 1
            counts.byMember[member, default: 1] -= 1
        }
    }

    /// True, and counted, when `source` has connected fewer than the limit in the last minute.
    func admitConnection(from source: String, now: Date = Date()) -> Bool {
        arrivals.withLock { arrivals in
            let recent = (arrivals[source] ?? []).filter { now.timeIntervalSince($0) < 60 }
            guard recent.count < connectionsPerMinute else {
                arrivals[source] = recent
                return false
            }
            arrivals[source] = recent + [now]
            return true
        }
    }
}
