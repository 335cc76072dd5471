import Crypto
import Foundation
import NIOSSH
import StagehandCore

/// The server's ed25519 host key: made on first start, kept in a file only its
/// owner may read, and the same at every start after, so that clients can trust
/// the fingerprint they saw once.
public struct HostKey: Sendable {
    public let privateKey: NIOSSHPrivateKey
    /// `SHA256:…`, as the SSH client shows it when it first connects.
    public let fingerprint: String

    private static let header = "stagehand-serve ed25519 host key"

    /// Reads the key at `path`, or makes one there when there is none.
    public static func loadOrCreate(at path: String) throws -> HostKey {
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            try requirePrivate(path)
            let lines = text.split(separator: "\n")
            guard lines.count >= 2, lines[0] == header, let raw = Data(base64Encoded: String(lines[1])),
                let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
            else {
                throw ServeError("\(path) is not a host key stagehand-serve can read (it reads only keys it made itself, not OpenSSH's): point --host-key at a new file and it makes one there.")
            }
            return HostKey(key)
        }
        let key = Curve25519.Signing.PrivateKey()
        let text = "\(header)\n\(key.rawRepresentation.base64EncodedString())\n"
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        // Created with mode 0600 in one step, so it is never readable by others.
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ServeError("Cannot write the host key \(path): choose a folder you may write with --host-key.")
        }
        return HostKey(key)
    }

    private init(_ key: Curve25519.Signing.PrivateKey) {
        privateKey = NIOSSHPrivateKey(ed25519Key: key)
        fingerprint = (try? SSHPublicKey(line: String(openSSHPublicKey: privateKey.publicKey)))?.fingerprint ?? "?"
    }

    /// Like OpenSSH, refuses a host key others may read.
    private static func requirePrivate(_ path: String) throws {
        let mode = ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int) ?? 0
        guard mode & 0o077 == 0 else {
            throw ServeError("The host key \(path) can be read by others (mode \(String(mode, radix: 8))): run 'chmod 600 \(path)' and start again.")
        }
    }
}

/// A refusal of the server, in one sentence that says what to do.
public struct ServeError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) { self.description = description }
}
