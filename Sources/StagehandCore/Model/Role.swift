/// What a team member may do. Changing automatic actions needs both
/// `manageAutomations` and `editJobs`.
public enum Permission: String, Codable, Sendable, CaseIterable {
    case moveCandidates, editJobs, manageAutomations, evaluate

    /// How a refusal names it: the state file's identifier is ours, not the recruiter's.
    public var words: String {
        switch self {
        case .moveCandidates: "moving candidates"
        case .editJobs: "editing jobs"
        case .manageAutomations: "managing automations"
        case .evaluate: "evaluating candidates"
        }
    }

    /// "the permission for moving candidates", "the permissions for managing automations and editing jobs".
    public static func named(_ permissions: [Permission]) -> String {
        let plural = permissions.count > 1 ? "s" : ""
        return "the permission\(plural) for " + permissions.map(\.words).joined(separator: " and ")
    }
}

public struct Role: Codable, Sendable, Equatable, Identifiable {
    public var id: RoleID
    public var name: String
    public var permissions: [Permission]

    public init(id: RoleID, name: String, permissions: [Permission]) {
        self.id = id
        self.name = name
        self.permissions = Permission.allCases.filter(permissions.contains)
    }

    public func allows(_ permission: Permission) -> Bool { permissions.contains(permission) }

    public static let admin = Role(id: "admin", name: "Admin", permissions: Permission.allCases)
    public static let recruiter = Role(
        id: "recruiter", name: "Recruiter", permissions: [.moveCandidates, .editJobs, .evaluate])
    public static let hiringManager = Role(
        id: "hiring-manager", name: "Hiring manager", permissions: [.evaluate])
}
