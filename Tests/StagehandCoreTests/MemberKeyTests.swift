import Foundation
import Testing
@testable import StagehandCore

/// Issue 7: members' SSH public keys, which say who signed in to stagehand-serve.
@Suite struct MemberKeyTests {
    typealias T = TestWorkspace

    // Made with ssh-keygen; the fingerprints are what `ssh-keygen -lf` prints for them.
    static let ed25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIiuOY+RuRtlNh/3prxqZ9wY0B0IA78qpT7pGHEgyHSc ana@laptop"
    static let ed25519Fingerprint = "SHA256:SWYKoS86NPPa8DZcFtcXHJB2GeIXwaedwkOhnp+N+UY"
    static let ecdsa = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBIuG3YndnsdaozJ9fQ8ZS+f6PsSbrRxahfjCtUVuzSBOjifKjRQzmbHhjENdiAuv/MUJfMxpedPP7er5IitSNNk= root@vm"
    static let ecdsaFingerprint = "SHA256:eqibbJqmYewU0SPBjAHRxvwXMgFas3kaqAW7U8dQ+9g"

    @Test func readsEd25519AndECDSAKeysWithTheFingerprintsSSHShows() throws {
        let first = try SSHPublicKey(line: Self.ed25519 + "\n")
        #expect(first.kind == "ssh-ed25519")
        #expect(first.comment == "ana@laptop")
        #expect(first.fingerprint == Self.ed25519Fingerprint)
        #expect(first.line == Self.ed25519)
        let second = try SSHPublicKey(line: Self.ecdsa)
        #expect(second.kind == "ecdsa-sha2-nistp256")
        #expect(second.fingerprint == Self.ecdsaFingerprint)
    }

    @Test(arguments: [
        ("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC+ user@host", "ssh-rsa keys cannot sign in to stagehand-serve"),
        ("-----BEGIN OPENSSH PRIVATE KEY-----", "That is a private key"),
        ("hello world", "That is not an OpenSSH public key"),
        ("ssh-ed25519", "That is not an OpenSSH public key"),
        ("ssh-ed25519 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTY=", "The ssh-ed25519 key is damaged"),
        ("ssh-ed25519 not*base64", "The ssh-ed25519 key is damaged"),
    ])
    func refusesWhatCannotSignIn(line: String, sentence: String) {
        do {
            _ = try SSHPublicKey(line: line)
            Issue.record("\(line) was taken")
        } catch let error as StagehandError {
            #expect(error.sentence.hasPrefix(sentence), "\(error.sentence)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func anAdminAddsAndRemovesKeysAndEachKeyNamesOneMember() throws {
        var ws = T.make()
        let added = try ws.addKeys(Self.ed25519 + "\n# a comment line\n" + Self.ecdsa + "\n", to: T.rita, by: T.ada)
        #expect(added.map(\.fingerprint) == [Self.ed25519Fingerprint, Self.ecdsaFingerprint])
        #expect(ws.member(withKey: try SSHPublicKey(line: Self.ecdsa))?.id == T.rita)
        // The same key under another comment is still the same key.
        let sameKey = Self.ed25519.replacingOccurrences(of: "ana@laptop", with: "other")
        #expect(throws: StagehandError.self) { try ws.addKeys(sameKey, to: T.hugo, by: T.ada) }
        #expect(throws: StagehandError.self) { try ws.addKeys(sameKey, to: T.rita, by: T.ada) }

        #expect(try ws.removeKey("ana@laptop", from: T.rita, by: T.ada).fingerprint == Self.ed25519Fingerprint)
        #expect(try ws.removeKey(String(Self.ecdsaFingerprint.dropFirst("SHA256:".count)), from: T.rita, by: T.ada).kind == "ecdsa-sha2-nistp256")
        #expect(ws.member(T.rita)?.keys.isEmpty == true)
        #expect(throws: StagehandError.self) { try ws.removeKey("ana@laptop", from: T.rita, by: T.ada) }
    }

    @Test func oneBadLineAddsNothingAndOnlyAdminsMayChangeKeys() {
        var ws = T.make()
        #expect(throws: StagehandError.self) { try ws.addKeys(Self.ed25519 + "\nssh-rsa AAAA x\n", to: T.rita, by: T.ada) }
        #expect(ws.member(T.rita)?.keys.isEmpty == true)
        #expect(throws: StagehandError.self) { try ws.addKeys(Self.ed25519, to: T.rita, by: T.rita) }
        #expect(throws: StagehandError.self) { try ws.addKeys("\n# nothing\n", to: T.rita, by: T.ada) }
        #expect(ws.member(T.rita)?.keys.isEmpty == true)
    }

    @Test func keysAreKeptInTheStateFileAndMembersWithoutKeysAreWrittenAsBefore() throws {
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath)
        try file.create(T.make(), replacing: false)
        try file.update { try $0.apply(.addKeys(T.rita, publicKeys: Self.ed25519), by: T.ada, now: T.now) }
        #expect(try StateFile(path: folder.statePath).load().member(T.rita)?.keys.map(\.fingerprint) == [Self.ed25519Fingerprint])
        let member = Member(id: "x", login: "x", name: "X", email: "x@example.com", role: "admin")
        let json = String(decoding: try JSONEncoder().encode(member), as: UTF8.self)
        #expect(!json.contains("keys"))
        #expect(try JSONDecoder().decode(Member.self, from: Data(json.utf8)) == member)
    }
}
