import Foundation

/// What one dispatch pass did.
public struct DispatchReport: Sendable, Equatable {
    public var advancedRuns: [ActionRunID] = []
    public var sent: [EmailID] = []
    public var failed: [EmailID] = []
}

/// Sends emails that are due. Each email is claimed under the state file's lock
/// before it is handed to the transport and marked sent afterwards, so two
/// dispatchers never send the same email, and a crash mid-send leaves it marked
/// `sending` (never silently sent twice).
public struct Dispatcher {
    public let store: StateFile
    public let transport: any MailTransport
    public let clock: Clock

    public init(store: StateFile, transport: any MailTransport, clock: Clock) {
        self.store = store
        self.transport = transport
        self.clock = clock
    }

    /// Runs action steps whose grace period is over, then sends every due email;
    /// with `only`, sends just those emails.
    @discardableResult
    public func runDue(only: Set<EmailID>? = nil) throws -> DispatchReport {
        let now = clock.now
        var report = DispatchReport()
        let claimed: [OutgoingEmail] = try store.update { workspace in
            // A targeted send (a board sending what its own run just made) leaves the
            // pacing of runs to their owner; a general pass also runs what is overdue.
            if only == nil { report.advancedRuns = workspace.advanceRuns(now: now) }
            return workspace.claimDueEmails(now: now, only: only)
        }
        for email in claimed {
            let message = MailMessage(
                fromName: email.fromName, fromAddress: email.fromAddress, toName: email.toName,
                toAddress: email.toAddress, subject: email.subject, body: email.body, date: now,
                messageID: email.messageID ?? MailMessage.makeMessageID(domain: "stagehand.local"))
            let failure: String?
            do {
                try transport.send(message)
                failure = nil
            } catch MailError.alreadyInOutbox {
                // The same Message-ID is already there: an earlier attempt delivered it.
                failure = nil
            } catch {
                failure = String(describing: error)
            }
            try store.update { workspace in
                workspace.finishSending(email.id, failure: failure, now: clock.now)
            }
            if failure == nil { report.sent.append(email.id) } else { report.failed.append(email.id) }
        }
        return report
    }

    /// When the next email falls due or the next run's grace period ends, if ever.
    public func nextDueDate() -> Date? {
        let workspace = store.workspace
        let emails = workspace.emails.filter { $0.status == .scheduled }.map(\.dueAt)
        let runs = workspace.actionRuns.filter { !$0.isFinished }.map(\.startsAt)
        return (emails + runs).min()
    }
}

extension Workspace {
    /// The emails these runs made that should go out now (the immediate ones).
    public func emailsDue(from runs: [ActionRunID], now: Date) -> Set<EmailID> {
        var due: Set<EmailID> = []
        for run in runs.compactMap({ actionRuns[$0] }) {
            for id in run.steps.compactMap(\.email) {
                if let email = emails[id], email.status == .scheduled, email.dueAt <= now { due.insert(id) }
            }
        }
        return due
    }

    /// Marks due emails `sending` and gives each a Message-ID; the caller sends them.
    mutating func claimDueEmails(now: Date, only: Set<EmailID>?) -> [OutgoingEmail] {
        let pool = only.map { $0.compactMap { emails[$0] } } ?? Array(emails)
        let due = pool.filter { $0.status == .scheduled && $0.dueAt <= now }
        return due.map { email in
            var claimed = email
            claimed.status = .sending
            claimed.attempts += 1
            claimed.messageID = email.messageID ?? MailMessage.makeMessageID(domain: Self.domain(of: email.fromAddress))
            emails.upsert(claimed)
            setTimelineStatus(of: email.id, candidate: email.candidate, to: .sending)
            return claimed
        }
    }

    mutating func finishSending(_ id: EmailID, failure: String?, now: Date) {
        guard let email = emails[id] else { return }
        let status: EmailStatus = failure == nil ? .sent : .failed
        emails.modify(id) {
            $0.status = status
            $0.sentAt = failure == nil ? now : nil
            $0.failure = failure
        }
        setTimelineStatus(of: id, candidate: email.candidate, to: status)
        if let failure {
            record(
                .email, on: email.candidate, job: email.job, author: nil,
                text: "Email '\(email.subject)' to \(email.toAddress) failed: \(failure)", now: now, status: .failed,
                email: id)
        }
        guard let runID = email.run else { return }
        actionRuns.modify(runID) { run in
            for index in run.steps.indices where run.steps[index].email == id {
                if let failure {
                    run.steps[index].state = .failed(failure)
                } else if !(run.steps[index].state == .cancelled) {
                    run.steps[index].state = .done
                }
            }
        }
    }

    static func domain(of address: String) -> String {
        let parts = address.split(separator: "@")
        return parts.count == 2 ? String(parts[1]) : "stagehand.local"
    }
}
