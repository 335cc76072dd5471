import Foundation

extension Workspace {
    /// Adds an action at the end of a stage's (or reason's) list, or at `position`,
    /// after checking the member's permissions and the action itself.
    /// - Parameter after: `nil` runs it on entry; otherwise it waits this long in the stage.
    public mutating func addAction(
        _ action: AutomaticAction, after: RelativeDuration? = nil, to owner: ActionOwner, at position: Int? = nil, by member: MemberID
    ) throws {
        try require(Self.automationPermissions, of: member, toDo: "change automatic actions")
        try validate(action, after: after, for: owner)
        try editActions(of: owner) { actions, _ in
            // Within its own group: those on entry come first whatever the position says.
            let group = actions.indices.filter { (actions[$0].after == nil) == (after == nil) }
            let end = group.last.map { $0 + 1 } ?? (after == nil ? 0 : actions.count)
            let index = position.map { min(max($0, group.first ?? end), end) } ?? end
            actions.insert(StageAction(action, after: after), at: index)
        }
    }

    /// Replaces the action at `index` (numbered as `stageActions` lists them).
    public mutating func replaceAction(
        at index: Int, with action: AutomaticAction, after: RelativeDuration? = nil, of owner: ActionOwner, by member: MemberID
    ) throws {
        try require(Self.automationPermissions, of: member, toDo: "change automatic actions")
        try validate(action, after: after, for: owner)
        try editActions(of: owner) { actions, name in
            try Self.checkIndex(index, in: actions, of: name)
            actions[index] = StageAction(action, after: after)
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
            guard (actions[source].after == nil) == (actions[destination].after == nil) else {
                throw StagehandError.invalidAction(
                    "Actions on entry run before those that wait for a time in the stage: to change when one runs, edit its time.")
            }
            actions.insert(actions.remove(at: source), at: destination)
        }
    }

    /// Refuses an action that could not run as written, saying what to fix. One that
    /// waits for a time in the stage runs with nobody moving: its email needs a
    /// sender of its own, and goes out when its time comes (no delay on top).
    public func validate(_ action: AutomaticAction, after: RelativeDuration?, for owner: ActionOwner) throws {
        if after != nil {
            if case .reason = owner { throw StagehandError.invalidAction(Self.reasonsRunAtOnce) }
            if case .sendEmail(let email) = action {
                if email.sender == .mover { throw StagehandError.invalidAction(Self.timedEmailNeedsSender) }
                if email.delay != nil { throw StagehandError.invalidAction(Self.timedEmailHasNoDelay) }
            }
        }
        try validate(action, for: owner)
    }

    static let timedEmailNeedsSender =
        "An action after a time in the stage runs with nobody moving the candidate: choose a team member to send the email."
    static let timedEmailHasNoDelay = "An email after a time in the stage goes out when that time comes: leave the delay empty."

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

    private static func checkIndex(_ index: Int, in actions: [StageAction], of name: String) throws {
        guard actions.indices.contains(index) else {
            throw StagehandError.invalidAction(
                "\(name) has \(actions.count) action\(actions.count == 1 ? "" : "s"); there is no number \(index + 1).")
        }
    }
}
