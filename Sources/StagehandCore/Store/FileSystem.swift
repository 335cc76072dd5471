#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The path-level POSIX calls the store makes, each turning a failure into a
/// `StateFileError` that names the path.
enum FileSystem {
    /// The file's stamp, or nil when there is no such file.
    static func stamp(of path: String) throws -> FileStamp? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { return nil }
            throw StateFileError.failure(path: path, writing: false, code: errno)
        }
        return FileStamp(status)
    }

    static func rename(_ source: String, to destination: String) throws {
        guard Foundation.rename(source, destination) == 0 else {
            throw StateFileError.failure(path: destination, writing: true, code: errno)
        }
    }

    static func removeIfPresent(_ path: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else {
            throw StateFileError.failure(path: path, writing: true, code: errno)
        }
    }

    /// Writes a file beside the snapshot whole (its seal, its index): a temporary
    /// file renamed over it, readable by whoever may read the snapshot. On any
    /// failure neither is left, and nil says so: such a file only ever saves
    /// reading, so losing it costs time, never data.
    static func replaceWhole(_ path: String, with bytes: Data, permissions: mode_t) -> FileStamp? {
        let temporary = path + ".tmp"
        do {
            let file = try OpenFile(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC)
            try file.setPermissions(permissions & 0o666)
            file.giveToFolderOwner()
            try file.write(bytes, at: 0)
            let stamp = try file.stamp()
            try rename(temporary, to: path)
            return stamp
        } catch {
            try? removeIfPresent(temporary)
            try? removeIfPresent(path)
            return nil
        }
    }

    /// A second name for the same file: keeping a backup costs no copy, and the
    /// backup cannot be half-written.
    static func linkIfPresent(_ path: String, as newPath: String) throws {
        guard link(path, newPath) == 0 || errno == ENOENT else {
            throw StateFileError.failure(path: newPath, writing: true, code: errno)
        }
    }

    /// A rename is only durable once the folder that holds the names is synced.
    static func syncFolder(containing path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try OpenFile(folder.isEmpty ? "." : folder, flags: O_RDONLY).sync()
    }

    /// `mkdir -p` for the folder that will hold `path`.
    static func makeFolder(containing path: String) throws {
        try makeFolder((path as NSString).deletingLastPathComponent)
    }

    private static func makeFolder(_ folder: String) throws {
        if folder.isEmpty || mkdir(folder, 0o777) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else {
            throw StateFileError.failure(path: folder, writing: true, code: errno)
        }
        try makeFolder((folder as NSString).deletingLastPathComponent)
        guard mkdir(folder, 0o777) == 0 || errno == EEXIST else {
            throw StateFileError.failure(path: folder, writing: true, code: errno)
        }
    }
}
