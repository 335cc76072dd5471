import Foundation

/// Candidates with their placements and timelines: two thirds of a large
/// snapshot. Each reader knows every key its type encodes and requires those its
/// synthesized `Decodable` requires; a key added to the type but not here sends
/// the whole file to JSONDecoder, which costs time but never data.
extension Candidate: JSONReadable {
    init(json: inout JSONReader) throws {
        var id: CandidateID?, name: String?, email: String?, doNotEmail: Bool?, source: String?
        var tags: [String]?, followers: [MemberID]?, placements: [Placement]?, talentPools: [TalentPoolID]?
        var timeline: TimelineStorage?
        try json.readObject { key, json in
            switch key {
            case "doNotEmail": doNotEmail = try json.read()
            case "email": email = try json.read()
            case "followers": followers = try json.readRepeated()
            case "id": id = try json.read()
            case "name": name = try json.read()
            case "placements": placements = try json.read()
            case "source": source = try json.read()
            case "tags": tags = try json.readRepeated()
            case "talentPools": talentPools = try json.readRepeated()
            case "timeline": timeline = try json.readTimeline()
            default: throw JSONReader.Unreadable()
            }
        }
        guard let id, let name, let doNotEmail, let source, let tags, let followers, let placements, let talentPools,
            let timeline
        else { throw JSONReader.Unreadable() }
        self.init(
            id: id, name: name, email: email, doNotEmail: doNotEmail, source: source, tags: tags, followers: followers,
            placements: placements, talentPools: talentPools, storedTimeline: timeline)
    }
}

extension JSONReader {
    /// A timeline: where it lies when the text is a snapshot whose histories are
    /// read on demand, the entries otherwise.
    fileprivate mutating func readTimeline() throws -> TimelineStorage {
        guard let storedTimelines else { return TimelineStorage(try read()) }
        return TimelineStorage(stored: storedTimelines, at: try skipWrittenArray())
    }
}

extension Placement: JSONReadable {
    init(json: inout JSONReader) throws {
        var job: JobID?, stage: StageID?, enteredAt: Date?, entry: Int?, passedThrough: [StageID]?
        var disqualification: Disqualification?
        try json.readObject { key, json in
            switch key {
            case "disqualification": disqualification = try json.read()
            case "enteredAt": enteredAt = try json.read()
            case "entry": entry = try json.read()
            case "job": job = try json.read()
            case "passedThrough": passedThrough = try json.readRepeated()
            case "stage": stage = try json.read()
            default: throw JSONReader.Unreadable()
            }
        }
        guard let job, let stage, let enteredAt, let entry, let passedThrough else { throw JSONReader.Unreadable() }
        self.init(
            job: job, stage: stage, enteredAt: enteredAt, entry: entry, passedThrough: passedThrough,
            disqualification: disqualification)
    }
}

extension Disqualification: JSONReadable {
    init(json: inout JSONReader) throws {
        var reason: ReasonID?, at: Date?, by: MemberID?
        try json.readObject { key, json in
            switch key {
            case "at": at = try json.read()
            case "by": by = try json.read()
            case "reason": reason = try json.read()
            default: throw JSONReader.Unreadable()
            }
        }
        guard let reason, let at else { throw JSONReader.Unreadable() }
        self.init(reason: reason, at: at, by: by)
    }
}

extension Activity: JSONReadable {
    init(json: inout JSONReader) throws {
        var id: ActivityID?, at: Date?, kind: ActivityKind?, author: MemberID?, automatic: Bool?, text: String?
        var job: JobID?, status: EmailStatus?, email: EmailID?, task: TaskID?
        try json.readObject { key, json in
            switch key {
            case "at": at = try json.read()
            case "author": author = try json.read()
            case "automatic": automatic = try json.read()
            case "email": email = try json.read()
            case "id": id = try json.read()
            case "job": job = try json.read()
            case "kind": kind = try json.read()
            case "status": status = try json.read()
            case "task": task = try json.read()
            case "text": text = try json.read()
            default: throw JSONReader.Unreadable()
            }
        }
        guard let id, let at, let kind, let automatic, let text else { throw JSONReader.Unreadable() }
        self.init(
            id: id, at: at, kind: kind, author: author, automatic: automatic, text: text, job: job, status: status,
            email: email, task: task)
    }
}
