import Foundation

/// Just the ids of a snapshot's tables. Decoding into `EntityTable` quietly keeps
/// one entity per id, so duplicates are only visible in the text itself.
struct SnapshotIDs: Decodable {
    struct Entity: Decodable { var id: String }
    struct Tables: Decodable {
        var candidates: [Entity]
        var tasks: [Entity]
        var evaluationRequests: [Entity]
        var emails: [Entity]
        var actionRuns: [Entity]
    }

    var workspace: Tables

    /// One sentence per id used more than once in a table.
    static func duplicates(in snapshot: Data, decoder: JSONDecoder) -> [String] {
        // An upgraded older snapshot may not have this shape; it was checked when it was read.
        guard let ids = try? decoder.decode(SnapshotIDs.self, from: snapshot) else { return [] }
        let tables = [
            ("candidates", ids.workspace.candidates), ("tasks", ids.workspace.tasks),
            ("evaluation requests", ids.workspace.evaluationRequests), ("emails", ids.workspace.emails),
            ("action runs", ids.workspace.actionRuns),
        ]
        return tables.flatMap { name, entities in
            entities.map(\.id).repeatedElements.map { id, count in
                "The id \(id) is used by \(count) \(name); only the last one is kept."
            }
        }
    }
}
