import Foundation

/// What a team member does by hand to one email: send it now, cancel it, retry it.
extension Workspace {
    /// Makes a waiting email due now, for "send now" in the Scheduled view.
    public mutating func sendNow(_ id: EmailID, by member: MemberID, now: Date) throws {
        try checkWaiting(id, by: member, toDo: "send scheduled emails")
        guard let email = emails[id] else { return }
        emails.modify(id) { $0.dueAt = now }
        recordByHand(
            .email, about: email, by: member, text: "Asked to send '\(email.subject)' now (was due \(moment(email.dueAt)))",
            now: now)
    }

    /// Queues a failed email again, or one whose sending ended unknown once someone
    /// has checked the server, to go out now with a fresh round of attempts.
    public mutating func retryEmail(_ id: EmailID, by member: MemberID, now: Date) throws {
        try checkRetry(id, by: member)
        guard let email = emails[id] else { return }
        emails.modify(id) {
            $0.status = .scheduled
            $0.dueAt = now
            $0.failure = nil
            $0.attempts = 0
        }
        setTimelineStatus(of: id, candidate: email.candidate, to: .scheduled)
        if let runID = email.run {
            actionRuns.modify(runID) { run in
                for index in run.steps.indices where run.steps[index].email == id { run.steps[index].state = .running }
            }
        }
        recordByHand(.email, about: email, by: member, text: "Retrying the email '\(email.subject)' to \(email.toAddress)", now: now)
    }

    /// Cancels a waiting email by hand, for "cancel" in the Scheduled view.
    public mutating func cancelScheduledEmail(_ id: EmailID, by member: MemberID, now: Date) throws {
        try checkWaiting(id, by: member, toDo: "cancel scheduled emails")
        guard let email = emails[id] else { return }
        cancelEmail(id, now: now)
        if let runID = email.run {
            actionRuns.modify(runID) { run in
                for index in run.steps.indices where run.steps[index].email == id { run.steps[index].state = .cancelled }
            }
        }
        recordByHand(
            .actionsCancelled, about: email, by: member, text: "Cancelled the email '\(email.subject)' due \(moment(email.dueAt))",
            now: now)
    }

    /// A timeline entry for something a team member did to one of the candidate's emails.
    private mutating func recordByHand(_ kind: ActivityKind, about email: OutgoingEmail, by member: MemberID, text: String, now: Date) {
        let id: ActivityID = makeID("act")
        candidates.modify(email.candidate) { candidate in
            candidate.timeline.append(
                Activity(id: id, at: now, kind: kind, author: member, automatic: false, text: text, job: email.job))
        }
    }

    func checkWaiting(_ id: EmailID, by member: MemberID, toDo doing: String) throws {
        try require([.moveCandidates], of: member, toDo: doing)
        guard let email = emails[id] else { throw StagehandError.notFound(kind: "email", name: id.rawValue) }
        guard email.status == .scheduled else { throw StagehandError.emailNotWaiting(subject: email.subject, status: email.status) }
    }

    func checkRetry(_ id: EmailID, by member: MemberID) throws {
        try require([.moveCandidates], of: member, toDo: "retry emails")
        guard let email = emails[id] else { throw StagehandError.notFound(kind: "email", name: id.rawValue) }
        guard email.status == .failed || email.status == .unknown else {
            throw StagehandError.invalidAction(
                "Only a failed email, or one whose sending is unknown, can be retried; '\(email.subject)' is \(email.status.rawValue).")
        }
    }
}
