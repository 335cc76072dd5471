import Foundation

/// Candidates as JSONEncoder writes them (keys sorted, absent optionals left out):
/// see `JSONWriter`. A key added to these types must be added here too; the
/// tests compare this with JSONEncoder's text for every field.
extension Candidate: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            json.member("doNotEmail", doNotEmail) { $0.boolean($1) }
            json.member("email", email) { $0.string($1) }
            json.member("followers", followers) { json, followers in json.array(followers) { $0.string($1) } }
            json.member("id", id) { $0.string($1) }
            json.member("name", name) { $0.string($1) }
            try json.member("placements", placements) { json, placements in try json.array(placements) { try $1.write(to: &$0) } }
            json.member("source", source) { $0.string($1) }
            json.member("tags", tags) { json, tags in json.array(tags) { $0.string($1) } }
            json.member("talentPools", talentPools) { json, pools in json.array(pools) { $0.string($1) } }
            json.key("timeline")
            try storedTimeline.write(to: &json, of: name)
        }
    }
}

extension Placement: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            try json.member("disqualification", disqualification) { try $1.write(to: &$0) }
            try json.member("enteredAt", enteredAt) { try $0.date($1) }
            json.member("entry", entry) { $0.integer($1) }
            json.member("job", job) { $0.string($1) }
            json.member("passedThrough", passedThrough) { json, stages in json.array(stages) { $0.string($1) } }
            json.member("stage", stage) { $0.string($1) }
        }
    }
}

extension Disqualification: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            try json.member("at", at) { try $0.date($1) }
            json.member("by", by) { $0.string($1) }
            json.member("reason", reason) { $0.string($1) }
        }
    }
}

extension Activity: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            try json.member("at", at) { try $0.date($1) }
            json.member("author", author) { $0.string($1) }
            json.member("automatic", automatic) { $0.boolean($1) }
            json.member("email", email) { $0.string($1) }
            json.member("id", id) { $0.string($1) }
            json.member("job", job) { $0.string($1) }
            json.member("kind", kind) { $0.string($1.rawValue) }
            json.member("status", status) { $0.string($1.rawValue) }
            json.member("task", task) { $0.string($1) }
            json.member("text", text) { $0.string($1) }
        }
    }
}
