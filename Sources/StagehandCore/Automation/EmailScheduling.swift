import Foundation

extension Workspace {
    /// Renders the template for this candidate now and queues the email for
    /// stage entry + delay (or at once), with a matching timeline entry.
    mutating func scheduleEmail(
        _ action: AutomaticAction.SendEmail, run: ActionRun, entry: Int, now: Date
    ) throws -> OutgoingEmail {
        guard let template = template(action.template), let candidate = candidates[run.candidate],
            let address = candidate.email
        else { throw StagehandError.invalidAction("the email has no template or no recipient") }
        let sender = emailSender(action.sender, mover: run.mover)
        let context = emailContext(candidate: candidate, job: run.job, stage: run.stage, senderName: sender.name)
        let subject = try EmailRendering.render(template.subject, with: context)
        let body = try EmailRendering.render(template.body, with: context)
        let dueAt = action.delay.map { $0.after(run.createdAt, calendar: setup.settings.calendar) } ?? now
        let id: EmailID = makeID("email")
        let email = OutgoingEmail(
            id: id, candidate: candidate.id, job: run.job, stage: run.stage, template: template.id, entry: entry,
            sender: sender.member, fromName: sender.name, fromAddress: sender.address, toName: candidate.name,
            toAddress: address, subject: subject, body: body, createdAt: now, dueAt: dueAt, run: run.id)
        emails.upsert(email)
        let when = dueAt > now ? ", scheduled for \(moment(dueAt))" : ""
        record(
            .email, on: candidate.id, job: run.job, author: run.mover,
            text: "Email '\(subject)' to \(address)\(when)", now: now, status: .scheduled, email: id)
        return email
    }

    /// Who an email is from. With no mover (a career-page application) it comes from the company.
    func emailSender(_ sender: Sender, mover: MemberID?) -> (member: MemberID?, name: String, address: String) {
        let memberID: MemberID? =
            switch sender {
            case .mover: mover
            case .member(let id): id
            }
        if let memberID, let member = member(memberID) {
            return (member.id, member.name, member.email)
        }
        return (nil, setup.companyName, setup.settings.mail.fromAddress)
    }

    public func emailContext(candidate: Candidate, job: JobID, stage: StageID, senderName: String) -> EmailContext {
        let job = self.job(job)
        return EmailContext(
            candidateName: candidate.name, candidateFirstName: candidate.firstName, jobTitle: job?.title ?? "",
            stageName: job?.stage(stage)?.name ?? "", senderName: senderName, companyName: setup.companyName)
    }

    /// Notes may use the same placeholders as emails.
    func renderText(_ text: String, run: ActionRun) throws -> String {
        guard let candidate = candidates[run.candidate] else { return text }
        let mover = run.mover.flatMap { member($0) }?.name ?? setup.companyName
        return try EmailRendering.render(
            text, with: emailContext(candidate: candidate, job: run.job, stage: run.stage, senderName: mover))
    }
}
