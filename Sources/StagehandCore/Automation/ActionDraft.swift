import Foundation

/// An automatic action as a form holds it: the text of each field, checked field
/// by field so that an editor can show every problem next to its field, and
/// saved only when nothing is wrong. The board's forms and the command line both
/// build actions through it.
public struct ActionDraft: Sendable, Equatable {
    public enum Field: String, Sendable, CaseIterable {
        case kind, when, template, templateName, subject, body, sender, delay, note, title, assignee, due, tags, members, target
    }

    public var kind: AutomaticAction.Kind
    /// Empty (or `on entry`) runs it when a candidate enters the stage; else a time in
    /// the stage such as `5d` or `3bd` after which it runs.
    public var when = ""
    /// The template the email sends; `nil` saves the name, subject and body as a new one.
    public var template: EmailTemplateID?
    public var templateName = ""
    public var subject = ""
    public var body = ""
    /// `mover`, or a team member by id, login or name.
    public var sender = "mover"
    /// Empty sends at once; else a duration such as `1h` or `3bd`.
    public var delay = ""
    public var note = ""
    public var title = ""
    public var assignee = ""
    /// A duration after the move (`3d`) or a day (`2026-12-01`).
    public var due = "3d"
    /// Comma separated.
    public var tags = ""
    /// Team members, comma separated (evaluation and followers).
    public var members = ""
    /// A job or talent pool, by id or name.
    public var target = ""

    /// The fields a form shows for a kind, in order. A reason's actions run on
    /// disqualification, so they have no "when".
    public static func fields(for kind: AutomaticAction.Kind, owner: ActionOwner) -> [Field] {
        let when: [Field] = owner.isReason ? [] : [.when]
        switch kind {
        case .sendEmail: return [.kind, .template, .templateName, .subject, .body, .sender, .delay] + when
        case .addNote: return [.kind, .note] + when
        case .addTask: return [.kind, .title, .assignee, .due] + when
        case .addTags: return [.kind, .tags] + when
        case .requestEvaluation, .addFollowers: return [.kind, .members] + when
        case .assign: return [.kind, .target] + when
        }
    }

    /// The times offered by name in the editors' "when" field, after "on entry".
    public static let timePresets: [RelativeDuration] = [.init(1, .days), .init(2, .days), .init(3, .businessDays), .init(5, .businessDays), .init(1, .weeks), .init(2, .weeks)]

    /// What the "when" field says for a time (`nil`: on entry).
    public static func whenText(_ after: RelativeDuration?) -> String { after?.description ?? "" }

    /// A new action of a kind, with the first template filled in for an email.
    public init(kind: AutomaticAction.Kind, in workspace: Workspace) {
        self.kind = kind
        if kind == .sendEmail, let first = workspace.setup.emailTemplates.first { useTemplate(first.id, in: workspace) }
    }

    /// An existing action, ready to edit.
    public init(_ action: AutomaticAction, after: RelativeDuration? = nil, in workspace: Workspace) {
        self.init(kind: action.kind, in: workspace)
        when = Self.whenText(after)
        switch action {
        case .sendEmail(let email):
            useTemplate(email.template, in: workspace)
            if case .member(let id) = email.sender { sender = id.rawValue }
            delay = email.delay?.description ?? ""
        case .addNote(let action): note = action.text
        case .addTask(let task):
            title = task.title
            assignee = workspace.member(task.assignee)?.name ?? task.assignee.rawValue
            due = task.due.description
        case .addTags(let action): tags = action.tags.joined(separator: ", ")
        case .requestEvaluation(let action): members = Self.names(action.members, in: workspace)
        case .addFollowers(let action): members = Self.names(action.members, in: workspace)
        case .assign(let assign): target = assign.job?.rawValue ?? assign.talentPool?.rawValue ?? ""
        }
    }

    /// Picks a template and shows its text, or starts a new one (`nil`).
    public mutating func useTemplate(_ id: EmailTemplateID?, in workspace: Workspace) {
        template = id
        let chosen = id.flatMap { workspace.template($0) }
        templateName = chosen?.name ?? ""
        subject = chosen?.subject ?? ""
        body = chosen?.body ?? ""
    }

