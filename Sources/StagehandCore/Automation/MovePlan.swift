/// What a move would do, worked out before anything changes, so that the board's
/// dialogs and the CLI's output show the same plan the core then commits.
public struct MovePlan: Sendable, Equatable {
    public var job: JobID
    public var target: StageID
    public var mover: MemberID
    public var moves: [PlannedMove]
    /// The target stage's actions, in the order they run.
    public var actions: [AutomaticAction]

    public var isBulk: Bool { moves.count > 1 }
    /// Some candidate has been in the target stage before: ask before running its actions again.
    public var needsRevisitChoice: Bool { moves.contains(where: \.isRevisit) }
    /// The user must choose "run actions" or "without actions" before committing.
    public var needsChoice: Bool { !actions.isEmpty && (isBulk || needsRevisitChoice) }
}

public struct PlannedMove: Sendable, Equatable {
    public var candidate: CandidateID
    public var from: StageID
    public var isRevisit: Bool
    /// One entry per target-stage action, with the guard's verdict for this candidate.
    public var actions: [PlannedAction]
    /// Work still pending for the candidate in this job, which the move cancels.
    public var cancels: [PendingWork]
}

public struct PlannedAction: Sendable, Equatable {
    public var action: AutomaticAction
    /// `nil` when the action will run; otherwise why it will be skipped.
    public var skipReason: String?

    public var willRun: Bool { skipReason == nil }
}

/// Something that has not happened yet for a candidate: an action step waiting in
/// a run, or an email waiting to be sent.
public struct PendingWork: Sendable, Equatable, Hashable {
    public var run: ActionRunID?
    public var step: Int?
    public var email: EmailID?
    public var summary: String
}

/// The answer to "run the actions again?" and to the bulk confirmation.
public enum MoveChoice: String, Sendable, Equatable, Codable {
    case runActions, withoutActions
}

public struct MoveRequest: Sendable, Equatable {
    public var candidates: [CandidateID]
    public var job: JobID
    public var target: StageID
    public var mover: MemberID

    public init(candidates: [CandidateID], job: JobID, target: StageID, mover: MemberID) {
        self.candidates = candidates
        self.job = job
        self.target = target
        self.mover = mover
    }
}

/// What a committed move did.
public struct MoveOutcome: Sendable, Equatable {
    public var moved: [CandidateID] = []
    public var runs: [ActionRunID] = []
    public var cancelled: [PendingWork] = []
    public var ranActions: Bool = false

    public init(moved: [CandidateID] = [], runs: [ActionRunID] = [], cancelled: [PendingWork] = [], ranActions: Bool = false) {
        self.moved = moved
        self.runs = runs
        self.cancelled = cancelled
        self.ranActions = ranActions
    }
}
