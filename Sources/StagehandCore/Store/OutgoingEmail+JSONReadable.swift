import Foundation

/// Emails: a sixth of a large snapshot, and the widest entity (see `Candidate`'s reader).
extension OutgoingEmail: JSONReadable {
    init(json: inout JSONReader) throws {
        var id: EmailID?, candidate: CandidateID?, job: JobID?, stage: StageID?, template: EmailTemplateID?
        var entry: Int?, sender: MemberID?, fromName: String?, fromAddress: String?, toName: String?
        var toAddress: String?, subject: String?, body: String?, createdAt: Date?, dueAt: Date?
        var status: EmailStatus?, run: ActionRunID?, messageID: String?, sentAt: Date?, failure: String?
        var attempts: Int?, claim: SendingClaim?
        try json.readObject { key, json in
            switch key {
            case "attempts": attempts = try json.read()
            case "body": body = try json.read()
            case "candidate": candidate = try json.read()
            case "claim": claim = try json.read()
            case "createdAt": createdAt = try json.read()
            case "dueAt": dueAt = try json.read()
            case "entry": entry = try json.read()
            case "failure": failure = try json.read()
            case "fromAddress": fromAddress = try json.readRepeatedString()
            case "fromName": fromName = try json.readRepeatedString()
            case "id": id = try json.read()
            case "job": job = try json.read()
            case "messageID": messageID = try json.read()
            case "run": run = try json.read()
            case "sender": sender = try json.read()
            case "sentAt": sentAt = try json.read()
            case "stage": stage = try json.read()
            case "status": status = try json.read()
            case "subject": subject = try json.readRepeatedString()
            case "template": template = try json.read()
            case "toAddress": toAddress = try json.readRepeatedString()
            case "toName": toName = try json.readRepeatedString()
            default: throw JSONReader.Unreadable()
            }
        }
        guard let id, let candidate, let job, let template, let entry, let fromName, let fromAddress, let toName,
            let toAddress, let subject, let body, let createdAt, let dueAt, let status, let attempts
        else { throw JSONReader.Unreadable() }
        self.init(
            id: id, candidate: candidate, job: job, stage: stage, template: template, entry: entry, sender: sender,
            fromName: fromName, fromAddress: fromAddress, toName: toName, toAddress: toAddress, subject: subject,
            body: body, createdAt: createdAt, dueAt: dueAt, status: status, run: run)
        self.messageID = messageID
        self.sentAt = sentAt
        self.failure = failure
        self.attempts = attempts
        self.claim = claim
    }
}

extension SendingClaim: JSONReadable {
    init(json: inout JSONReader) throws {
        var host: String?, pid: Int?, processStart: Int?, at: Date?
        try json.readObject { key, json in
            switch key {
            case "at": at = try json.read()
            case "host": host = try json.read()
            case "pid": pid = try json.read()
            case "processStart": processStart = try json.read()
            default: throw JSONReader.Unreadable()
            }
        }
        guard let host, let pid, let pidValue = Int32(exactly: pid), let at else { throw JSONReader.Unreadable() }
        self.init(host: host, pid: pidValue, processStart: processStart, at: at)
    }
}
