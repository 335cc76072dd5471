import Foundation

/// Every candidate's name, email, source and tags folded once (case and accents
/// aside), in name order (accents aside too: Léa before Lukas), so that finding
/// someone in any job as a person types costs a scan of short strings rather than
/// folding every field at each key.
public struct CandidateIndex: Sendable {
    private let entries: [(id: CandidateID, haystack: [String])]

    public init(_ workspace: Workspace) {
        entries = workspace.candidates
            .map { candidate in
                (candidate.id, ([candidate.name, candidate.email ?? "", candidate.source] + candidate.tags).map(CardFilter.fold))
            }
            .sorted { ($0.haystack[0], $0.id) < ($1.haystack[0], $1.id) }
    }

    /// The candidates whose name, email, source or a tag holds the filter's text (a
    /// tag alone for `#text`), by name: first those whose name holds it, since a person types a name most often
    /// (and every email holds the "a" of "example"), then the others.
    public func find(_ filter: CardFilter, limit: Int = 100) -> [CandidateID] {
        guard !filter.folded.isEmpty else { return [] }
        var byName: [CandidateID] = []
        var byOther: [CandidateID] = []
        for entry in entries {
            if !filter.tagsOnly, entry.haystack[0].contains(filter.folded) {
                byName.append(entry.id)
                if byName.count == limit { break }
            } else if byOther.count < limit,
                filter.finds(name: "", others: entry.haystack[1..<3], tags: entry.haystack[3...])
            {
                byOther.append(entry.id)
            }
        }
        return Array((byName + byOther).prefix(limit))
    }
}
