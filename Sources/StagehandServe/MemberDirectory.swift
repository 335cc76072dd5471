import Foundation
import NIOSSH
import StagehandCore
import Synchronization

/// Who may sign in: the members' SSH keys in the state file, read again
/// whenever the file changed (two `stat` calls when it did not), so that a key
/// added or removed with `stagehand members` counts from the next sign-in.
public final class MemberDirectory: Sendable {
    private let store: Mutex<any WorkspaceStore>

    public init(state: StoreLocation) throws {
        let opened = try state.open()
        _ = try opened.load()
        store = Mutex(opened)
    }

    /// The member whose key this is, or nil for a key nobody registered.
    public func member(signingInWith key: NIOSSHPublicKey) throws -> Member? {
        let line = String(openSSHPublicKey: key)
        guard let key = try? SSHPublicKey(line: line) else { return nil }
        return try store.withLock { file in
            _ = try file.refreshIfChanged()
            return file.workspace.member(withKey: key)
        }
    }

    /// The fingerprint the audit log names a key by.
    public static func fingerprint(of key: NIOSSHPublicKey) -> String {
        (try? SSHPublicKey(line: String(openSSHPublicKey: key)))?.fingerprint ?? "unreadable key"
    }
}
