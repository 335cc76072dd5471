/// Why the workspace's database could not be used, in one sentence that says what
/// to do. Never with a password: the location is named as `DatabaseLocation.shown`.
///
/// Exit codes follow sysexits(3), as the state file's do: 65 a newer schema, 66 no
/// workspace there, 69 the server cannot be reached, 73 a workspace exists already,
/// 74 a statement failed or the connection dropped, 77 a missing permission, 78 no
/// schema yet (`stagehand migrate`).
public enum DatabaseError: UserFacingError, Equatable {
    case unreachable(shown: String, detail: String)
    /// libpq, opened when a database is first used, is not installed here.
    case libpqMissing(shown: String, detail: String)
    case loginRefused(shown: String, detail: String)
    case noSchema(shown: String)
    case newerSchema(shown: String, found: Int, supported: Int)
    case missingWorkspace(shown: String, workspace: String)
    case alreadyExists(shown: String, workspace: String)
    case notEmpty(shown: String)
    case missingDatabase(shown: String, detail: String)
    case permission(shown: String, detail: String)
    case failed(shown: String, detail: String)
    case newerDocuments(shown: String, found: Int, supported: Int)

    public var sentence: String {
        switch self {
        case .unreachable(let shown, let detail):
            return "Cannot reach the database \(shown) (\(detail)): check that PostgreSQL runs there, the user and password (PGPASSWORD or ~/.pgpass), then try again."
        case .libpqMissing(let shown, let detail):
            return "Reaching the database \(shown) needs libpq, PostgreSQL's client library, which could not be loaded here (\(detail)): install it (Debian: apt install libpq5), then try again."
        case .loginRefused(let shown, let detail):
            return "The database \(shown) refused the login (\(detail)): check the user (in the URI, or PGUSER) and put the right password in PGPASSWORD or ~/.pgpass, then try again."
        case .missingDatabase(let shown, let detail):
            return "The server of \(shown) has no such database (\(detail)): create it (createdb NAME) or correct its name in the URI, then run 'stagehand migrate --state \"\(shown)\"' once."
        case .noSchema(let shown):
            return "The database \(shown) has no Stagehand tables yet: run 'stagehand migrate --state \"\(shown)\"' once, then try again."
        case .newerSchema(let shown, let found, let supported):
            return "The database \(shown) was set up by a newer Stagehand (schema \(found); this one knows \(supported)): install that version. Nothing was changed."
        case .missingWorkspace(let shown, let workspace):
            return "The database \(shown) holds no workspace named \(workspace): run 'stagehand demo --state …' or 'stagehand copy --from FILE --to …' to put one there."
        case .alreadyExists(let shown, let workspace):
            return "The database \(shown) already holds the workspace \(workspace): pass --force to replace it, or name another with ?workspace=NAME."
        case .notEmpty(let shown):
            return "\(shown) already holds a workspace: copy into an empty one (a new file, or another ?workspace=NAME), so that nothing there is overwritten."
        case .permission(let shown, let detail):
            return "The database \(shown) refused (\(detail)): ask its administrator to grant this user the Stagehand tables."
        case .failed(let shown, let detail):
            return "The database \(shown) did not take the change (\(detail)): nothing was saved; try again."
        case .newerDocuments(let shown, let found, let supported):
            return "The workspace in \(shown) was written by a newer Stagehand (document version \(found); this one knows \(supported)): install that version. Nothing was changed."
        }
    }

    public var sysexitsClass: Int32 {
        switch self {
        case .newerSchema, .newerDocuments: 65
        case .missingWorkspace, .missingDatabase: 66
        case .unreachable, .libpqMissing: 69
        case .alreadyExists, .notEmpty: 73
        case .failed: 74
        case .permission, .loginRefused: 77
        case .noSchema: 78
        }
    }
}
