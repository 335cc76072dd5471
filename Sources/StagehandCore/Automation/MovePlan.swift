/// What a move would do, worked out before anything changes, so that the board's
/// dialogs and the CLI's output show the same plan the core then commits.
public struct MovePlan: Sendable, Equatable {
    public var job: JobID
    public var target: StageID
    public var mover: MemberID
    public var moves: [PlannedMove]
    /// The target stage's actions, in the order they run.
    public var actions: [AutomaticAction]
    /// The target stage's actions that wait for a time in it.
    public var timedActions: [TimedAction] = []
    /// Candidates of the request who stay where they are, and why: only for a
    /// request that `letsSomeStay`; otherwise the first of them refuses the move.
    public var staying: [StayingCandidate] = []

    public var isBulk: Bool { moves.count > 1 }
    /// Some candidate has been in the target stage before: ask before running its actions again.
    public var needsRevisitChoice: Bool { moves.contains(where: \.isRevisit) }
    /// The user must choose "run actions" or "without actions" before committing.
    public var needsChoice: Bool { hasActions && (isBulk || needsRevisitChoice) }
    /// Something runs on entry or later: "without actions" would skip it.
    public var hasActions: Bool { !actions.isEmpty || !timedActions.isEmpty }

    /// What a person must answer before the move commits, if anything: several
    /// candidates are always confirmed first — also when all but one of them stay,
    /// so that the one who moves is not moved unasked — and a move back only when
    /// actions would run again.
    public var question: MoveQuestion? {
        if isBulk || !staying.isEmpty { return .bulk }
        if needsRevisitChoice && hasActions { return .revisit }
        return nil
    }

    /// How many pending actions and emails the move cancels, over every candidate.
    public var cancelCount: Int { moves.reduce(0) { $0 + $1.cancels.count } }
}

/// The question a move asks before it commits.
public enum MoveQuestion: Sendable, Equatable {
    /// "Ana was in Interview before: run its actions again?"
    case revisit
    /// "Move 37 candidates to Offer?"
    case bulk
}

/// Someone asked to move who stays where they are.
public struct StayingCandidate: Sendable, Equatable {
    public var candidate: CandidateID
    /// Why, as the refusal a move of them alone would give.
    public var reason: StagehandError

    /// Why, in the few words a list of names has room for.
    public var why: String {
        switch reason {
        case .disqualified: "disqualified"
        case .alreadyInStage: "already there"
        case .candidateNotInJob: "not in this job"
        default: reason.description
        }
    }
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
    /// A selection on the board: whoever cannot move (disqualified, already there)
    /// stays behind and is named in the plan. A command naming people refuses instead.
    public var letsSomeStay: Bool

    public init(candidates: [CandidateID], job: JobID, target: StageID, mover: MemberID, letsSomeStay: Bool = false) {
        self.candidates = candidates
        self.job = job
        self.target = target
        self.mover = mover
        self.letsSomeStay = letsSomeStay
    }
}

/// What a committed move did.
public struct MoveOutcome: Sendable, Equatable {
    public var moved: [CandidateID] = []
    public var runs: [ActionRunID] = []
    /// The runs waiting for a time in the new stage.
    public var timedRuns: [ActionRunID] = []
    public var cancelled: [PendingWork] = []
    public var ranActions: Bool = false
    /// What taking the move back needs.
    public var undo: Undo?

    public init(
        moved: [CandidateID] = [], runs: [ActionRunID] = [], cancelled: [PendingWork] = [], ranActions: Bool = false,
        undo: Undo? = nil
    ) {
        self.moved = moved
        self.runs = runs
        self.cancelled = cancelled
        self.ranActions = ranActions
        self.undo = undo
    }
}
