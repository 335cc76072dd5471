import Foundation

extension Workspace {
    /// Every email still waiting to go out (delayed, or due again after a failed
    /// attempt), and those being sent right now, soonest first: the Scheduled view.
    public var waitingEmails: [OutgoingEmail] {
        emails.filter { $0.status == .scheduled || $0.status == .sending }.sorted { ($0.dueAt, $0.id) < ($1.dueAt, $1.id) }
    }

    /// Emails that need a person: failed for good, or unknown because their sender
    /// died mid-send. Oldest first; each can be retried.
    public var emailsToRetry: [OutgoingEmail] {
        emails.filter { $0.status == .failed || $0.status == .unknown }.sorted { ($0.dueAt, $0.id) < ($1.dueAt, $1.id) }
    }

    /// The Due column of the Scheduled lists: its due time (and which attempt comes
    /// next, after a failed one), or what became of it.
    public func dueText(of email: OutgoingEmail) -> String {
        switch email.status {
        case .scheduled:
            let attempt = email.attempts > 0 ? " (attempt \(email.attempts + 1) of \(Self.maximumAttempts))" : ""
            return moment(email.dueAt) + attempt
        default:
            return email.status.rawValue.uppercased()
        }
    }

    /// The names an email is listed with: candidate, job, stage, template and sender.
    public func listing(of email: OutgoingEmail) -> EmailListing {
        let job = job(email.job)
        return EmailListing(
            candidate: candidates[email.candidate]?.name ?? email.toName,
            job: job?.title ?? email.job.rawValue,
            stage: email.stage.flatMap { job?.stage($0)?.name } ?? "",
            template: template(email.template)?.name ?? email.template.rawValue,
            sender: email.sender.flatMap { member($0)?.name } ?? email.fromName)
    }
}

public struct EmailListing: Sendable, Equatable {
    public var candidate: String
    public var job: String
    public var stage: String
    public var template: String
    public var sender: String
}
