/// A person on the hiring team. `login` matches an OS login name, which is how
/// Stagehand knows who is running it; `keys` are the SSH public keys with which
/// they sign in to `stagehand-serve`.
public struct Member: Codable, Sendable, Equatable, Identifiable {
    public var id: MemberID
    public var login: String
    public var name: String
    public var email: String
    public var role: RoleID
    public var keys: [SSHPublicKey]

    public init(id: MemberID, login: String, name: String, email: String, role: RoleID, keys: [SSHPublicKey] = []) {
        self.id = id
        self.login = login
        self.name = name
        self.email = email
        self.role = role
        self.keys = keys
    }

    private enum CodingKeys: String, CodingKey {
        case id, login, name, email, role, keys
    }

    /// Files from before schema 3 have no keys.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(MemberID.self, forKey: .id)
        login = try container.decode(String.self, forKey: .login)
        name = try container.decode(String.self, forKey: .name)
        email = try container.decode(String.self, forKey: .email)
        role = try container.decode(RoleID.self, forKey: .role)
        keys = try container.decodeIfPresent([SSHPublicKey].self, forKey: .keys) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(login, forKey: .login)
        try container.encode(name, forKey: .name)
        try container.encode(email, forKey: .email)
        try container.encode(role, forKey: .role)
        // Members without keys are written as before, so such files stay small and familiar.
        if !keys.isEmpty { try container.encode(keys, forKey: .keys) }
    }
}
