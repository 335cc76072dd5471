import Foundation
import StagehandCore

/// Sends the board's emails on a thread of its own, so that a slow or hanging mail
/// server never freezes the keyboard: a pass runs when woken (a move made an email
/// due, someone pressed send now) and every few seconds for delayed ones. The thread
/// has its own `StateFile`; the board sees the outcome at its next reload.
public final class BackgroundSender: @unchecked Sendable {
    private let interval: TimeInterval
    private let makeDispatcher: @Sendable () throws -> Dispatcher
    private let condition = NSCondition()
    private var woken = false
    private var stopping = false
    private let stopped = DispatchSemaphore(value: 0)
    private var problem: String?

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

    /// False once stopping; otherwise returns when woken or after `interval`.
    private func waitForWork() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(interval)
        while !woken && !stopping && condition.wait(until: deadline) {}
        woken = false
        return !stopping
    }
}
