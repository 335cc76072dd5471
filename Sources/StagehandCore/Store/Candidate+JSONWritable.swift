import Foundation

/// Candidates as JSONEncoder writes them (keys sorted, absent optionals left out):
/// see `JSONWriter`. A key added to these types must be added here too; the
/// tests compare this with JSONEncoder's text for every field.
extension Candidate: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            json.key("doNotEmail")
            json.boolean(doNotEmail)
            if let email {
                json.key("email")
                json.string(email)
            }
            json.key("followers")
            json.array(followers) { $0.string($1) }
            json.key("id")
            json.string(id)
            json.key("name")
            json.string(name)
            json.key("placements")
            try json.array(placements) { try $1.write(to: &$0) }
            json.key("source")
            json.string(source)
            json.key("tags")
            json.array(tags) { $0.string($1) }
            json.key("talentPools")
            json.array(talentPools) { $0.string($1) }
            json.key("timeline")
            try json.array(timeline) { try $1.write(to: &$0) }
        }
    }
}

extension Placement: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            if let disqualification {
                json.key("disqualification")
                try disqualification.write(to: &json)
            }
            json.key("enteredAt")
            try json.date(enteredAt)
            json.key("entry")
            json.integer(entry)
            json.key("job")
            json.string(job)
            json.key("passedThrough")
            json.array(passedThrough) { $0.string($1) }
            json.key("stage")
            json.string(stage)
        }
    }
}

extension Disqualification: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            json.key("at")
            try json.date(at)
            if let by {
                json.key("by")
                json.string(by)
            }
            json.key("reason")
            json.string(reason)
        }
    }
}

extension Activity: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            json.key("at")
            try json.date(at)
            if let author {
                json.key("author")
                json.string(author)
            }
            json.key("automatic")
            json.boolean(automatic)
            if let email {
                json.key("email")
                json.string(email)
            }
            json.key("id")
            json.string(id)
            if let job {
                json.key("job")
                json.string(job)
            }
            json.key("kind")
            json.string(kind.rawValue)
            if let status {
                json.key("status")
                json.string(status.rawValue)
            }
            if let task {
                json.key("task")
                json.string(task)
            }
            json.key("text")
            json.string(text)
        }
    }
}
