import Foundation
import StagehandServe

#if canImport(Glibc)
    import Glibc
#endif

/// Every board a session runs writes the state file as the server's user: a
/// state that user may not write is found at start, not at someone's first move.
/// Checked with the effective ids, so that root can check for the user it will become.
enum StateAccess {
    static func require(_ state: URL) throws {
        let folder = state.deletingLastPathComponent().path
        let files = [state.path, state.path + ".journal", state.path + ".lock"].filter { FileManager.default.fileExists(atPath: $0) }
        func refused(_ path: String, _ mode: Int32) -> Bool { faccessat(AT_FDCWD, path, mode, AT_EACCESS) != 0 }
        let denied = (refused(folder, R_OK | W_OK | X_OK) ? [folder] : []) + files.filter { refused($0, R_OK | W_OK) }
        guard let first = denied.first else { return }
        let user = getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? "uid \(geteuid())"
        throw ServeError(
            "Every board writes the state, but \(user) may not read and write \(first): run 'chown -R \(user): \(folder)' (as root), or start stagehand-serve as a user who may, then start again.")
    }
}