    public subscript(field: Field) -> String {
        get {
            switch field {
            case .kind: kind.rawValue
            case .when: when
            case .template: template?.rawValue ?? ""
            case .templateName: templateName
            case .subject: subject
            case .body: body
            case .sender: sender
            case .delay: delay
            case .note: note
            case .title: title
            case .assignee: assignee
            case .due: due
            case .tags: tags
            case .members: members
            case .target: target
            }
        }
        set {
            switch field {
            case .kind: kind = AutomaticAction.Kind(rawValue: newValue) ?? kind
            case .when: when = newValue
            case .template: template = newValue.isEmpty ? nil : EmailTemplateID(newValue)
            case .templateName: templateName = newValue
            case .subject: subject = newValue
            case .body: body = newValue
            case .sender: sender = newValue
            case .delay: delay = newValue
            case .note: note = newValue
            case .title: title = newValue
            case .assignee: assignee = newValue
            case .due: due = newValue
            case .tags: tags = newValue
            case .members: members = newValue
            case .target: target = newValue
            }
        }
    }

    /// Each field's problem, in one sentence; empty when the draft can be saved.
    public func problems(for owner: ActionOwner, in workspace: Workspace) -> [Field: String] {
        var problems: [Field: String] = [:]
        for field in Self.fields(for: kind, owner: owner) {
            do {
                try check(field, for: owner, in: workspace)
            } catch {
                problems[field] = Self.sentence(for: error)
            }
        }
        return problems
    }

    /// The action this draft describes. An email with a new template names it `new`
    /// until `Workspace.save(_:to:replacing:by:)` has created the template.
    public func action(for owner: ActionOwner, in workspace: Workspace) throws -> AutomaticAction {
        let problems = problems(for: owner, in: workspace)
        if let first = Self.fields(for: kind, owner: owner).first(where: { problems[$0] != nil }), let sentence = problems[first] {
            throw StagehandError.invalidAction(sentence)
        }
        switch kind {
        case .sendEmail:
            let from: Sender = isMover(sender) ? .mover : .member(try workspace.findMember(sender).id)
            return .sendEmail(.init(template: template ?? "new", sender: from, delay: try parsedDelay()))
        case .addNote:
            return .addNote(.init(text: note))
        case .addTask:
            return .addTask(.init(title: title.trimmingCharacters(in: .whitespaces), assignee: try workspace.findAssignee(assignee).id, due: try TaskDue(parsing: due)))
        case .addTags:
            return .addTags(.init(tags: Self.list(tags)))
        case .requestEvaluation:
            return .requestEvaluation(.init(members: try Self.list(members).map { try workspace.findMember($0).id }))
        case .addFollowers:
            return .addFollowers(.init(members: try Self.list(members).map { try workspace.findMember($0).id }))
        case .assign:
            return .assign(try assignment(in: workspace))
        }
    }

