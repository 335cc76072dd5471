import Foundation

/// A person in the hiring process: one card per job they are in.
public struct Candidate: Sendable, Equatable, Identifiable {
    public var id: CandidateID
    public var name: String
    public var email: String?
    public var doNotEmail: Bool
    public var source: String
    public var tags: [String]
    public var followers: [MemberID]
    public var placements: [Placement]
    public var talentPools: [TalentPoolID]
    var storedTimeline: TimelineStorage

    /// What happened to the candidate, oldest first; empty if it could not be
    /// read from the file (see `readTimeline()`).
    public var timeline: [Activity] {
        get { storedTimeline.entries }
        set { storedTimeline.entries = newValue }
    }

    /// The timeline, or why it could not be read from the state file: for a
    /// screen that would otherwise show an empty history as if it were one.
    public func readTimeline() throws -> [Activity] {
        try storedTimeline.readableEntries(of: name)
    }

    public init(
        id: CandidateID, name: String, email: String?, doNotEmail: Bool = false, source: String,
        tags: [String] = [], followers: [MemberID] = [], placements: [Placement] = [],
        talentPools: [TalentPoolID] = [], timeline: [Activity] = []
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.doNotEmail = doNotEmail
        self.source = source
        self.tags = tags
        self.followers = followers
        self.placements = placements
        self.talentPools = talentPools
        storedTimeline = TimelineStorage(timeline)
    }

    init(
        id: CandidateID, name: String, email: String?, doNotEmail: Bool, source: String, tags: [String],
        followers: [MemberID], placements: [Placement], talentPools: [TalentPoolID], storedTimeline: TimelineStorage
    ) {
        self.init(
            id: id, name: name, email: email, doNotEmail: doNotEmail, source: source, tags: tags, followers: followers,
            placements: placements, talentPools: talentPools)
        self.storedTimeline = storedTimeline
    }

    public var firstName: String {
        name.split(separator: " ").first.map(String.init) ?? name
    }

    public func placement(in job: JobID) -> Placement? { placements.first { $0.job == job } }

    public func placementIndex(in job: JobID) -> Int? { placements.firstIndex { $0.job == job } }

    /// Whether a filter (see `CardFilter`) finds this candidate by name, email, source or tag.
    public func matches(_ filter: CardFilter) -> Bool {
        guard !filter.folded.isEmpty else { return true }
        return filter.finds(
            name: CardFilter.fold(name), others: [email ?? "", source].lazy.map(CardFilter.fold), tags: tags.lazy.map(CardFilter.fold))
    }

    /// Adds tags the candidate does not have yet, in any case of letters, and
    /// returns the ones that were new.
    @discardableResult
    public mutating func addTags(_ newTags: [String]) -> [String] {
        var added: [String] = []
        for tag in newTags where !(tags + added).contains(where: { Tag.same($0, tag) }) {
            added.append(tag)
        }
        tags += added
        return added
    }

    @discardableResult
    public mutating func addFollowers(_ members: [MemberID]) -> [MemberID] {
        var added: [MemberID] = []
        for member in members where !followers.contains(member) && !added.contains(member) {
            added.append(member)
        }
        followers += added
        return added
    }
}

/// Where a candidate stands in one job.
public struct Placement: Codable, Sendable, Equatable {
    public var job: JobID
    public var stage: StageID
    public var enteredAt: Date
    /// Counts the candidate's stage entries in this job, so that "once per stage
    /// entry" can be told apart from a later return to the same stage.
    public var entry: Int
    public var passedThrough: [StageID]
    public var disqualification: Disqualification?

    public init(
        job: JobID, stage: StageID, enteredAt: Date, entry: Int = 1, passedThrough: [StageID] = [],
        disqualification: Disqualification? = nil
    ) {
        self.job = job
        self.stage = stage
        self.enteredAt = enteredAt
        self.entry = entry
        self.passedThrough = passedThrough
        self.disqualification = disqualification
    }
}

public struct Disqualification: Codable, Sendable, Equatable {
    public var reason: ReasonID
    public var at: Date
    public var by: MemberID?

    public init(reason: ReasonID, at: Date, by: MemberID?) {
        self.reason = reason
        self.at = at
        self.by = by
    }
}
