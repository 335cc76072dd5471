/// A person on the hiring team. `login` matches an OS login name, which is how
/// Stagehand knows who is running it.
public struct Member: Codable, Sendable, Equatable, Identifiable {
    public var id: MemberID
    public var login: String
    public var name: String
    public var email: String
    public var role: RoleID

    public init(id: MemberID, login: String, name: String, email: String, role: RoleID) {
        self.id = id
        self.login = login
        self.name = name
        self.email = email
        self.role = role
    }
}
