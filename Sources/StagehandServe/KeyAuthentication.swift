import NIOCore
import NIOSSH
import StagehandCore
import Synchronization

/// Public keys only, for one connection: a key registered with `stagehand
/// members add-key` signs in as its member; anything else is refused and logged.
final class KeyAuthentication: NIOSSHServerUserAuthenticationDelegate, Sendable {
    private let directory: MemberDirectory
    private let audit: Audit
    private let source: String
    private let signedIn = Mutex<Member?>(nil)

    init(directory: MemberDirectory, audit: Audit, source: String) {
        self.directory = directory
        self.audit = audit
        self.source = source
    }

    /// Who signed in on this connection, once someone has.
    var member: Member? { signedIn.withLock { $0 } }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .publicKey }

    func requestReceived(
        request: NIOSSHUserAuthenticationRequest, responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>
    ) {
        if case .none = request.request {
            // Clients start by asking which methods there are: not an attempt.
            responsePromise.succeed(.failure)
            return
        }
        guard case .publicKey(let offer) = request.request else {
            audit.record("auth-refused", ["source": source, "user": request.username, "reason": "not a public key"])
            responsePromise.succeed(.failure)
            return
        }
        let fingerprint = MemberDirectory.fingerprint(of: offer.publicKey)
        do {
            guard let member = try directory.member(signingInWith: offer.publicKey) else {
                audit.record("auth-refused", ["source": source, "user": request.username, "fingerprint": fingerprint, "reason": "unknown key"])
                responsePromise.succeed(.failure)
                return
            }
            signedIn.withLock { $0 = member }
            audit.record("auth-accepted", ["source": source, "fingerprint": fingerprint, "member": member.id.rawValue])
            responsePromise.succeed(.success)
        } catch {
            audit.record("auth-refused", ["source": source, "fingerprint": fingerprint, "reason": "\(error)"])
            responsePromise.succeed(.failure)
        }
    }
}
