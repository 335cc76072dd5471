/// The checks that stop one action for one candidate, shown in the plan before a
/// move and recorded on the timeline when the action is skipped.
extension Workspace {
    func skipReason(
        for action: AutomaticAction, candidate: Candidate, job: JobID, entry: Int, mover: MemberID?
    ) -> String? {
        if let mover, !allows(mover, action.requiredPermission) {
            let name = member(mover)?.name ?? mover.rawValue
            return "\(name) lacks \(Permission.named([action.requiredPermission]))"
        }
        switch action {
        case .sendEmail(let email):
            guard let address = candidate.email, !address.isEmpty else { return "no email address" }
            if candidate.doNotEmail { return "marked do not email" }
            if template(email.template) == nil { return "the email template \(email.template) no longer exists" }
            if emailAlreadySent(template: email.template, candidate: candidate.id, job: job, entry: entry) {
                return Self.alreadySentForThisEntry
            }
        case .assign(let assign):
            if let jobID = assign.job {
                guard let target = self.job(jobID) else { return "the job \(jobID) no longer exists" }
                if target.status == .closed { return "the job \(target.title) is closed" }
                if target.pipeline.isEmpty { return "the job \(target.title) has no stages" }
            }
            if let pool = assign.talentPool, talentPool(pool) == nil {
                return "the talent pool \(pool) no longer exists"
            }
        case .addTask(let task):
            if member(task.assignee) == nil { return "the assignee \(task.assignee) is not a team member" }
        case .requestEvaluation(let request) where !request.members.contains(where: { member($0) != nil }):
            return "none of its team members is on the team any more"
        case .addFollowers(let followers) where !followers.members.contains(where: { member($0) != nil }):
            return "none of its team members is on the team any more"
        case .addNote, .addTags, .requestEvaluation, .addFollowers:
            break
        }
        return nil
    }

    static let alreadySentForThisEntry = "already sent for this stage entry"

    /// "At most once per stage entry": an email from this template that is
    /// waiting, being sent or sent for the same entry blocks another.
    func emailAlreadySent(template: EmailTemplateID, candidate: CandidateID, job: JobID, entry: Int) -> Bool {
        emails.records(of: candidate).contains {
            $0.job == job && $0.template == template && $0.entry == entry
                && [.scheduled, .sending, .sent, .unknown].contains($0.status)
        }
    }
}
