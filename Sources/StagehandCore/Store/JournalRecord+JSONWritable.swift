import Foundation

/// A journal line as JSONEncoder writes it: the candidates by `JSONWriter`, the
/// other tables and the setup by JSONEncoder.
extension JournalRecord: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            if let actionRuns {
                json.key("actionRuns")
                try actionRuns.write(to: &json)
            }
            if let candidates {
                json.key("candidates")
                try candidates.write(to: &json)
            }
            json.key("counter")
            json.integer(counter)
            if let emails {
                json.key("emails")
                try emails.write(to: &json)
            }
            if let evaluationRequests {
                json.key("evaluationRequests")
                try evaluationRequests.write(to: &json)
            }
            json.key("generation")
            json.string(generation)
            if let setup {
                json.key("setup")
                try json.encoded(setup)
            }
            if let tasks {
                json.key("tasks")
                try tasks.write(to: &json)
            }
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