    private func check(_ field: Field, for owner: ActionOwner, in workspace: Workspace) throws {
        switch field {
        case .kind: break
        case .when:
            if try after() != nil, owner.isReason { throw StagehandError.invalidAction(Workspace.reasonsRunAtOnce) }
        case .template:
            if let template, workspace.template(template) == nil {
                throw StagehandError.notFound(kind: "email template", name: template.rawValue)
            }
        case .templateName:
            let name = effectiveTemplateName.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty || template != nil else {
                throw StagehandError.invalidAction("Give the template a name.")
            }
            if let other = workspace.setup.emailTemplates.first(where: {
                $0.id != template && NameLookup.fold($0.name) == NameLookup.fold(name)
            }) {
                throw StagehandError.invalidAction("Another template is called \(other.name): choose another name.")
            }
        case .subject:
            guard !subject.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw StagehandError.invalidAction("An email needs a subject.")
            }
            try EmailRendering.validate(subject: subject, body: "")
        case .body:
            try EmailRendering.validate(subject: "", body: body)
        case .sender:
            if !isMover(sender) {
                _ = try workspace.findMember(sender)
            } else if waits {
                throw StagehandError.invalidAction(Workspace.timedEmailNeedsSender)
            }
        case .delay:
            if try parsedDelay() != nil, waits {
                throw StagehandError.invalidAction(Workspace.timedEmailHasNoDelay)
            }
        case .note:
            guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw StagehandError.invalidAction("A note needs some text.")
            }
            try TextLimit.check(note, "A note", limit: TextLimit.body)
            try EmailRendering.validate(note: note)
        case .title:
            guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw StagehandError.invalidAction("A task needs a title.") }
            try TextLimit.check(title, "A task's title", limit: TextLimit.name)
            try EmailRendering.validate(taskTitle: title)
        case .assignee:
            _ = try workspace.findAssignee(assignee)
        case .due:
            _ = try TaskDue(parsing: due)
        case .tags:
            guard !Self.list(tags).isEmpty else { throw StagehandError.invalidAction("Name at least one tag.") }
        case .members:
            let names = Self.list(members)
            guard !names.isEmpty else { throw StagehandError.invalidAction("Name at least one team member.") }
            let ids = try names.map { try workspace.findMember($0).id }
            if kind == .requestEvaluation { try workspace.validate(.requestEvaluation(.init(members: ids)), for: owner) }
        case .target:
            let assign = try assignment(in: workspace)
            try workspace.validate(.assign(assign), for: owner)
        }
    }

    /// The name the template is saved under: the one typed, else its subject.
    var effectiveTemplateName: String {
        let name = templateName.trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? subject : name
    }

    private func parsedDelay() throws -> RelativeDuration? { try RelativeDuration.optional(delay) }

    /// Whether it waits for a time in the stage (a time that does not parse is the "when" field's problem).
    private var waits: Bool { ((try? after()) ?? nil) != nil }

    /// The time in the stage the action waits for; `nil` runs it on entry.
    public func after() throws -> RelativeDuration? {
        let trimmed = when.trimmingCharacters(in: .whitespaces)
        guard !["", "on entry", "entry"].contains(trimmed.lowercased()) else { return nil }
        return try RelativeDuration(parsing: trimmed)
    }

    private func assignment(in workspace: Workspace) throws -> AutomaticAction.Assign {
        let text = target.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw StagehandError.invalidAction("Choose a job or a talent pool.") }
        if workspace.job(JobID(text)) != nil { return .init(job: JobID(text)) }
        if workspace.talentPool(TalentPoolID(text)) != nil { return .init(talentPool: TalentPoolID(text)) }
        if let pool = try? workspace.findTalentPool(text) { return .init(talentPool: pool.id) }
        return .init(job: try workspace.findJob(text).id)
    }

    private func isMover(_ text: String) -> Bool {
        let folded = NameLookup.fold(text)
        return folded == "mover" || folded == "the mover"
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func names(_ members: [MemberID], in workspace: Workspace) -> String {
        members.map { workspace.member($0)?.name ?? $0.rawValue }.joined(separator: ", ")
    }

    /// Shorter than the command line's sentences: the form already shows where to look.
    private static func sentence(for error: Error) -> String {
        switch error {
        case StagehandError.notFound(let kind, let name): "No \(kind) matches '\(name)'."
        case StagehandError.ambiguous(_, let name, let matches, let more):
            "'\(name)' could be \(matches.joined(separator: " or "))\(more > 0 ? " or \(more) more" : ""): type more."
        case let error as UserFacingError: error.sentence
        default: String(describing: error)
        }
    }
}

extension Workspace {
    /// Saves a draft as a new action of `owner` (or in place of the action at
    /// `index`), creating or updating its email template in the same change.
    @discardableResult
    public mutating func save(
        _ draft: ActionDraft, to owner: ActionOwner, replacing index: Int? = nil, by member: MemberID
    ) throws -> StageAction {
        try require(Self.automationPermissions, of: member, toDo: "change automatic actions")
        var action = try draft.action(for: owner, in: self)
        let after = try draft.after()
        // The template and the action are one change: on a copy, so that an action
        // refused after its template was saved (no such stage or index) leaves no trace.
        var changed = self
        if case .sendEmail(var email) = action {
            email.template = try changed.saveTemplate(
                draft.template, name: draft.effectiveTemplateName, subject: draft.subject, body: draft.body, by: member)
            action = .sendEmail(email)
        }
        if let index {
            try changed.replaceAction(at: index, with: action, after: after, of: owner, by: member)
        } else {
            try changed.addAction(action, after: after, to: owner, by: member)
        }
        self = changed
        return StageAction(action, after: after)
    }

    /// Every tag on a candidate or in an action, for completion in the editors.
    public var tagsInUse: [String] {
        var tags = Set<String>()
        for candidate in candidates { tags.formUnion(candidate.tags) }
        let stages = setup.defaultPipeline + setup.jobs.flatMap(\.pipeline)
        for action in stages.flatMap(\.stageActions).map(\.action) + setup.disqualificationReasons.flatMap(\.actions) {
            if case .addTags(let add) = action { tags.formUnion(add.tags) }
        }
        // Tags differing only in case ("Remote", "remote") come in the same order every time.
        return tags.sorted {
            let order = $0.localizedCaseInsensitiveCompare($1)
            return order == .orderedSame ? $0 < $1 : order == .orderedAscending
        }
    }
}
