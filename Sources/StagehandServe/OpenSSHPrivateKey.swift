import Crypto
import Foundation

/// An unencrypted ed25519 key in OpenSSH's own private key format
/// (`-----BEGIN OPENSSH PRIVATE KEY-----`, PROTOCOL.key), so that `ssh-keygen -lf`
/// reads the server's host key and prints the fingerprint the server prints.
enum OpenSSHPrivateKey {
    static let begin = "-----BEGIN OPENSSH PRIVATE KEY-----"
    static let end = "-----END OPENSSH PRIVATE KEY-----"
    private static let magic = Array("openssh-key-v1".utf8) + [0]
    private static let kind = "ssh-ed25519"

    /// Why a file in this format is not a key the server can use.
    struct Unreadable: Error {
        var why: String
    }

    static func encode(_ key: Curve25519.Signing.PrivateKey, comment: String) -> String {
        let publicKey = key.publicKey.rawRepresentation
        var publicBlob = SSHWire()
        publicBlob.string(kind)
        publicBlob.string(publicKey)
        var secret = SSHWire()
        // Two equal numbers: a reader checks them to tell a wrong passphrase; random, as OpenSSH makes them.
        let check = UInt32.random(in: .min ... .max)
        secret.uint32(check)
        secret.uint32(check)
        secret.string(kind)
        secret.string(publicKey)
        secret.string(key.rawRepresentation + publicKey)
        secret.string(comment)
        var padding: UInt8 = 1
        while secret.bytes.count % 8 != 0 {
            secret.bytes.append(padding)
            padding += 1
        }
        var file = SSHWire(bytes: magic)
        file.string("none")
        file.string("none")
        file.string("")
        file.uint32(1)
        file.string(publicBlob.bytes)
        file.string(secret.bytes)
        let base64 = Data(file.bytes).base64EncodedString()
        let lines = stride(from: 0, to: base64.count, by: 70).map { start in
            let from = base64.index(base64.startIndex, offsetBy: start)
            return String(base64[from..<(base64.index(from, offsetBy: 70, limitedBy: base64.endIndex) ?? base64.endIndex)])
        }
        return ([begin] + lines + [end]).joined(separator: "\n") + "\n"
    }

    static func decode(_ text: String) throws -> Curve25519.Signing.PrivateKey {
        let body = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .drop { $0 != begin }.dropFirst().prefix { $0 != end }.joined()
        guard let data = Data(base64Encoded: body) else { throw Unreadable(why: "its text is not base64") }
        var reader = SSHWireReader(Array(data))
        guard reader.take(magic.count) == magic else { throw Unreadable(why: "it does not start as an OpenSSH key does") }
        guard let cipher = reader.string(), let kdf = reader.string(), reader.string() != nil, let count = reader.uint32()
        else { throw Unreadable(why: "it is cut short") }
        guard String(decoding: cipher, as: UTF8.self) == "none", String(decoding: kdf, as: UTF8.self) == "none" else {
            throw Unreadable(why: "it is protected by a passphrase, which a server cannot type")
        }
        guard count == 1, reader.string() != nil, let secret = reader.string() else { throw Unreadable(why: "it holds no single key") }
        var inner = SSHWireReader(secret)
        guard let first = inner.uint32(), let second = inner.uint32(), first == second else { throw Unreadable(why: "its check numbers differ") }
        guard let type = inner.string(), String(decoding: type, as: UTF8.self) == kind else {
            throw Unreadable(why: "it is not an ed25519 key")
        }
        guard inner.string() != nil, let pair = inner.string(), pair.count == 64,
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: pair.prefix(32))
        else { throw Unreadable(why: "its ed25519 key is damaged") }
        return key
    }
}

/// SSH's wire encoding: big-endian numbers, strings prefixed by their length.
private struct SSHWire {
    var bytes: [UInt8] = []

    mutating func uint32(_ value: UInt32) {
        bytes += withUnsafeBytes(of: value.bigEndian, Array.init)
    }

    mutating func string<Bytes: Collection<UInt8>>(_ value: Bytes) {
        uint32(UInt32(value.count))
        bytes += value
    }

    mutating func string(_ value: String) { string(Array(value.utf8)) }

    mutating func string(_ value: Data) { string(Array(value)) }
}

private struct SSHWireReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func uint32() -> UInt32? {
        take(4).map { $0.reduce(0) { $0 << 8 | UInt32($1) } }
    }

    mutating func string() -> [UInt8]? {
        uint32().flatMap { take(Int($0)) }
    }
}
