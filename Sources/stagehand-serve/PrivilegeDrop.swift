import Foundation
import StagehandServe

#if canImport(Glibc)
    import Glibc
#endif

/// A server started as root gives root up before it answers anyone: it and
/// every session run as `--user`, and it refuses to go on if that fails.
enum PrivilegeDrop {
    static func ifRoot(to user: String) throws {
        guard geteuid() == 0 else { return }
        guard let entry = getpwnam(user) else {
            throw ServeError("Started as root, stagehand-serve runs as --user \(user), but there is no such user: name an existing one.")
        }
        let uid = entry.pointee.pw_uid
        let gid = entry.pointee.pw_gid
        guard uid != 0 else {
            throw ServeError("Started as root, stagehand-serve refuses to serve as root: name an unprivileged user with --user (default nobody).")
        }
        guard setgroups(0, nil) == 0, setgid(gid) == 0, setuid(uid) == 0, getuid() == uid, geteuid() == uid, setuid(0) != 0 else {
            throw ServeError("Started as root, stagehand-serve could not become \(user): refusing to serve as root.")
        }
    }
}
