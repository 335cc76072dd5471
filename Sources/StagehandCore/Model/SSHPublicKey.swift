import CCrypto
import Foundation

/// A team member's SSH public key, as OpenSSH writes it in a `.pub` file:
/// `TYPE BASE64 [COMMENT]`. `stagehand-serve` knows a member by the key that
/// signed in, so only the kinds its SSH library verifies are taken.
public struct SSHPublicKey: Codable, Sendable, Equatable {
    /// `ssh-ed25519` or `ecdsa-sha2-nistp256`/`384`/`521`.
    public var kind: String
    /// The key in OpenSSH's wire format, as base64.
    public var key: String
    /// Whatever followed the key on its line, usually `you@host`.
    public var comment: String

    public static let acceptedKinds = ["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"]

    public init(kind: String, key: String, comment: String) {
        self.kind = kind
        self.key = key
        self.comment = comment
    }

    /// Reads one line of a `.pub` file; a refusal says what was wrong and what to give instead.
    public init(line: String) throws {
        let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("-----BEGIN") {
            throw StagehandError.invalidAction(
                "That is a private key: give the public key beside it (the .pub file), and keep the private key to yourself.")
        }
        let words = text.split(maxSplits: 2, whereSeparator: \.isWhitespace).map(String.init)
        guard words.count >= 2 else { throw Self.notAKey }
        let kind = words[0]
        guard Self.acceptedKinds.contains(kind) else {
            if kind.hasPrefix("ssh-") || kind.hasPrefix("ecdsa-") || kind.hasPrefix("sk-") {
                throw StagehandError.invalidAction(
                    "\(kind) keys cannot sign in to stagehand-serve, which accepts ed25519 and ECDSA keys "
                        + "(ssh-ed25519, ecdsa-sha2-nistp256/384/521): make one with 'ssh-keygen -t ed25519' and add its .pub file.")
            }
            throw Self.notAKey
        }
        guard let blob = Data(base64Encoded: words[1]), Self.declaredKind(of: blob) == kind else {
            throw StagehandError.invalidAction("The \(kind) key is damaged (its base64 text does not hold a \(kind) key): copy the .pub file again.")
        }
        self.init(kind: kind, key: words[1], comment: words.count > 2 ? words[2] : "")
    }

    private static let notAKey = StagehandError.invalidAction(
        "That is not an OpenSSH public key: give a line like 'ssh-ed25519 AAAA… you@host', as in ~/.ssh/id_ed25519.pub.")

    /// The key in OpenSSH's wire format.
    public var blob: Data { Data(base64Encoded: key) ?? Data() }

    /// As `ssh-keygen -l` and the SSH client show it: `SHA256:` and the unpadded
    /// base64 of the key's SHA-256.
    public var fingerprint: String {
        let blob = blob
        var digest = [UInt8](repeating: 0, count: 32)
        let made = blob.withUnsafeBytes { stagehand_sha256($0.baseAddress, blob.count, &digest) }
        precondition(
            made == 1,
            stagehand_crypto_unavailable().map {
                "SSH key fingerprints need OpenSSL's libcrypto, which could not be loaded (\(String(cString: $0))): install it (Debian: apt install libssl3)."
            } ?? "OpenSSL could not compute a SHA-256.")
        return "SHA256:" + Data(digest).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    /// The line as a `.pub` file holds it.
    public var line: String { comment.isEmpty ? "\(kind) \(key)" : "\(kind) \(key) \(comment)" }

    /// True when both are the same key, whatever their comments say.
    public func isSameKey(as other: SSHPublicKey) -> Bool { kind == other.kind && blob == other.blob }

    /// The key type a wire-format key names in its first field (a length-prefixed string).
    private static func declaredKind(of blob: Data) -> String? {
        let bytes = [UInt8](blob)
        guard bytes.count >= 4 else { return nil }
        let length = bytes[0..<4].reduce(0) { $0 << 8 | Int($1) }
        guard length > 0, length <= bytes.count - 4 else { return nil }
        return String(bytes: bytes[4..<(4 + length)], encoding: .utf8)
    }
}
