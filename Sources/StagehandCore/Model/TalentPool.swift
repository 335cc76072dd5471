/// A named group of candidates kept for later openings, outside any job.
public struct TalentPool: Codable, Sendable, Equatable, Identifiable {
    public var id: TalentPoolID
    public var name: String

    public init(id: TalentPoolID, name: String) {
        self.id = id
        self.name = name
    }
}
