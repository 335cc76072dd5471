import Foundation

/// One change to how the workspace is set up — automations, templates, pipelines,
/// jobs, reasons — as a value, so that the board can ask for it as an effect and
/// every client applies it through the same rules under the same lock.
///
/// Actions are named by their place in the list. `expecting` is the action the
/// person saw there: if someone else changed the list meanwhile, the change is
/// refused rather than applied to whatever now sits at that place.
public enum SetupChange: Sendable, Equatable {
    case saveAction(ActionDraft, owner: ActionOwner, replacing: Int?, expecting: StageAction? = nil)
    case removeAction(owner: ActionOwner, index: Int, expecting: StageAction? = nil)
    case moveAction(owner: ActionOwner, from: Int, to: Int, expecting: StageAction? = nil)
    case saveTemplate(EmailTemplateID?, name: String, subject: String, body: String)
    case removeTemplate(EmailTemplateID)
    case addStage(PipelineRef, name: String)
    case renameStage(PipelineRef, StageID, name: String)
    case moveStage(PipelineRef, StageID, to: Int)
    case removeStage(PipelineRef, StageID, movingTo: StageID?)
    /// How long candidates are expected to stay in the stage; nil: no expectation.
    case setExpectedTime(PipelineRef, StageID, RelativeDuration?)
    case createJob(title: String)
    case renameJob(JobID, title: String)
    case setJobStatus(JobID, JobStatus)
    /// To a place in the job order, 0 being the first.
    case moveJob(JobID, to: Int)
    case addReason(name: String)
    case renameReason(ReasonID, name: String)
    case removeReason(ReasonID)
    case setMail(MailSettings)
    /// The text of a `.pub` file: one key or several.
    case addKeys(MemberID, publicKeys: String)
    /// A key named by its fingerprint or comment.
    case removeKey(MemberID, key: String)
}

