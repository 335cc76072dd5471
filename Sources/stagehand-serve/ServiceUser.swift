import Foundation
import StagehandServe

#if canImport(Glibc)
    import Glibc
#endif

/// The user a server started as root serves as (`--user`): every board runs as it,
/// and the host key stays root's. Root checks what that user will be able to do,
/// and opens what must be theirs, before anything is created; then gives root up.
struct ServiceUser {
    let name: String
    let uid: uid_t
    let gid: gid_t

    static func named(_ name: String) throws -> ServiceUser {
        guard let entry = getpwnam(name) else {
            throw ServeError(
                "Started as root, stagehand-serve runs as --user \(name), but there is no such user: create it (useradd --system --no-create-home stagehand) or name an existing one.")
        }
        guard entry.pointee.pw_uid != 0 else {
            throw ServeError("Started as root, stagehand-serve refuses to serve as root: name an unprivileged user with --user, such as a dedicated stagehand user.")
        }
        guard setgroups(0, nil) == 0 else { throw ServeError("Started as root, stagehand-serve could not drop root's groups: refusing to serve.") }
        return ServiceUser(name: name, uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
    }

    /// Runs `body` with this user's effective ids, and is root again after.
    func impersonating<T>(_ body: () throws -> T) throws -> T {
        guard setegid(gid) == 0, seteuid(uid) == 0 else {
            throw ServeError("Started as root, stagehand-serve could not act as \(name) to check what it may do: refusing to serve.")
        }
        defer {
            _ = seteuid(0)
            _ = setegid(0)
        }
        return try body()
    }

    /// Gives root up for good: no way back.
    func become() throws {
        guard setgid(gid) == 0, setuid(uid) == 0, getuid() == uid, geteuid() == uid, setuid(0) != 0 else {
            throw ServeError("Started as root, stagehand-serve could not become \(name): refusing to serve as root.")
        }
    }
}
