import Foundation

extension Workspace {
    /// Adds an action at the end of a stage's (or reason's) list, or at `position`,
    /// after checking the member's permissions and the action itself.
    public mutating func addAction(
        _ action: AutomaticAction, to owner: ActionOwner, at position: Int? = nil, by member: MemberID
    ) throws {
        try require(Self.automationPermissions, of: member, toDo: "change automatic actions")
        try validate(action, for: owner)
        try editActions(of: owner) { actions, _ in
            let index = min(max(position ?? actions.count, 0), actions.count)
            actions.insert(action, at: index)
        }
    }

    /// Replaces the action at `index`.
    public mutating func replaceAction(
        at index: Int, with action: AutomaticAction, of owner: ActionOwner, by member: MemberID
    ) throws {
        try require(Self.automationPermissions, of: member, toDo: "change automatic actions")
        try validate(action, for: owner)
        try editActions(of: owner) { actions, name in
            try Self.checkIndex(index, in: actions, of: name)
            actions[index] = action
        }
    }

    public mutating func removeAction(at index: Int, of owner: ActionOwner, by member: MemberID) throws {
        try require(Self.automationPermissions, of: member, toDo: "change automatic actions")
        try editActions(of: owner) { actions, name in
            try Self.checkIndex(index, in: actions, of: name)
            actions.remove(at: index)
        }
    }

    /// Moves an action to another place in the order they run.
    public mutating func moveAction(from source: Int, to destination: Int, of owner: ActionOwner, by member: MemberID) throws {
        try require(Self.automationPermissions, of: member, toDo: "change automatic actions")
        try editActions(of: owner) { actions, name in
            try Self.checkIndex(source, in: actions, of: name)
            try Self.checkIndex(destination, in: actions, of: name)
            actions.insert(actions.remove(at: source), at: destination)
        }
    }

    /// Refuses an action that could not run as written, saying what to fix.
    public func validate(_ action: AutomaticAction, for owner: ActionOwner) throws {
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
            try EmailRendering.validate(note: note.text)
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
            // A request to someone who may not evaluate could never be answered.
            for id in request.members where !allows(id, .evaluate) {
                let name = member(id)?.name ?? id.rawValue
                throw StagehandError.invalidAction(
                    "\(name) may not evaluate: their role lacks the permission for \(Permission.evaluate.words). Ask someone who may.")
            }
        case .addFollowers(let followers):
            try requireMembers(followers.members, "to follow")
        case .assign(let assign):
            if let jobID = assign.job {
                guard let target = job(jobID) else { throw StagehandError.notFound(kind: "job", name: jobID.rawValue) }
                if target.status == .closed {
                    throw StagehandError.invalidAction("\(target.title) is closed: choose an open job or a talent pool.")
                }
                if case .stage(.job(jobID), _) = owner {
                    throw StagehandError.invalidAction("A stage cannot assign candidates to its own job.")
                }
            } else if let pool = assign.talentPool, talentPool(pool) == nil {
                throw StagehandError.notFound(kind: "talent pool", name: pool.rawValue)
            }
        }
    }

    private static func checkIndex(_ index: Int, in actions: [AutomaticAction], of name: String) throws {
        guard actions.indices.contains(index) else {
            throw StagehandError.invalidAction(
                "\(name) has \(actions.count) action\(actions.count == 1 ? "" : "s"); there is no number \(index + 1).")
        }
    }
}
