import Foundation

/// Tasks and evaluation requests: one per automatic task or evaluation action
/// that ran, so they grow with use too (see `Candidate`'s reader).
extension CandidateTask: JSONReadable {
    init(json: inout JSONReader) throws {
        var id: TaskID?, title: String?, assignee: MemberID?, due: Date?, done: Bool?, candidate: CandidateID?
        var job: JobID?, automatic: Bool?, doneAt: Date?, doneBy: MemberID?, run: ActionRunID?, stage: StageID?
        try json.readObject { key, json in
            switch key {
            case "assignee": assignee = try json.read()
            case "automatic": automatic = try json.read()
            case "candidate": candidate = try json.read()
            case "done": done = try json.read()
            case "doneAt": doneAt = try json.read()
            case "doneBy": doneBy = try json.read()
            case "due": due = try json.read()
            case "id": id = try json.read()
            case "job": job = try json.read()
            case "run": run = try json.read()
            case "stage": stage = try json.read()
            case "title": title = try json.read()
            default: throw JSONReader.Unreadable()
            }
        }
        guard let id, let title, let assignee, let due, let done, let candidate, let automatic else {
            throw JSONReader.Unreadable()
        }
        self.init(
            id: id, title: title, assignee: assignee, due: due, done: done, candidate: candidate, job: job,
            automatic: automatic, doneAt: doneAt, doneBy: doneBy, run: run, stage: stage)
    }
}

extension EvaluationRequest: JSONReadable {
    init(json: inout JSONReader) throws {
        var id: EvaluationRequestID?, member: MemberID?, candidate: CandidateID?, job: JobID?
        var status: EvaluationStatus?, requestedAt: Date?, automatic: Bool?, rating: EvaluationRating?
        var comment: String?, submittedAt: Date?, run: ActionRunID?
        try json.readObject { key, json in
            switch key {
            case "automatic": automatic = try json.read()
            case "candidate": candidate = try json.read()
            case "comment": comment = try json.read()
            case "id": id = try json.read()
            case "job": job = try json.read()
            case "member": member = try json.read()
            case "rating": rating = try json.read()
            case "requestedAt": requestedAt = try json.read()
            case "run": run = try json.read()
            case "status": status = try json.read()
            case "submittedAt": submittedAt = try json.read()
            default: throw JSONReader.Unreadable()
            }
        }
        guard let id, let member, let candidate, let job, let status, let requestedAt, let automatic else {
            throw JSONReader.Unreadable()
        }
        self.init(
            id: id, member: member, candidate: candidate, job: job, status: status, requestedAt: requestedAt,
            automatic: automatic, rating: rating, comment: comment, submittedAt: submittedAt, run: run)
    }
}

extension EvaluationStatus: JSONReadable {}
extension EvaluationRating: JSONReadable {}
