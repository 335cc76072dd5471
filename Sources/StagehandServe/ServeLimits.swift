import Foundation
import StagehandCore
import Synchronization

/// What one server allows at once: sessions in all and per member, and new
/// connections from one address in a minute (0: no limit, for an office behind
/// one address).
public final class ServeLimits: Sendable {
    public let maxSessions: Int
    public let maxSessionsPerMember: Int
    public let connectionsPerMinute: Int
    private let sessions = Mutex<(total: Int, byMember: [MemberID: Int])>((0, [:]))
    private let arrivals = Mutex<[String: [Date]]>([:])

    public init(maxSessions: Int, maxSessionsPerMember: Int, connectionsPerMinute: Int) {
        self.maxSessions = maxSessions
        self.maxSessionsPerMember = min(maxSessionsPerMember, maxSessions)
        self.connectionsPerMinute = connectionsPerMinute
    }

    /// Which limit a new session would pass, if any.
    enum Refusal {
        case total, perMember
    }

    /// Boards running now.
    public var openSessions: Int { sessions.withLock { $0.total } }

    /// Nil, and counted, when `member` may open one more session; else the limit it reached.
    func claimSession(for member: MemberID) -> Refusal? {
        sessions.withLock { counts in
            guard counts.total < maxSessions else { return .total }
            guard counts.byMember[member, default: 0] < maxSessionsPerMember else { return .perMember }
            counts.total += 1
            counts.byMember[member, default: 0] += 1
            return nil
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
        guard connectionsPerMinute > 0 else { return true }
        return arrivals.withLock { arrivals in
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
