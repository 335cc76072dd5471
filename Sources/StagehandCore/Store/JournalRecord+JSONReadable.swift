import Foundation

/// Journal records are written with sorted keys, so they are read like the
/// snapshot: a journal of several megabytes is replayed by every load until it
/// is folded into a new snapshot. Records of older Stagehands, or anything else
/// this leaves out, go to JSONDecoder.
extension JournalRecord: JSONReadable {
    init(json: inout JSONReader) throws {
        var generation: String?, counter: Int?, setup: WorkspaceSetup?, candidates: TableChange<Candidate>?
        var tasks: TableChange<CandidateTask>?, evaluationRequests: TableChange<EvaluationRequest>?
        var emails: TableChange<OutgoingEmail>?, actionRuns: TableChange<ActionRun>?
        try json.readObject { key, json in
            switch key {
            case "actionRuns": actionRuns = try json.read()
            case "candidates": candidates = try json.read()
            case "counter": counter = try json.read()
            case "emails": emails = try json.read()
            case "evaluationRequests": evaluationRequests = try json.read()
            case "generation": generation = try json.read()
            case "setup": setup = try json.readNull() ? nil : try json.decode(WorkspaceSetup.self)
            case "tasks": tasks = try json.read()
            default: throw JSONReader.Unreadable()
            }
        }
        guard let generation, let counter else { throw JSONReader.Unreadable() }
        self.init(
            generation: generation, counter: counter, setup: setup, candidates: candidates, tasks: tasks,
            evaluationRequests: evaluationRequests, emails: emails, actionRuns: actionRuns)
    }
}

extension TableChange: JSONReadable where Entity: JSONReadable, Entity.ID: JSONReadable {
    init(json: inout JSONReader) throws {
        var changed: [Entity]?, removed: [Entity.ID]?
        try json.readObject { key, json in
            switch key {
            case "changed": changed = try json.read()
            case "removed": removed = try json.read()
            default: throw JSONReader.Unreadable()
            }
        }
        guard let changed, let removed else { throw JSONReader.Unreadable() }
        self.init(changed: changed, removed: removed)
    }
}
