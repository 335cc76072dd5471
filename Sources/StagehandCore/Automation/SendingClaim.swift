import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which process took an email to send it, recorded with the claim so that another
/// process can tell a send in progress from one whose sender died mid-way.
public struct SendingClaim: Codable, Sendable, Equatable {
    public var host: String
    public var pid: Int32
    /// When the process started, in the kernel's clock ticks since boot: with the pid it
    /// names one process even after the pid is reused.
    public var processStart: Int?
    public var at: Date

    public init(host: String, pid: Int32, processStart: Int?, at: Date) {
        self.host = host
        self.pid = pid
        self.processStart = processStart
        self.at = at
    }
}

/// Answers "is the process that made this claim still running?". Only a claim made on
/// this host can be checked; one from elsewhere is presumed alive.
public struct ProcessTable: Sendable {
    public let host: String
    public let pid: Int32
    public let processStart: Int?
    private let isRunning: @Sendable (SendingClaim) -> Bool

    public init(host: String, pid: Int32, processStart: Int?, isRunning: @escaping @Sendable (SendingClaim) -> Bool) {
        self.host = host
        self.pid = pid
        self.processStart = processStart
        self.isRunning = isRunning
    }

    public func claim(at now: Date) -> SendingClaim {
        SendingClaim(host: host, pid: pid, processStart: processStart, at: now)
    }

    public func isRunning(_ claim: SendingClaim) -> Bool { isRunning(claim) }

    /// This process, checked with kill(pid, 0) and /proc/PID/stat.
    public static let system: ProcessTable = {
        let host = ProcessInfo.processInfo.hostName
        return ProcessTable(host: host, pid: getpid(), processStart: startTime(of: getpid())) { claim in
            guard claim.host == host else { return true }
            if kill(claim.pid, 0) != 0 && errno == ESRCH { return false }
            guard let recorded = claim.processStart, let current = startTime(of: claim.pid) else { return true }
            return recorded == current
        }
    }()

    /// Field 22 of /proc/PID/stat; the command name before it may hold spaces and
    /// parentheses, so counting starts after its last ')'.
    static func startTime(of pid: Int32) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: end)...].split(separator: " ")
        // After ')': state is field 3, so start time (22) is the 20th.
        return fields.count > 19 ? Int(fields[19]) : nil
    }
}
