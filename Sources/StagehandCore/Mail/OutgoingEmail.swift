import Foundation

public enum EmailStatus: String, Codable, Sendable {
    /// Waiting for its due time.
    case scheduled
    /// Claimed by a dispatcher that is handing it to the transport right now.
    case sending
    case sent
    case cancelled
    case failed
    /// Never queued: a guard (no address, do not email, already sent) stopped it.
    case skipped
    /// The process sending it stopped mid-send: the server may or may not have it, so it
    /// is not sent again by itself (at most once); someone checks and retries by hand.
    case unknown
}

/// One email an automatic action produced, from scheduling to delivery. The
/// subject and body are rendered when it is scheduled, so what the timeline
/// shows is exactly what goes out.
public struct OutgoingEmail: Codable, Sendable, Equatable, Identifiable {
    public var id: EmailID
    public var candidate: CandidateID
    public var job: JobID
    public var stage: StageID?
    public var template: EmailTemplateID
    /// The candidate's stage entry this email belongs to (see `Placement.entry`).
    public var entry: Int
    public var sender: MemberID?
    public var fromName: String
    public var fromAddress: String
    public var toName: String
    public var toAddress: String
    public var subject: String
    public var body: String
    public var createdAt: Date
    public var dueAt: Date
    public var status: EmailStatus
    public var run: ActionRunID?
    public var messageID: String?
    public var sentAt: Date?
    public var failure: String?
    /// Attempts since it was scheduled or last retried by hand; drives the backoff.
    public var attempts: Int
    /// Who is sending it, while `status` is `sending`.
    public var claim: SendingClaim?

    public init(
        id: EmailID, candidate: CandidateID, job: JobID, stage: StageID?, template: EmailTemplateID,
        entry: Int, sender: MemberID?, fromName: String, fromAddress: String, toName: String,
        toAddress: String, subject: String, body: String, createdAt: Date, dueAt: Date,
        status: EmailStatus = .scheduled, run: ActionRunID? = nil
    ) {
        self.id = id
        self.candidate = candidate
        self.job = job
        self.stage = stage
        self.template = template
        self.entry = entry
        self.sender = sender
        self.fromName = fromName
        self.fromAddress = fromAddress
        self.toName = toName
        self.toAddress = toAddress
        self.subject = subject
        self.body = body
        self.createdAt = createdAt
        self.dueAt = dueAt
        self.status = status
        self.run = run
        self.attempts = 0
    }

    public var isWaiting: Bool { status == .scheduled }
}
