import Foundation

/// A snapshot as JSONEncoder writes it: the candidates by `JSONWriter`, the other
/// tables and the setup by JSONEncoder. Rewriting a 10,000-candidate snapshot —
/// under the lock, while every other writer waits — took 1.3 s all in JSONEncoder.
extension Snapshot: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            json.member("generation", generation) { $0.string($1) }
            json.member("schemaVersion", schemaVersion) { $0.integer($1) }
            try json.member("workspace", workspace) { try $1.write(to: &$0) }
        }
    }
}

extension Workspace: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            try json.member("actionRuns", actionRuns) { try $0.encoded($1) }
            try json.member("candidates", candidates) { json, candidates in try json.array(candidates) { try $1.write(to: &$0) } }
            json.member("counter", counter) { $0.integer($1) }
            try json.member("emails", emails) { try $0.encoded($1) }
            try json.member("evaluationRequests", evaluationRequests) { try $0.encoded($1) }
            try json.member("setup", setup) { try $0.encoded($1) }
            try json.member("tasks", tasks) { try $0.encoded($1) }
        }
    }
}