extension Workspace {
    /// Applies the change for `member` and says in one sentence what it did.
    @discardableResult
    public mutating func apply(_ change: SetupChange, by member: MemberID, now: Date) throws -> String {
        switch change {
        case .saveAction(let draft, let owner, let index, let expected):
            try check(index, of: owner, holds: expected)
            let action = try save(draft, to: owner, replacing: index, by: member)
            return "\(index == nil ? "Added to" : "Changed in") \(ownerName(owner)): \(summary(of: action, forDisqualification: owner.isReason))"
        case .removeAction(let owner, let index, let expected):
            try check(index, of: owner, holds: expected)
            let removed = stageActions(of: owner).flatMap { $0.indices.contains(index) ? $0[index] : nil }
            try removeAction(at: index, of: owner, by: member)
            return "Removed from \(ownerName(owner)): \(removed.map { summary(of: $0, forDisqualification: owner.isReason) } ?? "action \(index + 1)")"
        case .moveAction(let owner, let from, let to, let expected):
            try check(from, of: owner, holds: expected)
            let moved = stageActions(of: owner).flatMap { $0.indices.contains(from) ? $0[from] : nil }
            try moveAction(from: from, to: to, of: owner, by: member)
            let what = moved.map { summary(of: $0, forDisqualification: owner.isReason) } ?? "action \(from + 1)"
            return "Now runs \(Self.ordinal(to + 1)) in \(ownerName(owner)): \(what)"
        case .saveTemplate(let id, let name, let subject, let body):
            let saved = try saveTemplate(id, name: name, subject: subject, body: body, by: member)
            return "\(id == nil ? "Created" : "Saved") the email template \(template(saved)?.name ?? name)"
        case .removeTemplate(let id):
            let name = template(id)?.name ?? id.rawValue
            try removeTemplate(id, by: member)
            return "Removed the email template \(name)"
        case .addStage(let ref, let name):
            let id = try addStage(named: name, to: ref, by: member)
            return "Added the stage \(pipeline(ref)?.first { $0.id == id }?.name ?? name) to \(pipelineName(ref))"
        case .renameStage(let ref, let id, let name):
            let old = pipeline(ref)?.first { $0.id == id }?.name ?? id.rawValue
            try renameStage(id, in: ref, to: name, by: member)
            return "Renamed \(old) to \(pipeline(ref)?.first { $0.id == id }?.name ?? name) in \(pipelineName(ref))"
        case .moveStage(let ref, let id, let position):
            try moveStage(id, in: ref, to: position, by: member)
            let name = pipeline(ref)?.first { $0.id == id }?.name ?? id.rawValue
            return "\(name) is now stage \(position + 1) of \(pipelineName(ref))"
        case .removeStage(let ref, let id, let destination):
            let name = pipeline(ref)?.first { $0.id == id }?.name ?? id.rawValue
            let target = destination.flatMap { d in pipeline(ref)?.first { $0.id == d }?.name }
            let moved = try removeStage(id, from: ref, movingCandidatesTo: destination, by: member, now: now)
            let where_ = moved > 0 ? "; \(moved) candidate\(moved == 1 ? "" : "s") moved to \(target ?? "")" : ""
            return "Removed \(name) from \(pipelineName(ref))\(where_)"
        case .setExpectedTime(let ref, let id, let expected):
            try setExpectedTime(expected, of: id, in: ref, by: member)
            return expectedTimeSentence(of: id, in: ref)
        case .createJob(let title):
            let id = try createJob(title: title, by: member)
            return "Created the job \(job(id)?.title ?? title) with a copy of the default pipeline"
        case .renameJob(let id, let title):
            let old = job(id)?.title ?? id.rawValue
            try renameJob(id, to: title, by: member)
            return "Renamed the job \(old) to \(job(id)?.title ?? title)"
        case .setJobStatus(let id, let status):
            try setStatus(of: id, to: status, by: member)
            return "\(status == .closed ? "Closed" : "Reopened") the job \(job(id)?.title ?? id.rawValue)"
        case .moveJob(let id, let position):
            try moveJob(id, to: position, by: member)
            return "\(job(id)?.title ?? id.rawValue) is now job \(position + 1) of \(setup.jobs.count)"
        case .addReason(let name):
            let id = try addReason(named: name, by: member)
            return "Added the disqualification reason \(reason(id)?.name ?? name)"
        case .renameReason(let id, let name):
            let old = reason(id)?.name ?? id.rawValue
            try renameReason(id, to: name, by: member)
            return "Renamed the reason \(old) to \(reason(id)?.name ?? name)"
        case .removeReason(let id):
            let name = reason(id)?.name ?? id.rawValue
            try removeReason(id, by: member)
            return "Removed the disqualification reason \(name)"
        case .setMail(let settings):
            try setMail(settings, by: member)
            return "Mail now goes out through \(settings.transportDescription), from \(settings.fromAddress) when no team member sends it"
        case .addKeys(let id, let text):
            let added = try addKeys(text, to: id, by: member)
            let name = self.member(id)?.name ?? id.rawValue
            return added.map { "\(name) can now sign in with the \($0.kind) key \($0.fingerprint)\($0.comment.isEmpty ? "" : " (\($0.comment))")" }
                .joined(separator: "\n")
        case .removeKey(let id, let key):
            let removed = try removeKey(key, from: id, by: member)
            return "\(self.member(id)?.name ?? id.rawValue) can no longer sign in with the key \(removed.fingerprint)"
        }
    }

    /// Refuses a change to an action someone else has changed, moved or removed since.
    private func check(_ index: Int?, of owner: ActionOwner, holds expected: StageAction?) throws {
        guard let index, let expected else { return }
        let actions = stageActions(of: owner) ?? []
        guard actions.indices.contains(index), actions[index] == expected else {
            throw StagehandError.invalidAction(
                "Someone changed the actions of \(ownerName(owner)) meanwhile, so nothing was saved: look at the list again and redo your change.")
        }
    }

    private static func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : ["th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"][n % 10]
        return "\(n)\(suffix)"
    }
}

extension ActionOwner {
    public var isReason: Bool { if case .reason = self { true } else { false } }
}
