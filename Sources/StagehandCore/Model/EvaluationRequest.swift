import Foundation

public enum EvaluationStatus: String, Codable, Sendable {
    case requested, submitted, declined
}

/// A request for a team member to evaluate a candidate for a job, and their
/// evaluation once they gave it. An evaluation nobody asked for is one too,
/// submitted from the start and not automatic.
public struct EvaluationRequest: Codable, Sendable, Equatable, Identifiable {
    public var id: EvaluationRequestID
    /// The evaluator.
    public var member: MemberID
    public var candidate: CandidateID
    public var job: JobID
    public var status: EvaluationStatus
    public var requestedAt: Date
    public var automatic: Bool
    public var rating: EvaluationRating?
    public var comment: String?
    public var submittedAt: Date?
    /// The action run that asked for it: undoing the move that started the run takes
    /// the request away again while it is unanswered.
    public var run: ActionRunID?

    public init(
        id: EvaluationRequestID, member: MemberID, candidate: CandidateID, job: JobID,
        status: EvaluationStatus = .requested, requestedAt: Date, automatic: Bool, rating: EvaluationRating? = nil,
        comment: String? = nil, submittedAt: Date? = nil, run: ActionRunID? = nil
    ) {
        self.id = id
        self.member = member
        self.candidate = candidate
        self.job = job
        self.status = status
        self.requestedAt = requestedAt
        self.automatic = automatic
        self.rating = rating
        self.comment = comment
        self.submittedAt = submittedAt
        self.run = run
    }
}

/// How an evaluator rates a candidate: 1 to 5, each with its words.
public enum EvaluationRating: Int, Codable, Sendable, CaseIterable, Comparable {
    case strongNo = 1, no, mixed, yes, strongYes

    public var words: String {
        switch self {
        case .strongNo: "strong no"
        case .no: "no"
        case .mixed: "mixed"
        case .yes: "yes"
        case .strongYes: "strong yes"
        }
    }

    /// "4 (yes)".
    public var description: String { "\(rawValue) (\(words))" }

    public static func < (a: EvaluationRating, b: EvaluationRating) -> Bool { a.rawValue < b.rawValue }
}
