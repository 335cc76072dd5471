import Foundation

/// The state of one action within a run, as the progress pane shows it.
public enum StepState: Sendable, Equatable, Codable {
    case pending
    case running
    case done
    case scheduled(Date)
    case failed(String)
    case cancelled
    case skipped(String)

    /// Finished steps no longer change (a scheduled email is finished for its run).
    public var isFinished: Bool {
        switch self {
        case .pending, .running: false
        default: true
        }
    }

    /// The action did its work: done, or its email scheduled.
    public var didWork: Bool {
        switch self {
        case .done, .scheduled: true
        default: false
        }
    }

    public var name: String {
        switch self {
        case .pending: "pending"
        case .running: "running"
        case .done: "done"
        case .scheduled: "scheduled"
        case .failed: "failed"
        case .cancelled: "cancelled"
        case .skipped: "skipped"
        }
    }

    private enum CodingKeys: String, CodingKey { case state, at, reason }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .state) {
        case "pending": self = .pending
        case "running": self = .running
        case "done": self = .done
        case "scheduled": self = .scheduled(try container.decode(Date.self, forKey: .at))
        case "failed": self = .failed(try container.decode(String.self, forKey: .reason))
        case "cancelled": self = .cancelled
        case "skipped": self = .skipped(try container.decode(String.self, forKey: .reason))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .state, in: container, debugDescription: "unknown step state '\(other)'")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .state)
        switch self {
        case .scheduled(let at): try container.encode(at, forKey: .at)
        case .failed(let reason), .skipped(let reason): try container.encode(reason, forKey: .reason)
        default: break
        }
    }
}

public struct ActionStep: Codable, Sendable, Equatable {
    public var action: AutomaticAction
    public var state: StepState
    /// The email this step produced, for send-email steps.
    public var email: EmailID?
    /// What the step added that the candidate did not have — tags, followers, a job
    /// or a talent pool by id — so that undoing the move takes exactly that away.
    public var added: [String]?

    public init(action: AutomaticAction, state: StepState = .pending, email: EmailID? = nil, added: [String]? = nil) {
        self.action = action
        self.state = state
        self.email = email
        self.added = added
    }
}

/// What set a run off: a move, an application, a disqualification, or a time spent
/// in a stage (such a run has no mover and waits until `startsAt`).
public enum RunTrigger: String, Codable, Sendable {
    case move, apply, disqualify, timeInStage
}

/// The actions one event fired for one candidate, and how far they have got.
public struct ActionRun: Codable, Sendable, Equatable, Identifiable {
    public var id: ActionRunID
    public var candidate: CandidateID
    public var job: JobID
    public var stage: StageID
    public var reason: ReasonID?
    public var trigger: RunTrigger
    public var mover: MemberID?
    public var createdAt: Date
    /// Nothing runs before this moment: the grace period in which the mover can cancel.
    public var startsAt: Date
    public var steps: [ActionStep]

    public init(
        id: ActionRunID, candidate: CandidateID, job: JobID, stage: StageID, reason: ReasonID? = nil,
        trigger: RunTrigger, mover: MemberID?, createdAt: Date, startsAt: Date, steps: [ActionStep]
    ) {
        self.id = id
        self.candidate = candidate
        self.job = job
        self.stage = stage
        self.reason = reason
        self.trigger = trigger
        self.mover = mover
        self.createdAt = createdAt
        self.startsAt = startsAt
        self.steps = steps
    }

    public var isFinished: Bool { steps.allSatisfy(\.state.isFinished) }
    public var hasFailures: Bool { steps.contains { if case .failed = $0.state { true } else { false } } }
    public var finishedCount: Int { steps.filter(\.state.isFinished).count }
    public var cancelledCount: Int { steps.filter { $0.state == .cancelled }.count }
    public var skippedCount: Int { steps.count { if case .skipped = $0.state { true } else { false } } }
    /// Finished, and not because it was cancelled.
    public var settledCount: Int { finishedCount - cancelledCount }
    public var workedCount: Int { steps.filter(\.state.didWork).count }
}
