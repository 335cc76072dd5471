import Foundation

/// The rules of sending: claiming due emails, recording each attempt's outcome with
/// exponential backoff for transient failures, and giving up on claims whose process died.
extension Workspace {
    /// How long to wait after the 1st, 2nd, 3rd and 4th transient failure; the 5th fails.
    public static let retryDelays: [TimeInterval] = [60, 5 * 60, 30 * 60, 2 * 3600]
    public static var maximumAttempts: Int { retryDelays.count + 1 }

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

    func hasDueEmails(now: Date, only: Set<EmailID>?) -> Bool {
        if let only { return only.contains { emails[$0].map { $0.status == .scheduled && $0.dueAt <= now } ?? false } }
        return emails.contains { $0.status == .scheduled && $0.dueAt <= now }
    }

    /// Marks up to `limit` due emails `sending` under `claim`, soonest first, and gives
    /// each a Message-ID; the caller sends them and reports back with `finishSending`.
    mutating func claimDueEmails(now: Date, only: Set<EmailID>?, limit: Int, claim: SendingClaim) -> [OutgoingEmail] {
        let pool = only.map { $0.compactMap { emails[$0] } } ?? Array(emails)
        let due = pool.filter { $0.status == .scheduled && $0.dueAt <= now }
            .sorted { ($0.dueAt, $0.id) < ($1.dueAt, $1.id) }.prefix(limit)
        return due.map { email in
            var claimed = email
            claimed.status = .sending
            claimed.attempts += 1
            claimed.claim = claim
            claimed.messageID = email.messageID ?? MailMessage.makeMessageID(domain: Self.domain(of: email.fromAddress))
            emails.upsert(claimed)
            setTimelineStatus(of: email.id, candidate: email.candidate, to: .sending)
            return claimed
        }
    }

    /// Records one attempt: sent; or, after a transient failure with attempts left,
    /// scheduled again after the backoff; or failed. Every attempt after the first
    /// success-free one leaves its own line on the timeline. Returns the new status.
    @discardableResult
    mutating func finishSending(_ id: EmailID, outcome: Result<String, DeliveryFailure>, now: Date) -> EmailStatus? {
        guard let email = emails[id], email.status == .sending else { return emails[id]?.status }
        let attempt = email.attempts
        switch outcome {
        case .success:
            emails.modify(id) {
                $0.status = .sent
                $0.sentAt = now
                $0.failure = nil
                $0.claim = nil
            }
            setTimelineStatus(of: id, candidate: email.candidate, to: .sent)
            if attempt > 1 {
                record(
                    .email, on: email.candidate, job: email.job, author: nil,
                    text: "Email '\(email.subject)' to \(email.toAddress) sent on attempt \(attempt)", now: now, status: .sent)
            }
            setStepState(of: email, to: .done)
            return .sent
        case .failure(let failure) where failure.kind == .uncertain:
            // The email's status already says "unknown": its failure is only the why.
            let reason = "check the server: \(failure.detail)"
            settle(id, as: .unknown, failure: reason)
            setTimelineStatus(of: id, candidate: email.candidate, to: .unknown)
            record(
                .email, on: email.candidate, job: email.job, author: nil,
                text: "Email '\(email.subject)' to \(email.toAddress): unknown — \(withoutFinalStop(reason)). It was not sent again; retry it if the server does not have it",
                now: now, status: .unknown)
            setStepState(of: email, to: .failed("unknown — \(reason)"))
            return .unknown
        case .failure(let failure) where failure.isTransient && attempt < Self.maximumAttempts:
            let retryAt = now.addingTimeInterval(Self.retryDelays[attempt - 1])
            settle(id, as: .scheduled, failure: failure.detail, retryAt: retryAt)
            setTimelineStatus(of: id, candidate: email.candidate, to: .scheduled)
            record(
                .email, on: email.candidate, job: email.job, author: nil,
                text: "Attempt \(attempt) of \(Self.maximumAttempts) to send '\(email.subject)' to \(email.toAddress) failed: \(withoutFinalStop(failure.detail)) — trying again at \(moment(retryAt))",
                now: now)
            setStepState(of: email, to: .scheduled(retryAt))
            return .scheduled
        case .failure(let failure):
            // The detail is a sentence of its own; the line goes on after it.
            let detail = withoutFinalStop(failure.detail)
            let why = failure.isTransient ? "failed \(attempt) times, last: \(detail)" : "was refused: \(detail)"
            settle(id, as: .failed, failure: failure.detail)
            setTimelineStatus(of: id, candidate: email.candidate, to: .failed)
            record(
                .email, on: email.candidate, job: email.job, author: nil,
                text: "Email '\(email.subject)' to \(email.toAddress) \(why) — not sent; it can be retried from the profile or the Scheduled view",
                now: now, status: .failed)
            setStepState(of: email, to: .failed(failure.detail))
            return .failed
        }
    }

    /// No send takes this long (transports give up after two minutes at most), so a
    /// claim this old was left by a process that died or hung, even on another host.
    public static let claimLifetime: TimeInterval = 15 * 60

    /// Emails left `sending` by a process that is no longer running, or for longer than
    /// any send takes: they may have reached the server, so they are marked unknown
    /// rather than sent again.
    mutating func giveUpAbandonedClaims(isRunning: (SendingClaim) -> Bool, now: Date) -> [EmailID] {
        let abandoned = emails.filter { email in
            guard email.status == .sending else { return false }
            guard let claim = email.claim else { return true }
            return !isRunning(claim) || now.timeIntervalSince(claim.at) > Self.claimLifetime
        }
        for email in abandoned {
            let holder = email.claim.map { "process \($0.pid) on \($0.host)" } ?? "the process sending it"
            let stopped = email.claim.map(isRunning) == true ? "has been sending it for over 15 minutes" : "stopped while sending it"
            let reason = "check the server: \(holder) \(stopped)"
            settle(email.id, as: .unknown, failure: reason)
            setTimelineStatus(of: email.id, candidate: email.candidate, to: .unknown)
            record(
                .email, on: email.candidate, job: email.job, author: nil,
                text: "Email '\(email.subject)' to \(email.toAddress): unknown — \(reason) at \(moment(email.claim?.at ?? now)). It was not sent again; retry it if the server does not have it",
                now: now, status: .unknown)
            setStepState(of: email, to: .failed("unknown — \(reason)"))
        }
        return abandoned.map(\.id)
    }

    /// Ends a claim with the email's new status and why.
    private mutating func settle(_ id: EmailID, as status: EmailStatus, failure: String, retryAt: Date? = nil) {
        emails.modify(id) {
            $0.status = status
            $0.failure = failure
            $0.claim = nil
            if let retryAt { $0.dueAt = retryAt }
        }
    }

    private mutating func setStepState(of email: OutgoingEmail, to state: StepState) {
        guard let runID = email.run else { return }
        actionRuns.modify(runID) { run in
            for index in run.steps.indices where run.steps[index].email == email.id && run.steps[index].state != .cancelled {
                run.steps[index].state = state
            }
        }
    }

    static func domain(of address: String) -> String {
        let parts = address.split(separator: "@")
        return parts.count == 2 ? String(parts[1]) : "stagehand.local"
    }
}
