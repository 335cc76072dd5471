import Foundation

/// What one dispatch pass did.
public struct DispatchReport: Sendable, Equatable {
    public var advancedRuns: [ActionRunID] = []
    public var sent: [EmailID] = []
    /// Failed for good (a permanent refusal, or the last of the retries).
    public var failed: [EmailID] = []
    /// Failed for now; scheduled again after the backoff.
    public var retrying: [EmailID] = []
    /// Claimed by a process that died mid-send: maybe delivered, never resent by itself.
    public var unknown: [EmailID] = []
    /// Why nothing was claimed: the transport cannot work from this process.
    public var setupProblem: MailSetupError?

    public init() {}

    public var didSomething: Bool { !(sent.isEmpty && failed.isEmpty && retrying.isEmpty && unknown.isEmpty) }
}

/// Sends emails that are due. Each email is claimed under the state file's lock,
/// with the claiming process named, before it is handed to the transport, and
/// marked sent afterwards: two dispatchers never send the same email, and one
/// whose sender died mid-send is reported as unknown instead of being sent again.
public struct Dispatcher {
    public let store: any WorkspaceStore
    public let clock: Clock
    public let processes: ProcessTable
    /// Emails claimed per lock: small, so a crash leaves few in doubt and several
    /// dispatchers share a long queue.
    public let batchSize: Int
    private let makeTransport: @Sendable (MailSettings) throws -> any MailTransport

    /// Sends through the transport the workspace's mail settings name at the time of
    /// each pass, so `stagehand mail set` reaches an open board or `dispatch --watch`.
    public init(store: any WorkspaceStore, transports: MailTransports, clock: Clock, processes: ProcessTable = .system, batchSize: Int = 10) {
        self.init(store: store, clock: clock, processes: processes, batchSize: batchSize) { try transports.transport(for: $0) }
    }

    /// Sends through one fixed transport, whatever the settings say (tests).
    public init(store: any WorkspaceStore, transport: any MailTransport, clock: Clock, processes: ProcessTable = .system, batchSize: Int = 10) {
        self.init(store: store, clock: clock, processes: processes, batchSize: batchSize) { _ in transport }
    }

    private init(
        store: any WorkspaceStore, clock: Clock, processes: ProcessTable, batchSize: Int,
        makeTransport: @escaping @Sendable (MailSettings) throws -> any MailTransport
    ) {
        self.store = store
        self.clock = clock
        self.processes = processes
        self.batchSize = batchSize
        self.makeTransport = makeTransport
    }

    /// Runs action steps whose grace period is over, reports sends whose process
    /// died, then sends every due email, a batch at a time; with `only`, sends just those.
    @discardableResult
    public func runDue(only: Set<EmailID>? = nil) throws -> DispatchReport {
        var report = DispatchReport()
        var firstBatch = true
        while true {
            let now = clock.now
            let batch: (emails: [OutgoingEmail], transport: (any MailTransport)?) = try store.update { workspace in
                if firstBatch {
                    // A targeted send (a board sending what its own run just made) leaves the
                    // pacing of runs to their owner; a general pass also runs what is overdue.
                    if only == nil { report.advancedRuns = workspace.advanceRuns(now: now) }
                    report.unknown = workspace.giveUpAbandonedClaims(isRunning: processes.isRunning, now: now)
                }
                guard workspace.hasDueEmails(now: now, only: only) else { return ([], nil) }
                let transport: any MailTransport
                do {
                    transport = try makeTransport(workspace.setup.settings.mail)
                } catch let problem as MailSetupError {
                    report.setupProblem = problem
                    return ([], nil)
                }
                let claim = processes.claim(at: now)
                return (workspace.claimDueEmails(now: now, only: only, limit: batchSize, claim: claim), transport)
            }
            firstBatch = false
            guard let transport = batch.transport, !batch.emails.isEmpty else { return report }
            for email in batch.emails {
                let outcome = Self.deliver(email, through: transport, now: clock.now)
                let status = try store.update { workspace in
                    workspace.finishSending(email.id, outcome: outcome, now: clock.now)
                }
                switch status {
                case .sent: report.sent.append(email.id)
                case .scheduled: report.retrying.append(email.id)
                case .unknown: report.unknown.append(email.id)
                default: report.failed.append(email.id)
                }
            }
        }
    }

    private static func deliver(_ email: OutgoingEmail, through transport: any MailTransport, now: Date) -> Result<String, DeliveryFailure> {
        let message = MailMessage(
            fromName: email.fromName, fromAddress: email.fromAddress, toName: email.toName,
            toAddress: email.toAddress, subject: email.subject, body: email.body, date: now,
            messageID: email.messageID ?? MailMessage.makeMessageID(domain: "stagehand.local"))
        do {
            return .success(try transport.send(message))
        } catch MailError.alreadyInOutbox(let path) {
            // The same Message-ID is already there: an earlier attempt delivered it.
            return .success("already in the outbox as \(path)")
        } catch let failure as DeliveryFailure {
            return .failure(failure)
        } catch {
            // A full disk or an unwritable outbox may clear up; retrying is the safe guess.
            return .failure(DeliveryFailure(.transient, String(describing: error)))
        }
    }

    /// When the next email falls due or the next run's grace period ends, if ever.
    /// A run whose steps have all started (one may wait for its email, which another
    /// process is sending) waits on nobody's clock, so it does not count.
    public func nextDueDate() -> Date? {
        Self.nextDueDate(in: store.workspace)
    }

    /// The same for any workspace, without building lists: an open board asks it after its changes.
    public static func nextDueDate(in workspace: Workspace) -> Date? {
        let email = workspace.emails.lazy.filter { $0.status == .scheduled }.map(\.dueAt).min()
        let run = workspace.actionRuns.lazy.filter { $0.steps.contains { $0.state == .pending } }.map(\.startsAt).min()
        return [email, run].compactMap { $0 }.min()
    }

    /// Whether some process is handing an email to its server right now: should it
    /// die, a pass is what reports the email as unknown.
    public static func hasSendsUnderWay(in workspace: Workspace) -> Bool {
        workspace.emails.contains { $0.status == .sending }
    }
}
