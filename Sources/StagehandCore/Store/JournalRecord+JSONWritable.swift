import Foundation

/// A journal line as JSONEncoder writes it: the candidates by `JSONWriter`, the
/// other tables and the setup by JSONEncoder.
extension JournalRecord: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            try json.member("actionRuns", actionRuns) { try $1.write(to: &$0) }
            try json.member("candidates", candidates) { try $1.write(to: &$0) }
            json.member("counter", counter) { $0.integer($1) }
            try json.member("emails", emails) { try $1.write(to: &$0) }
            try json.member("evaluationRequests", evaluationRequests) { try $1.write(to: &$0) }
            json.member("generation", generation) { $0.string($1) }
            try json.member("setup", setup) { try $0.encoded($1) }
            try json.member("tasks", tasks) { try $1.write(to: &$0) }
        }
    }
}

extension TableChange {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            json.key("changed")
            if let writable = changed as? [any JSONWritable] {
                try json.array(writable) { try $1.write(to: &$0) }
            } else {
                try json.encoded(changed)
            }
            json.key("removed")
            try json.encoded(removed)
        }
    }
}
