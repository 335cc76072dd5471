import Foundation

extension Workspace {
    /// Creates a reusable email template (`id` nil) or changes one; every action that
    /// sends it sends the new text from then on. Emails already scheduled keep theirs.
    @discardableResult
    public mutating func saveTemplate(
        _ id: EmailTemplateID?, name: String, subject: String, body: String, by member: MemberID
    ) throws -> EmailTemplateID {
        try require(Self.automationPermissions, of: member, toDo: "change email templates")
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StagehandError.invalidAction("An email template needs a name.") }
        try TextLimit.check(name, "A template's name", limit: TextLimit.name)
        try TextLimit.check(subject, "An email's subject", limit: TextLimit.subject)
        try TextLimit.check(body, "An email's text", limit: TextLimit.body)
        guard !subject.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StagehandError.invalidAction("An email needs a subject.")
        }
        if let other = setup.emailTemplates.first(where: { $0.id != id && NameLookup.fold($0.name) == NameLookup.fold(name) }) {
            throw StagehandError.invalidAction("Another template is called \(other.name): choose another name.")
        }
        try EmailRendering.validate(subject: subject, body: body)
        guard let id else {
            let id: EmailTemplateID = makeID("tpl")
            setup.emailTemplates.append(EmailTemplate(id: id, name: name, subject: subject, body: body))
            return id
        }
        guard let index = setup.emailTemplates.firstIndex(where: { $0.id == id }) else {
            throw StagehandError.notFound(kind: "email template", name: id.rawValue)
        }
        setup.emailTemplates[index] = EmailTemplate(id: id, name: name, subject: subject, body: body)
        return id
    }

    /// Removes a template no action sends any more.
    public mutating func removeTemplate(_ id: EmailTemplateID, by member: MemberID) throws {
        try require(Self.automationPermissions, of: member, toDo: "change email templates")
        guard let template = template(id) else { throw StagehandError.notFound(kind: "email template", name: id.rawValue) }
        let users = owners(sending: id)
        guard users.isEmpty else {
            throw StagehandError.invalidAction(
                "Remove the actions that send \(template.name) first: \(users.map(ownerName).joined(separator: ", ")).")
        }
        setup.emailTemplates.removeAll { $0.id == id }
    }

    /// The stages and reasons with an action sending this template.
    public func owners(sending id: EmailTemplateID) -> [ActionOwner] {
        func sends(_ actions: [AutomaticAction]) -> Bool {
            actions.contains { if case .sendEmail(let email) = $0 { email.template == id } else { false } }
        }
        var owners: [ActionOwner] = []
        for stage in setup.defaultPipeline where sends(stage.actions) { owners.append(.stage(.defaultTemplate, stage.id)) }
        for job in setup.jobs {
            for stage in job.pipeline where sends(stage.actions) { owners.append(.stage(.job(job.id), stage.id)) }
        }
        for reason in setup.disqualificationReasons where sends(reason.actions) { owners.append(.reason(reason.id)) }
        return owners
    }

    /// A template filled in for one candidate, as the preview in the editors shows it.
    public func preview(
        subject: String, body: String, for candidateID: CandidateID?, in jobID: JobID?, sender: MemberID?
    ) throws -> (subject: String, body: String) {
        let candidate = candidateID.flatMap { candidates[$0] }
        let job = jobID.flatMap { self.job($0) }
        let stage = candidate.flatMap { candidate in job.flatMap { $0.stage(candidate.placement(in: $0.id)?.stage ?? "") } }
        let context = EmailContext(
            candidateName: candidate?.name ?? "Alex Example", candidateFirstName: candidate?.firstName ?? "Alex",
            jobTitle: job?.title ?? "", stageName: stage?.name ?? "",
            senderName: sender.flatMap { member($0)?.name } ?? "", companyName: setup.companyName)
        return (try EmailRendering.render(subject, with: context), try EmailRendering.render(body, with: context))
    }
}
