import Foundation

/// Which pipeline an edit is about: one job's own, or the default template that
/// new jobs copy.
public enum PipelineRef: Sendable, Equatable, Hashable {
    case job(JobID)
    case defaultTemplate
}

extension Workspace {
    public func pipeline(_ ref: PipelineRef) -> [Stage]? {
        switch ref {
        case .job(let id): job(id)?.pipeline
        case .defaultTemplate: setup.defaultPipeline
        }
    }

    public func pipelineName(_ ref: PipelineRef) -> String {
        switch ref {
        case .job(let id): job(id)?.title ?? id.rawValue
        case .defaultTemplate: "the default pipeline"
        }
    }

    /// Adds an action at the end of a stage's list (or at `position`), after checking
    /// the member's permissions and the action itself.
    public mutating func addAction(
        _ action: AutomaticAction, to stage: StageID, of ref: PipelineRef, at position: Int? = nil, by member: MemberID
    ) throws {
        try require(Self.automationPermissions, of: member, toDo: "change automatic actions")
        try validate(action, in: ref)
        try editStage(stage, of: ref) { stage in
            let index = min(max(position ?? stage.actions.count, 0), stage.actions.count)
            stage.actions.insert(action, at: index)
        }
    }

    /// Replaces the action at `index`.
    public mutating func replaceAction(
        at index: Int, with action: AutomaticAction, in stage: StageID, of ref: PipelineRef, by member: MemberID
    ) throws {
        try require(Self.automationPermissions, of: member, toDo: "change automatic actions")
        try validate(action, in: ref)
        try editStage(stage, of: ref) { stage in
            try Self.checkIndex(index, in: stage)
            stage.actions[index] = action
        }
    }

    public mutating func removeAction(at index: Int, from stage: StageID, of ref: PipelineRef, by member: MemberID) throws {
        try require(Self.automationPermissions, of: member, toDo: "change automatic actions")
        try editStage(stage, of: ref) { stage in
            try Self.checkIndex(index, in: stage)
            stage.actions.remove(at: index)
        }
    }

    /// Moves an action to another place in the stage's order.
    public mutating func moveAction(
        from source: Int, to destination: Int, in stage: StageID, of ref: PipelineRef, by member: MemberID
    ) throws {
        try require(Self.automationPermissions, of: member, toDo: "change automatic actions")
        try editStage(stage, of: ref) { stage in
            try Self.checkIndex(source, in: stage)
            try Self.checkIndex(destination, in: stage)
            stage.actions.insert(stage.actions.remove(at: source), at: destination)
        }
    }

    /// Refuses an action that could not run as written, saying what to fix.
    public func validate(_ action: AutomaticAction, in ref: PipelineRef) throws {
        func requireMembers(_ members: [MemberID], _ what: String) throws {
            guard !members.isEmpty else { throw StagehandError.invalidAction("Name at least one team member \(what).") }
            for id in members where member(id) == nil { throw StagehandError.notFound(kind: "team member", name: id.rawValue) }
        }
        switch action {
        case .sendEmail(let email):
            guard let template = template(email.template) else {
                throw StagehandError.notFound(kind: "email template", name: email.template.rawValue)
            }
            try EmailRendering.validate(subject: template.subject, body: template.body)
            if case .member(let id) = email.sender, member(id) == nil {
                throw StagehandError.notFound(kind: "team member", name: id.rawValue)
            }
        case .addNote(let note):
            guard !note.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw StagehandError.invalidAction("A note needs some text.")
            }
            try EmailRendering.validate(subject: "", body: note.text)
        case .addTask(let task):
            guard !task.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw StagehandError.invalidAction("A task needs a title.")
            }
            try requireMembers([task.assignee], "as the assignee")
        case .addTags(let tags):
            let cleaned = tags.tags.map { $0.trimmingCharacters(in: .whitespaces) }
            guard !cleaned.isEmpty, !cleaned.contains(where: \.isEmpty) else {
                throw StagehandError.invalidAction("Name at least one tag, and no empty ones.")
            }
        case .requestEvaluation(let request):
            try requireMembers(request.members, "to evaluate")
        case .addFollowers(let followers):
            try requireMembers(followers.members, "to follow")
        case .assign(let assign):
            if let jobID = assign.job {
                guard job(jobID) != nil else { throw StagehandError.notFound(kind: "job", name: jobID.rawValue) }
                if ref == .job(jobID) {
                    throw StagehandError.invalidAction("A stage cannot assign candidates to its own job.")
                }
            } else if let pool = assign.talentPool, talentPool(pool) == nil {
                throw StagehandError.notFound(kind: "talent pool", name: pool.rawValue)
            }
        }
    }

    /// Adds a reusable email template after checking its placeholders.
    public mutating func addTemplate(name: String, subject: String, body: String, by member: MemberID) throws -> EmailTemplateID {
        try require(Self.automationPermissions, of: member, toDo: "change email templates")
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StagehandError.invalidAction("An email template needs a name.") }
        guard !subject.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StagehandError.invalidAction("An email needs a subject.")
        }
        try EmailRendering.validate(subject: subject, body: body)
        let id: EmailTemplateID = makeID("tpl")
        setup.emailTemplates.append(EmailTemplate(id: id, name: name, subject: subject, body: body))
        return id
    }

    /// Creates a job with its own copy of the default pipeline: later edits to the
    /// template do not reach it, and its edits do not reach the template.
    public mutating func createJob(title: String, by member: MemberID) throws -> JobID {
        try require([.editJobs], of: member, toDo: "create jobs")
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw StagehandError.invalidAction("A job needs a title.") }
        let id: JobID = makeID("job")
        setup.jobs.append(Job(id: id, title: title, pipeline: setup.defaultPipeline))
        return id
    }

    private mutating func editStage(_ stageID: StageID, of ref: PipelineRef, _ change: (inout Stage) throws -> Void) throws {
        switch ref {
        case .job(let jobID):
            guard let jobIndex = jobIndex(jobID) else { throw StagehandError.notFound(kind: "job", name: jobID.rawValue) }
            guard let stageIndex = setup.jobs[jobIndex].stageIndex(stageID) else {
                throw StagehandError.notFound(kind: "stage of \(setup.jobs[jobIndex].title)", name: stageID.rawValue)
            }
            try change(&setup.jobs[jobIndex].pipeline[stageIndex])
        case .defaultTemplate:
            guard let stageIndex = setup.defaultPipeline.firstIndex(where: { $0.id == stageID }) else {
                throw StagehandError.notFound(kind: "stage of the default pipeline", name: stageID.rawValue)
            }
            try change(&setup.defaultPipeline[stageIndex])
        }
    }

    private static func checkIndex(_ index: Int, in stage: Stage) throws {
        guard stage.actions.indices.contains(index) else {
            throw StagehandError.invalidAction(
                "\(stage.name) has \(stage.actions.count) action\(stage.actions.count == 1 ? "" : "s"); there is no number \(index + 1).")
        }
    }
}
