/// A typed identifier: a `CandidateID` can never be passed where a `StageID` is expected,
/// yet it is stored in the state file as a plain string.
public struct Identifier<Entity>: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

public typealias MemberID = Identifier<Member>
public typealias RoleID = Identifier<Role>
public typealias JobID = Identifier<Job>
public typealias StageID = Identifier<Stage>
public typealias CandidateID = Identifier<Candidate>
public typealias ActivityID = Identifier<Activity>
public typealias TaskID = Identifier<CandidateTask>
public typealias EvaluationRequestID = Identifier<EvaluationRequest>
public typealias TalentPoolID = Identifier<TalentPool>
public typealias ReasonID = Identifier<DisqualificationReason>
public typealias EmailTemplateID = Identifier<EmailTemplate>
public typealias EmailID = Identifier<OutgoingEmail>
public typealias ActionRunID = Identifier<ActionRun>
