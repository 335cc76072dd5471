/// One column of a pipeline. Its automatic actions fire, in order, when a candidate enters it.
public struct Stage: Codable, Sendable, Equatable, Identifiable {
    public var id: StageID
    public var name: String
    public var actions: [AutomaticAction]
    /// How long a candidate is expected to stay; past it their card is overdue.
    /// Absent in state files written before stages had one: no expectation.
    public var expected: RelativeDuration?

    public init(id: StageID, name: String, actions: [AutomaticAction] = [], expected: RelativeDuration? = nil) {
        self.id = id
        self.name = name
        self.actions = actions
        self.expected = expected
    }

    public var hasActions: Bool { !actions.isEmpty }
}
