/// An automatic action that waits for a candidate to have spent a while in a stage:
/// `{"after": "5bd", "action": {"kind": "addTags", "tags": ["stale"]}}`. It runs once
/// per stage entry, when the time has passed, and only if the candidate is still in
/// that stage and not disqualified; moving on first cancels it.
public struct TimedAction: Codable, Sendable, Equatable {
    public var after: RelativeDuration
    public var action: AutomaticAction

    public init(after: RelativeDuration, action: AutomaticAction) {
        self.after = after
        self.action = action
    }
}

/// One line of a stage's actions as the editors number them: those run on entry
/// first, in their order, then those that wait for a time in the stage.
public struct StageAction: Sendable, Equatable {
    public var action: AutomaticAction
    /// `nil` runs on entry; otherwise this long after it.
    public var after: RelativeDuration?

    public init(_ action: AutomaticAction, after: RelativeDuration? = nil) {
        self.action = action
        self.after = after
    }
}
