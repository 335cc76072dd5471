import Foundation
import Testing

/// `stagehand members`: the SSH keys stagehand-serve knows members by, made
/// with the real `ssh-keygen` and checked against its fingerprints.
@Suite struct MembersCommandTests {
    private func makeKey(_ type: String, in cli: StagehandCLI) throws -> (public: String, fingerprint: String) {
        let path = cli.scratch.url.appendingPathComponent("id_\(type)").path
        try OpenSSHTools.keygen(["-q", "-t", type, "-N", "", "-C", "ana@laptop", "-f", path])
        let fingerprint = try OpenSSHTools.keygen(["-l", "-f", path + ".pub"]).split(separator: " ")[1]
        return (path + ".pub", String(fingerprint))
    }

    @Test(arguments: TestStore.allCases) func anAdminAddsListsAndRemovesKeysWithSSHsOwnFingerprints(store: TestStore) throws {
        let cli = try StagehandCLI(store)
        _ = try cli.run(["demo"])
        let key = try makeKey("ed25519", in: cli)

        let added = try cli.run(["members", "add-key", "ana", key.public])
        #expect(added.status == 0, "\(added.errors)")
        #expect(added.output.contains("Ana Lindqvist can now sign in with the ssh-ed25519 key \(key.fingerprint)"), "\(added.output)")
        let listed = try cli.run(["members", "list-keys", "ana"])
        #expect(listed.output.contains("ssh-ed25519  \(key.fingerprint)  ana@laptop"), "\(listed.output)")
        #expect(try cli.run(["members"]).output.contains("Ana Lindqvist  ana    Admin           1"))

        let removed = try cli.run(["members", "remove-key", "ana", key.fingerprint])
        #expect(removed.status == 0, "\(removed.errors)")
        #expect(try cli.run(["members", "list-keys", "ana"]).output.contains("no keys"))
    }

    @Test(arguments: TestStore.allCases) func rsaKeysPrivateKeysAndNonAdminsAreRefusedAndNothingChanges(store: TestStore) throws {
        let cli = try StagehandCLI(store)
        _ = try cli.run(["demo"])
        let rsa = try makeKey("rsa", in: cli)
        let ed25519 = try makeKey("ed25519", in: cli)
        let before = cli.savedState()

        let rsaRefused = try cli.run(["members", "add-key", "ben", rsa.public])
        #expect(rsaRefused.status == 1)
        #expect(rsaRefused.errors.contains("ssh-rsa keys cannot sign in to stagehand-serve, which accepts ed25519 and ECDSA keys"))
        let privateRefused = try cli.run(["members", "add-key", "ben", String(ed25519.public.dropLast(4))])
        #expect(privateRefused.errors.contains("That is a private key"))
        let notAdmin = try cli.run(["--as", "ben", "members", "add-key", "ben", ed25519.public])
        #expect(notAdmin.status == 3, "\(notAdmin.errors)")
        #expect(cli.savedState() == before)
    }
}
