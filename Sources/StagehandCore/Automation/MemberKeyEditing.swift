import Foundation

extension Workspace {
    /// Only a member whose role holds every permission (an admin) may change who
    /// can sign in as whom.
    public static let teamPermissions = Permission.allCases

    /// Adds the public keys in `text` (a `.pub` file, or several lines of one) to a
    /// member. Every line is checked first: one bad line adds nothing. A key may
    /// belong to one member only, since it is what says who signed in.
    @discardableResult
    public mutating func addKeys(_ text: String, to memberID: MemberID, by admin: MemberID) throws -> [SSHPublicKey] {
        try require(Self.teamPermissions, of: admin, toDo: "manage team members' SSH keys")
        guard let index = setup.members.firstIndex(where: { $0.id == memberID }) else {
            throw StagehandError.notFound(kind: "team member", name: memberID.rawValue)
        }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard !lines.isEmpty else {
            throw StagehandError.invalidAction("There is no public key in it: give a .pub file, such as ~/.ssh/id_ed25519.pub.")
        }
        var added: [SSHPublicKey] = []
        for line in lines {
            let key = try SSHPublicKey(line: line)
            if let owner = member(withKey: key) ?? (added.contains { $0.isSameKey(as: key) } ? setup.members[index] : nil) {
                let whose = owner.id == memberID ? "\(owner.name) already has" : "\(owner.name) already signs in with"
                throw StagehandError.invalidAction("\(whose) the key \(key.fingerprint): a key can belong to one member only.")
            }
            added.append(key)
        }
        setup.members[index].keys += added
        return added
    }

    /// Removes a member's key, named by its fingerprint (with or without `SHA256:`)
    /// or by its comment.
    @discardableResult
    public mutating func removeKey(_ name: String, from memberID: MemberID, by admin: MemberID) throws -> SSHPublicKey {
        try require(Self.teamPermissions, of: admin, toDo: "manage team members' SSH keys")
        guard let index = setup.members.firstIndex(where: { $0.id == memberID }) else {
            throw StagehandError.notFound(kind: "team member", name: memberID.rawValue)
        }
        let wanted = name.trimmingCharacters(in: .whitespaces)
        let keys = setup.members[index].keys
        let matches = keys.indices.filter { keys[$0].fingerprint == wanted || keys[$0].fingerprint == "SHA256:" + wanted }
        let byComment = keys.indices.filter { !keys[$0].comment.isEmpty && keys[$0].comment == wanted }
        let found = matches.isEmpty ? byComment : matches
        guard found.count == 1, let position = found.first else {
            let member = setup.members[index].name
            throw found.isEmpty
                ? StagehandError.invalidAction("\(member) has no key \(wanted): list them with 'stagehand members list-keys'.")
                : StagehandError.invalidAction("\(member) has \(found.count) keys with the comment \(wanted): name one by its fingerprint.")
        }
        return setup.members[index].keys.remove(at: position)
    }

    /// Who signs in with `key`, if anyone.
    public func member(withKey key: SSHPublicKey) -> Member? {
        setup.members.first { $0.keys.contains { $0.isSameKey(as: key) } }
    }
}
