#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An open file descriptor. Being non-copyable, it is closed exactly once, when
/// it goes out of scope, on every path — errors included — so the store never
/// leaks a descriptor or keeps a lock longer than the operation that took it.
struct OpenFile: ~Copyable {
    let descriptor: Int32
    let path: String

    /// Opens (or with `O_CREAT`, creates) `path`.
    init(_ path: String, flags: Int32) throws {
        guard let file = try OpenFile(ifPresent: path, flags: flags) else {
            throw StateFileError.failure(path: path, writing: Self.isWriting(flags), code: ENOENT)
        }
        self = file
    }

    /// Opens `path`, or answers nil when there is no such file. `O_CLOEXEC` is
    /// always added: a child process (a mail transport, say) that inherited the
    /// lock file's descriptor would keep the lock after we let go.
    init?(ifPresent path: String, flags: Int32) throws {
        let descriptor = open(path, flags | O_CLOEXEC, mode_t(0o666))
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { return nil }
            throw StateFileError.failure(path: path, writing: Self.isWriting(flags), code: code)
        }
        self.descriptor = descriptor
        self.path = path
    }

    private static func isWriting(_ flags: Int32) -> Bool { flags & (O_WRONLY | O_RDWR | O_CREAT) != 0 }

    deinit { close(descriptor) }

    func stamp() throws -> FileStamp {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw StateFileError.failure(path: path, writing: false, code: errno)
        }
        return FileStamp(status)
    }

    func size() throws -> Int { try stamp().size }

    /// Everything from `offset` to the end of the file.
    func read(from offset: Int) throws -> Data {
        let size = try size()
        guard size > offset else { return Data() }
        return try read(offset..<size)
    }

    /// The bytes in `range`, fewer if the file ends before it.
    func read(_ range: Range<Int>) throws -> Data {
        var data = Data(count: range.count)
        let count = try data.withUnsafeMutableBytes { buffer -> Int in
            var done = 0
            while done < buffer.count {
                let got = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(range.lowerBound + done))
                if got < 0 {
                    if errno == EINTR { continue }
                    throw StateFileError.failure(path: path, writing: false, code: errno)
                }
                if got == 0 { break }
                done += got
            }
            return done
        }
        if count < data.count { data.removeSubrange(count...) }
        return data
    }

    func write(_ data: some ContiguousBytes, at offset: Int) throws {
        try data.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let put = pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
                if put < 0 {
                    if errno == EINTR { continue }
                    throw StateFileError.failure(path: path, writing: true, code: errno)
                }
                done += put
            }
        }
    }

    func truncate(to size: Int) throws {
        guard ftruncate(descriptor, off_t(size)) == 0 else {
            throw StateFileError.failure(path: path, writing: true, code: errno)
        }
    }

    /// Returns once the bytes written are on the disk, not merely in the page cache.
    func sync() throws {
        guard fsync(descriptor) == 0 else {
            throw StateFileError.failure(path: path, writing: true, code: errno)
        }
    }

    /// A file root creates in a folder someone else owns is given to that owner:
    /// root running a command on a state that `stagehand-serve` serves as
    /// `nobody` must not leave a journal or snapshot the boards cannot write.
    func giveToFolderOwner() {
        guard geteuid() == 0 else { return }
        var folder = stat()
        let parent = (path as NSString).deletingLastPathComponent
        guard stat(parent.isEmpty ? "." : parent, &folder) == 0, folder.st_uid != 0 else { return }
        _ = fchown(descriptor, folder.st_uid, folder.st_gid)
    }

    func setPermissions(_ mode: mode_t) throws {
        guard fchmod(descriptor, mode) == 0 else {
            throw StateFileError.failure(path: path, writing: true, code: errno)
        }
    }
}
