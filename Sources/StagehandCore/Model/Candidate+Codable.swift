import Foundation

/// Written out because the timeline is held as `TimelineStorage`: the keys are
/// the properties', as synthesized coding would give them.
extension Candidate: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, name, email, doNotEmail, source, tags, followers, placements, talentPools, timeline
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(CandidateID.self, forKey: .id),
            name: try container.decode(String.self, forKey: .name),
            email: try container.decodeIfPresent(String.self, forKey: .email),
            doNotEmail: try container.decode(Bool.self, forKey: .doNotEmail),
            source: try container.decode(String.self, forKey: .source),
            tags: try container.decode([String].self, forKey: .tags),
            followers: try container.decode([MemberID].self, forKey: .followers),
            placements: try container.decode([Placement].self, forKey: .placements),
            talentPools: try container.decode([TalentPoolID].self, forKey: .talentPools),
            timeline: try container.decode([Activity].self, forKey: .timeline))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(email, forKey: .email)
        try container.encode(doNotEmail, forKey: .doNotEmail)
        try container.encode(source, forKey: .source)
        try container.encode(tags, forKey: .tags)
        try container.encode(followers, forKey: .followers)
        try container.encode(placements, forKey: .placements)
        try container.encode(talentPools, forKey: .talentPools)
        try container.encode(storedTimeline.readableEntries(of: name, keeping: false), forKey: .timeline)
    }
}
