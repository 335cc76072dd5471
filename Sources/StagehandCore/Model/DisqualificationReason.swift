/// Why a candidate was turned down. Its actions run when a candidate is
/// disqualified with it (typically a delayed rejection email).
public struct DisqualificationReason: Codable, Sendable, Equatable, Identifiable {
    public var id: ReasonID
    public var name: String
    public var actions: [AutomaticAction]

    public init(id: ReasonID, name: String, actions: [AutomaticAction] = []) {
        self.id = id
        self.name = name
        self.actions = actions
    }
}
