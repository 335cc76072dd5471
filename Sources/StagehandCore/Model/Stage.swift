/// One column of a pipeline. Its automatic actions fire, in order, when a candidate
/// enters it; its timed actions once a candidate has been in it for their time.
public struct Stage: Codable, Sendable, Equatable, Identifiable {
    public var id: StageID
    public var name: String
    public var actions: [AutomaticAction]
    public var timedActions: [TimedAction]
    /// How long a candidate is expected to stay; past it their card is overdue.
    /// Absent in state files written before stages had one: no expectation.
    public var expected: RelativeDuration?

    public init(
        id: StageID, name: String, actions: [AutomaticAction] = [], timedActions: [TimedAction] = [], expected: RelativeDuration? = nil
    ) {
        self.id = id
        self.name = name
        self.actions = actions
        self.timedActions = timedActions
        self.expected = expected
    }

    /// Any automatic action, on entry or after a time in the stage: the stage shows ⚡.
    public var hasActions: Bool { hasEntryActions || hasTimedActions }
    public var hasEntryActions: Bool { !actions.isEmpty }
    /// Actions after a time in the stage: the stage shows ⏱ as well.
    public var hasTimedActions: Bool { !timedActions.isEmpty }

    /// What follows the stage's name wherever it is named: " ⚡", " ⚡ ⏱" or nothing.
    public func marks(bolt: String, timer: String) -> String {
        (hasActions ? " \(bolt)" : "") + (hasTimedActions ? " \(timer)" : "")
    }

    /// The editors' numbered list: on entry, then after a time.
    public var stageActions: [StageAction] {
        actions.map { StageAction($0) } + timedActions.map { StageAction($0.action, after: $0.after) }
    }

    private enum CodingKeys: String, CodingKey { case id, name, actions, timedActions, expected }

    // Files written before timed actions and expected times existed have none; a
    // stage without them is written as before, so that older files stay the same.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(StageID.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        actions = try container.decode([AutomaticAction].self, forKey: .actions)
        timedActions = try container.decodeIfPresent([TimedAction].self, forKey: .timedActions) ?? []
        expected = try container.decodeIfPresent(RelativeDuration.self, forKey: .expected)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(actions, forKey: .actions)
        if !timedActions.isEmpty { try container.encode(timedActions, forKey: .timedActions) }
        try container.encodeIfPresent(expected, forKey: .expected)
    }
}
