/// Why a message did not go out, and whether trying again later can help: a server
/// that answered 4xx or could not be reached may take it later; a 5xx or a malformed
/// address will refuse it every time; silence after the whole message leaves it unknown.
public struct DeliveryFailure: UserFacingError, Equatable {
    public enum Kind: Sendable, Equatable {
        case transient
        case permanent
        /// The whole message was handed over and then the other side went silent: it may
        /// have it, so it must not be sent again by itself (at most once).
        case uncertain
    }

    public var kind: Kind
    /// The server's answer or what went wrong, as the timeline shows it.
    public var detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var isTransient: Bool { kind == .transient }
    public var sentence: String { detail }

    /// An SMTP reply code's class decides: 4xx is "try again later", anything else final.
    public static func fromReply(code: Int, detail: String) -> DeliveryFailure {
        DeliveryFailure((400..<500).contains(code) ? .transient : .permanent, detail)
    }

    /// Addresses go on the SMTP envelope and the sendmail command line as they are,
    /// so anything that could break out of them is refused before a connection is made.
    static func checkAddress(_ address: String, role: String) throws {
        guard EmailAddress.isValid(address) else {
            throw DeliveryFailure(.permanent, "The \(role) address '\(address)' is not a valid email address.")
        }
    }
}
