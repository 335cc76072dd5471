extension Workspace {
    /// The member whose login is `login`, as the person running Stagehand.
    public func member(login: String) throws -> Member {
        guard let member = setup.members.first(where: { $0.login == login }) else {
            throw StagehandError.notAMember(login: login)
        }
        return member
    }

    public func allows(_ member: MemberID, _ permission: Permission) -> Bool {
        role(of: member)?.allows(permission) ?? false
    }

    /// Throws the refusal a user sees when `member` lacks any of `permissions`.
    public func require(_ permissions: [Permission], of member: MemberID, toDo doing: String) throws {
        let missing = permissions.filter { !allows(member, $0) }
        guard missing.isEmpty else {
            throw StagehandError.missingPermission(
                member: self.member(member)?.name ?? member.rawValue, missing: missing, doing: doing)
        }
    }

    /// Adding or changing automatic actions needs both of these.
    public static let automationPermissions: [Permission] = [.manageAutomations, .editJobs]
}

extension Workspace {
    /// The automation permissions `member` lacks (all of them for someone not on the team).
    public func missingSetupPermissions(of member: MemberID?) -> [Permission] {
        guard let member else { return Self.automationPermissions }
        return Self.automationPermissions.filter { !allows(member, $0) }
    }

    /// The one line a read-only editor shows; `nil` when `member` may change the setup.
    public func readOnlyNotice(for member: MemberID?) -> String? {
        let missing = missingSetupPermissions(of: member)
        guard !missing.isEmpty else { return nil }
        return "Read-only: changing this needs \(Permission.named(missing))."
    }
}
