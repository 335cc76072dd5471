import Foundation

/// Disqualification reasons: their names here, their actions through `ActionOwner.reason`.
extension Workspace {
    @discardableResult
    public mutating func addReason(named name: String, by member: MemberID) throws -> ReasonID {
        try require(Self.automationPermissions, of: member, toDo: "change disqualification reasons")
        let name = try checkedReasonName(name, renaming: nil)
        let id: ReasonID = makeID("reason")
        setup.disqualificationReasons.append(DisqualificationReason(id: id, name: name))
        return id
    }

    public mutating func renameReason(_ id: ReasonID, to name: String, by member: MemberID) throws {
        try require(Self.automationPermissions, of: member, toDo: "change disqualification reasons")
        let name = try checkedReasonName(name, renaming: id)
        guard let index = setup.disqualificationReasons.firstIndex(where: { $0.id == id }) else {
            throw StagehandError.notFound(kind: "disqualification reason", name: id.rawValue)
        }
        setup.disqualificationReasons[index].name = name
    }

    /// Removes a reason nobody was disqualified with: the others keep theirs on record.
    public mutating func removeReason(_ id: ReasonID, by member: MemberID) throws {
        try require(Self.automationPermissions, of: member, toDo: "change disqualification reasons")
        guard let reason = reason(id) else { throw StagehandError.notFound(kind: "disqualification reason", name: id.rawValue) }
        let uses = candidates.filter { $0.placements.contains { $0.disqualification?.reason == id } }.count
        guard uses == 0 else {
            throw StagehandError.invalidAction(
                "\(uses) candidate\(uses == 1 ? " was" : "s were") disqualified as '\(reason.name)': rename the reason instead of removing it.")
        }
        setup.disqualificationReasons.removeAll { $0.id == id }
    }

    private func checkedReasonName(_ name: String, renaming id: ReasonID?) throws -> String {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StagehandError.invalidAction("A reason needs a name.") }
        try TextLimit.check(name, "A reason's name", limit: TextLimit.name)
        if let other = setup.disqualificationReasons.first(where: { $0.id != id && NameLookup.fold($0.name) == NameLookup.fold(name) }) {
            throw StagehandError.invalidAction("There is already a reason called \(other.name): choose another name.")
        }
        return name
    }
}
