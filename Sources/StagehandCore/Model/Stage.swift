/// One column of a pipeline. Its automatic actions fire, in order, when a candidate enters it.
public struct Stage: Codable, Sendable, Equatable, Identifiable {
    public var id: StageID
    public var name: String
    public var actions: [AutomaticAction]

    public init(id: StageID, name: String, actions: [AutomaticAction] = []) {
        self.id = id
        self.name = name
        self.actions = actions
    }

    public var hasActions: Bool { !actions.isEmpty }
}
