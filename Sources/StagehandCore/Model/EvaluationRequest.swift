import Foundation

public enum EvaluationStatus: String, Codable, Sendable {
    case requested, submitted, declined
}

/// A request for a team member to evaluate a candidate for a job.
public struct EvaluationRequest: Codable, Sendable, Equatable, Identifiable {
    public var id: EvaluationRequestID
    public var member: MemberID
    public var candidate: CandidateID
    public var job: JobID
    public var status: EvaluationStatus
    public var requestedAt: Date
    public var automatic: Bool

    public init(
        id: EvaluationRequestID, member: MemberID, candidate: CandidateID, job: JobID,
        status: EvaluationStatus = .requested, requestedAt: Date, automatic: Bool
    ) {
        self.id = id
        self.member = member
        self.candidate = candidate
        self.job = job
        self.status = status
        self.requestedAt = requestedAt
        self.automatic = automatic
    }
}
