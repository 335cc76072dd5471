import Foundation

/// Every candidate's name, email, source and tags folded once (case and accents
/// aside), in name order, so that finding someone in any job as a person types
/// costs a scan of short strings rather than folding every field at each key.
public struct CandidateIndex: Sendable {
    private let entries: [(id: CandidateID, haystack: [String])]

    public init(_ workspace: Workspace) {
        entries = workspace.candidates
            .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
            .map { candidate in
                (candidate.id, ([candidate.name, candidate.email ?? "", candidate.source] + candidate.tags).map(CardFilter.fold))
            }
    }

    /// The candidates whose name, email, source or a tag holds the filter's text, by name.
    public func find(_ filter: CardFilter, limit: Int = 100) -> [CandidateID] {
        guard !filter.folded.isEmpty else { return [] }
        var found: [CandidateID] = []
        for entry in entries where entry.haystack.contains(where: { $0.contains(filter.folded) }) {
            found.append(entry.id)
            if found.count == limit { break }
        }
        return found
    }
}
