import Foundation

extension Workspace {
    /// Puts candidates back where a move found them. Actions of the undone move
    /// that have not run are cancelled; mail already sent stays sent. Candidates
    /// moved again since (by anyone) are left where they are.
    /// - Returns: the candidates put back.
    @discardableResult
    public mutating func undoMove(
        job jobID: JobID, target: StageID, previous: [CandidateID: Placement], by member: MemberID, now: Date
    ) throws -> [CandidateID] {
        try require([.moveCandidates], of: member, toDo: "move candidates")
        let job = self.job(jobID)
        var restored: [CandidateID] = []
        for (id, before) in previous.sorted(by: { $0.key < $1.key }) {
            guard let placement = candidates[id]?.placement(in: jobID), placement.stage == target else { continue }
            cancelPendingWork(for: id, in: jobID, by: member, now: now)
            let activityID: ActivityID = makeID("act")
            candidates.modify(id) { candidate in
                guard let index = candidate.placementIndex(in: jobID) else { return }
                var back = before
                back.entry = candidate.placements[index].entry + 1
                back.disqualification = candidate.placements[index].disqualification
                candidate.placements[index] = back
                let from = job?.stage(target)?.name ?? target.rawValue
                let to = job?.stage(before.stage)?.name ?? before.stage.rawValue
                candidate.timeline.append(
                    Activity(
                        id: activityID, at: now, kind: .moved, author: member, automatic: false,
                        text: "Undid the move to \(from): back in \(to)", job: jobID))
            }
            restored.append(id)
        }
        return restored
    }

    /// Makes a waiting email due now, for "send now" in the Scheduled view.
    public mutating func sendNow(_ id: EmailID, by member: MemberID, now: Date) throws {
        try require([.moveCandidates], of: member, toDo: "send scheduled emails")
        guard let email = emails[id], email.status == .scheduled else { throw notWaiting(id) }
        emails.modify(id) { $0.dueAt = now }
        recordByHand(
            .email, about: email, by: member, text: "Asked to send '\(email.subject)' now (was due \(moment(email.dueAt)))",
            now: now)
    }

    /// Queues a failed email again, or one whose sending ended unknown once someone
    /// has checked the server, to go out now with a fresh round of attempts.
    public mutating func retryEmail(_ id: EmailID, by member: MemberID, now: Date) throws {
        try require([.moveCandidates], of: member, toDo: "retry emails")
        guard let email = emails[id], email.status == .failed || email.status == .unknown else {
            throw StagehandError.invalidAction("Only a failed email, or one whose sending is unknown, can be retried; that one is \(emails[id]?.status.rawValue ?? "gone").")
        }
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
        try require([.moveCandidates], of: member, toDo: "cancel scheduled emails")
        guard let email = emails[id], email.status == .scheduled else { throw notWaiting(id) }
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

    /// Why an email that is not waiting cannot be sent now or cancelled, and what can be done.
    private func notWaiting(_ id: EmailID) -> StagehandError {
        switch emails[id]?.status {
        case .failed?, .unknown?:
            .invalidAction("That email did not go out (\(emails[id]?.status.rawValue ?? "")): retry it with 'stagehand scheduled retry \(id)', or r on the board.")
        case .sending?:
            .invalidAction("That email is being sent right now, so it can no longer be sent early or cancelled.")
        default:
            .invalidAction("That email is no longer waiting: it was sent or cancelled meanwhile.")
        }
    }

    /// A timeline entry for something a team member did to one of the candidate's emails.
    private mutating func recordByHand(_ kind: ActivityKind, about email: OutgoingEmail, by member: MemberID, text: String, now: Date) {
        let id: ActivityID = makeID("act")
        candidates.modify(email.candidate) { candidate in
            candidate.timeline.append(
                Activity(id: id, at: now, kind: kind, author: member, automatic: false, text: text, job: email.job))
        }
    }
}
