import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The default transport: one RFC 5322 `.eml` file per message in a folder, named after
/// its Message-ID. A file appears whole or not at all, survives a crash once `send`
/// returns, and is never replaced: a second message with the same id is refused.
public struct OutboxTransport: MailTransport {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    @discardableResult
    public func send(_ message: MailMessage) throws -> String {
        let folderPath = folder.path
        do {
            try Self.makeFolder(folderPath)
            let name = Self.fileName(for: message.messageID)
            let temporaryPath = try Self.writeTemporaryFile(message.rfc5322(), in: folderPath, for: name)
            // Unlinked whether or not it became the message: a hard link is what publishes it.
            defer { unlink(temporaryPath) }
            let finalPath = folderPath + "/" + name
            // link(2), unlike rename(2), fails when the name is taken, so publishing and the
            // no-overwrite check are one atomic step (as Maildir delivery does it).
            guard link(temporaryPath, finalPath) == 0 else {
                let code = errno
                if code == EEXIST { throw MailError.alreadyInOutbox(path: finalPath) }
                throw SystemCallFailure(code: code)
            }
            try Self.syncFolder(folderPath)
            return "written to \(finalPath)"
        } catch let failure as SystemCallFailure {
            throw MailError.outboxNotWritable(path: folderPath, detail: failure.description)
        }
    }

    /// The folder is made at the first send, so until then its nearest existing parent
    /// must let it be made.
    public func checkWithoutSending() throws -> String {
        var path = folder.path
        while !FileManager.default.fileExists(atPath: path), path != "/" { path = (path as NSString).deletingLastPathComponent }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw MailError.outboxNotWritable(path: folder.path, detail: String(cString: strerror(ENOTDIR)))
        }
        guard access(path, W_OK | X_OK) == 0 else {
            throw MailError.outboxNotWritable(path: folder.path, detail: String(cString: strerror(errno)))
        }
        return "the outbox folder \(folder.path) can be written"
    }

    /// The Message-ID without its angle brackets, with every character that is unsafe in a
    /// file name replaced by "_"; a leading "." too, so no message is a hidden file.
    static func fileName(for messageID: String) -> String {
        var bare = messageID.trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
        if bare.isEmpty { bare = "message" }
        let safe = String(bare.prefix(200).map { safeFileCharacters.contains($0) ? $0 : "_" })
        return (safe.hasPrefix(".") ? "_" + safe.dropFirst() : safe) + ".eml"
    }

    private static let safeFileCharacters = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.@-_+=")

    /// mkdir(2) with mode 0700, as the outbox holds candidates' mail; missing parent folders too.
    private static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o700) == 0 { return }
        switch errno {
        case EEXIST:
            return
        case ENOENT:
            let parent = (path as NSString).deletingLastPathComponent
            guard parent != path, !parent.isEmpty else { throw SystemCallFailure(code: ENOENT) }
            try makeFolder(parent)
            if mkdir(path, 0o700) != 0, errno != EEXIST { throw SystemCallFailure(code: errno) }
        case let code:
            throw SystemCallFailure(code: code)
        }
    }

    /// A hidden file in the outbox itself, so that publishing it is a link within one file
    /// system; it is synced before it gets its real name.
    private static func writeTemporaryFile(_ bytes: Data, in folderPath: String, for name: String) throws -> String {
        var pathTemplate = Array((folderPath + "/." + name + ".XXXXXX").utf8CString)
        let descriptor = pathTemplate.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw SystemCallFailure(code: errno) }
        let path = pathTemplate.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        do {
            try writeAll(bytes, to: descriptor)
            guard fsync(descriptor) == 0 else { throw SystemCallFailure(code: errno) }
        } catch {
            close(descriptor)
            unlink(path)
            throw error
        }
        guard close(descriptor) == 0 else {
            let code = errno
            unlink(path)
            throw SystemCallFailure(code: code)
        }
        return path
    }

    private static func writeAll(_ bytes: Data, to descriptor: Int32) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw SystemCallFailure(code: errno)
                }
                offset += written
            }
        }
    }

    /// The new name lives in the folder's own data, which needs its own fsync to survive a crash.
    private static func syncFolder(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { throw SystemCallFailure(code: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw SystemCallFailure(code: errno) }
    }
}

/// An errno from a file system call, described the way the system says it.
private struct SystemCallFailure: Error, CustomStringConvertible {
    let code: Int32

    var description: String { String(cString: strerror(code)) }
}
