import Foundation
import StagehandCore

/// Sends the board's emails on a thread of its own, so that a slow or hanging mail
/// server never freezes the keyboard: a pass runs when woken (a move made an email
/// due, someone pressed send now) and when the board says something falls due
/// (`nextPass(in:)`), at most every `interval` seconds. The thread has its own
/// store, opened at its first pass: a board with nothing to send never reads the
/// workspace a second time. The board sees the outcome at its next reload.
public final class BackgroundSender: @unchecked Sendable {
    /// The shortest time between two passes nobody asked for.
    public let interval: TimeInterval
    private let makeDispatcher: @Sendable () throws -> Dispatcher
    private let condition = NSCondition()
    private var woken = false
    private var stopping = false
    private let stopped = DispatchSemaphore(value: 0)
    private var problem: String?
    /// When the board last said something falls due; nil: nothing to do until woken.
    private var dueAt: Date?
    private var lastPass = Date.distantPast

    /// Why the last pass could send nothing from this process (no password here,
    /// no server set), or nil when it could.
    public var setupProblem: String? { condition.withLock { problem } }

    public init(interval: TimeInterval = 5, makeDispatcher: @escaping @Sendable () throws -> Dispatcher) {
        self.interval = interval
        self.makeDispatcher = makeDispatcher
    }

    public func start() {
        Thread.detachNewThread { [self] in
            var dispatcher: Dispatcher?
            while waitForWork() {
                do {
                    // Opened on the thread that uses it; a store that cannot be opened is tried again next pass.
                    let current = try dispatcher ?? makeDispatcher()
                    dispatcher = current
                    let report = try current.runDue()
                    condition.withLock { problem = report.setupProblem?.sentence }
                } catch {
                    condition.withLock { problem = (error as? any UserFacingError)?.sentence ?? "\(error)" }
                }
            }
            stopped.signal()
        }
    }

    /// Asks for a pass once `seconds` have passed (nil: none until woken); safe from any thread.
    public func nextPass(in seconds: TimeInterval?) {
        condition.withLock {
            dueAt = seconds.map { Date().addingTimeInterval(max(0, $0)) }
            condition.signal()
        }
    }

    /// Asks for a pass now; safe from any thread.
    public func wake() {
        condition.withLock {
            woken = true
            condition.signal()
        }
    }

    /// Lets the pass under way finish, so no email is left claimed by a process that
    /// is about to exit, and ends the thread. A server that hangs is not waited for
    /// past `patience`: its email is then reported unknown by the next dispatcher
    /// rather than sent twice.
    public func stop(patience: Duration = .seconds(10)) {
        condition.withLock {
            stopping = true
            condition.signal()
        }
        _ = stopped.wait(timeout: .now() + .seconds(Int(patience.components.seconds)))
    }

    /// False once stopping; otherwise returns when woken, or when something falls due
    /// and the last pass is `interval` behind (what stays due, such as an email no
    /// transport can take, is tried again at that pace rather than at once).
    private func waitForWork() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !woken && !stopping {
            guard let dueAt else {
                condition.wait()
                continue
            }
            let deadline = max(dueAt, lastPass.addingTimeInterval(interval))
            if Date() >= deadline { break }
            _ = condition.wait(until: deadline)
        }
        woken = false
        lastPass = Date()
        return !stopping
    }
}
