import Foundation

/// A snapshot as JSONEncoder writes it: the candidates by `JSONWriter`, the other
/// tables and the setup by JSONEncoder. Rewriting a 10,000-candidate snapshot —
/// under the lock, while every other writer waits — took 1.3 s all in JSONEncoder.
extension Snapshot: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        var index = SnapshotIndex.Recorder()
        try write(to: &json, recording: &index)
    }

    /// Writes the snapshot, and into `index` where each candidate and what belongs to them went.
    func write(to json: inout JSONWriter, recording index: inout SnapshotIndex.Recorder) throws {
        try json.object { json in
            json.member("generation", generation) { $0.string($1) }
            json.member("schemaVersion", schemaVersion) { $0.integer($1) }
            try json.member("workspace", workspace) { try $1.write(to: &$0, recording: &index) }
        }
    }
}

extension Workspace: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        var index = SnapshotIndex.Recorder()
        try write(to: &json, recording: &index)
    }

    /// Each table element by element, so that where each one stands can be
    /// recorded; the text is the same as a whole table's.
    func write(to json: inout JSONWriter, recording index: inout SnapshotIndex.Recorder) throws {
        try json.object { json in
            try json.member("actionRuns", actionRuns) { try Self.write($1, to: &$0, as: .actionRuns, recording: &index) }
            try json.member("candidates", candidates) { json, candidates in
                let arrayStart = json.bytes.count
                try json.array(candidates) { json, candidate in
                    let start = json.bytes.count
                    try candidate.write(to: &json)
                    index.candidate(candidate, at: start..<json.bytes.count)
                }
                index.candidatesArray = arrayStart..<json.bytes.count
            }
            json.member("counter", counter) { $0.integer($1) }
            try json.member("emails", emails) { json, emails in
                let arrayStart = json.bytes.count
                try Self.write(emails, to: &json, as: .emails, recording: &index)
                index.emailsArray = arrayStart..<json.bytes.count
            }
            try json.member("evaluationRequests", evaluationRequests) {
                try Self.write($1, to: &$0, as: .evaluationRequests, recording: &index)
            }
            try json.member("setup", setup) { json, setup in
                let start = json.bytes.count
                try json.encoded(setup)
                index.setup = start..<json.bytes.count
            }
            try json.member("tasks", tasks) { try Self.write($1, to: &$0, as: .tasks, recording: &index) }
        }
    }

    private static func write<Entity: Encodable & CandidateRecord>(
        _ table: EntityTable<Entity>, to json: inout JSONWriter, as kind: SnapshotIndex.Table,
        recording index: inout SnapshotIndex.Recorder
    ) throws {
        try json.array(table) { json, entity in
            let start = json.bytes.count
            try json.encoded(entity)
            index.entry(of: entity.candidate, in: kind, at: start..<json.bytes.count)
        }
    }
}
