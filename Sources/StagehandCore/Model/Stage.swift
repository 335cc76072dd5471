/// One column of a pipeline. Its automatic actions fire, in order, when a candidate
/// enters it; its timed actions once a candidate has been in it for their time.
public struct Stage: Codable, Sendable, Equatable, Identifiable {
    public var id: StageID
    public var name: String
    public var actions: [AutomaticAction]
    public var timedActions: [TimedAction]

    public init(id: StageID, name: String, actions: [AutomaticAction] = [], timedActions: [TimedAction] = []) {
        self.id = id
        self.name = name
        self.actions = actions
        self.timedActions = timedActions
    }

    public var hasActions: Bool { !actions.isEmpty }
    public var hasTimedActions: Bool { !timedActions.isEmpty }

    /// The editors' numbered list: on entry, then after a time.
    public var stageActions: [StageAction] {
        actions.map { StageAction($0) } + timedActions.map { StageAction($0.action, after: $0.after) }
    }

    private enum CodingKeys: String, CodingKey { case id, name, actions, timedActions }

    // Files written before timed actions existed have none; a stage without any
    // is written as before, so that older files and their readers stay the same.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(StageID.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        actions = try container.decode([AutomaticAction].self, forKey: .actions)
        timedActions = try container.decodeIfPresent([TimedAction].self, forKey: .timedActions) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(actions, forKey: .actions)
        if !timedActions.isEmpty { try container.encode(timedActions, forKey: .timedActions) }
    }
}
