import Foundation

/// Runs: one for every move with actions, so the table that grows fastest.
/// Their actions are copies of their stages' actions, a handful of distinct
/// ones: each is decoded once, by its own Codable (which has rules of its own),
/// and shared.
extension ActionRun: JSONReadable {
    init(json: inout JSONReader) throws {
        var id: ActionRunID?, candidate: CandidateID?, job: JobID?, stage: StageID?, reason: ReasonID?
        var trigger: RunTrigger?, mover: MemberID?, createdAt: Date?, startsAt: Date?, steps: [ActionStep]?
        try json.readObject { key, json in
            switch key {
            case "candidate": candidate = try json.read()
            case "createdAt": createdAt = try json.read()
            case "id": id = try json.read()
            case "job": job = try json.read()
            case "mover": mover = try json.read()
            case "reason": reason = try json.read()
            case "stage": stage = try json.read()
            case "startsAt": startsAt = try json.read()
            case "steps": steps = try json.read()
            case "trigger": trigger = try json.read()
            default: throw JSONReader.Unreadable()
            }
        }
        guard let id, let candidate, let job, let stage, let trigger, let createdAt, let startsAt, let steps else {
            throw JSONReader.Unreadable()
        }
        self.init(
            id: id, candidate: candidate, job: job, stage: stage, reason: reason, trigger: trigger, mover: mover,
            createdAt: createdAt, startsAt: startsAt, steps: steps)
    }
}

extension ActionStep: JSONReadable {
    init(json: inout JSONReader) throws {
        var action: AutomaticAction?, state: StepState?, email: EmailID?, added: [String]?
        try json.readObject { key, json in
            switch key {
            case "action": action = try json.decodeShared(AutomaticAction.self)
            case "added": added = try json.read()
            case "email": email = try json.read()
            case "state": state = try json.read()
            default: throw JSONReader.Unreadable()
            }
        }
        guard let action, let state else { throw JSONReader.Unreadable() }
        self.init(action: action, state: state, email: email, added: added)
    }
}

/// As its `Decodable` reads it: the state's name, and what that state carries.
extension StepState: JSONReadable {
    init(json: inout JSONReader) throws {
        var at: Date?, reason: String?, state: String?
        try json.readObject { key, json in
            switch key {
            case "at": at = try json.read()
            case "reason": reason = try json.read()
            case "state": state = try json.read()
            default: throw JSONReader.Unreadable()
            }
        }
        switch (state, at, reason) {
        case ("pending", _, _): self = .pending
        case ("running", _, _): self = .running
        case ("done", _, _): self = .done
        case ("scheduled", let at?, _): self = .scheduled(at)
        case ("failed", _, let reason?): self = .failed(reason)
        case ("cancelled", _, _): self = .cancelled
        case ("skipped", _, let reason?): self = .skipped(reason)
        default: throw JSONReader.Unreadable()
        }
    }
}

extension RunTrigger: JSONReadable {}
