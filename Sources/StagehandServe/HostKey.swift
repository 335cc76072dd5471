import Crypto
import Foundation
import NIOSSH
import StagehandCore

#if canImport(Glibc)
    import Glibc
#endif

/// The server's ed25519 host key, in OpenSSH's format so that `ssh-keygen -lf`
/// shows the fingerprint the server prints. A key that is there is used or the
/// server refuses to start: it is never replaced, since every client would then
/// see a changed host key. A new one is made only where there is none.
public struct HostKey: Sendable {
    public let privateKey: NIOSSHPrivateKey
    /// `SHA256:…`, as the SSH client shows it when it first connects.
    public let fingerprint: String
    private let signingKey: Curve25519.Signing.PrivateKey

    /// The header of the keys earlier versions made; still read.
    private static let earlierHeader = "stagehand-serve ed25519 host key"

    private init(_ key: Curve25519.Signing.PrivateKey) {
        signingKey = key
        privateKey = NIOSSHPrivateKey(ed25519Key: key)
        fingerprint = (try? SSHPublicKey(line: String(openSSHPublicKey: privateKey.publicKey)))?.fingerprint ?? "?"
    }

    /// A new key, in memory until `save`.
    public static func generate() -> HostKey { HostKey(Curve25519.Signing.PrivateKey()) }

    /// The key in the file at `path`, or nil when there is no file there. A file that
    /// is there but cannot be read, may be read by others, or is not a key, refuses.
    public static func load(from path: String) throws -> HostKey? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { return nil }
            throw ServeError(
                "Cannot look for the host key \(path) (\(String(cString: strerror(errno)))): start stagehand-serve as a user who may, or choose another with --host-key. A key is never replaced by a new one.")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            let why = access(path, R_OK) == 0 ? "it is not text" : String(cString: strerror(EACCES))
            throw ServeError(
                "The host key \(path) is there but cannot be read as \(currentUser) (\(why)): start stagehand-serve as root (it reads the key before giving root up) or as its owner. It is never replaced, since every client would see a changed host key.")
        }
        guard status.st_mode & 0o077 == 0 else {
            throw ServeError(
                "The host key \(path) can be read by others (mode \(String(status.st_mode & 0o777, radix: 8))): run 'chmod 600 \(path)' and start again.")
        }
        do {
            return HostKey(try decode(text))
        } catch let unreadable as OpenSSHPrivateKey.Unreadable {
            throw ServeError(
                "The host key \(path) cannot be used: \(unreadable.why). Point --host-key at a new path to make a key there; the file is left as it is.")
        }
    }

    private static func decode(_ text: String) throws -> Curve25519.Signing.PrivateKey {
        if text.hasPrefix(OpenSSHPrivateKey.begin) { return try OpenSSHPrivateKey.decode(text) }
        let lines = text.split(separator: "\n")
        guard lines.count >= 2, lines[0] == earlierHeader, let raw = Data(base64Encoded: String(lines[1])),
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else { throw OpenSSHPrivateKey.Unreadable(why: "it is not an unencrypted ed25519 key in OpenSSH's format") }
        return key
    }

    /// Writes the key to `path`, made with mode 0600 in one step and only where no
    /// file is: it never writes over a key.
    public func save(to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        var host = [UInt8](repeating: 0, count: 256)
        let name = gethostname(&host, host.count) == 0 ? String(decoding: host.prefix { $0 != 0 }, as: UTF8.self) : "localhost"
        let text = OpenSSHPrivateKey.encode(signingKey, comment: "stagehand-serve@\(name)")
        let file = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard file >= 0 else {
            throw ServeError(
                "Cannot write the host key \(path) (\(String(cString: strerror(errno)))): choose a folder you may write with --host-key.")
        }
        defer { close(file) }
        let bytes = Array(text.utf8)
        guard write(file, bytes, bytes.count) == bytes.count, fsync(file) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(path)
            throw ServeError("Cannot write the host key \(path) (\(why)): free some space or choose another folder with --host-key.")
        }
    }

    private static var currentUser: String {
        getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? "uid \(geteuid())"
    }
}

/// A refusal of the server, in one sentence that says what to do.
public struct ServeError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) { self.description = description }
}
