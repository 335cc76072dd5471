import StagehandCore

/// What the keyboard is talking to right now.
public enum Mode: Sendable, Equatable {
    case board
    /// Cards lifted with `m`, hovering over `targetStage`.
    case carrying(Carry)
    case dialog(Dialog)
    case profile(CandidateID, scroll: Int)
    case help(scroll: Int)
    case myWork(scroll: Int)
    case scheduled(selected: Int)
    case filtering
    /// The setup editors, a stack of screens; the last one is shown.
    case editing([EditorScreen])
    case disqualifying(CandidateID, selected: Int)
}

public struct Carry: Sendable, Equatable {
    public var candidates: [CandidateID]
    public var fromStage: Int
    public var targetStage: Int
}

/// A question asked before a move commits; the plan is the core's.
public struct Dialog: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// "Ana was in Interview before: run its actions again?"
        case revisit
        /// "Move 37 candidates to Offer?"
        case bulk
    }

    public var kind: Kind
    public var plan: MovePlan
    /// 0: run actions, 1: without actions, 2: cancel.
    public var highlighted: Int
}
