import Foundation
import StagehandServe

#if canImport(Glibc)
    import Glibc
#endif

/// Started as root, the host key is root's alone: not owned by the user the boards
/// run as, and not in a folder that user may write, where it could be swapped.
enum HostKeyPlacement {
    /// Where the key lives when `--host-key` does not say: root keeps it under /etc,
    /// away from the state the boards write; anyone else beside the state file.
    static func defaultPath(folder: URL, startedAsRoot: Bool) -> String {
        startedAsRoot ? "/etc/stagehand/ssh_host_ed25519_key" : folder.appendingPathComponent("ssh_host_ed25519_key").path
    }

    static func require(_ path: String, outOfReachOf user: ServiceUser) throws {
        var status = stat()
        if stat(path, &status) == 0, status.st_uid != 0 {
            let owner = getpwuid(status.st_uid).map { String(cString: $0.pointee.pw_name) } ?? "uid \(status.st_uid)"
            throw ServeError(
                "The host key \(path) belongs to \(owner), not root, while the boards run as \(user.name): run 'chown root: \(path)' so that only root may read it, then start again.")
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        var folder = absolute.deletingLastPathComponent()
        var first = true
        while true {
            var folderStatus = stat()
            let exists = stat(folder.path, &folderStatus) == 0
            // The key's own folder must not be theirs to write; above it, a sticky
            // folder such as /tmp keeps them from moving root's folder away (a
            // folder that is not there yet is made root's, mode 0700).
            let sticky = exists && folderStatus.st_mode & S_ISVTX != 0
            let path = folder.path
            let writable = try exists && user.impersonating { faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) == 0 }
            if writable && (first || !sticky) {
                throw ServeError(
                    "The host key \(path) is in \(folder.path), which \(user.name) (who runs the boards) may write: keep it where only root may write, such as /etc/stagehand (the default when started as root).")
            }
            if folder.path == "/" { return }
            folder = folder.deletingLastPathComponent()
            first = false
        }
    }
}
