/// Why a message did not go out, and whether trying again later can help: a server
/// that answered 4xx or could not be reached may take it later; a 5xx or a malformed
/// address will refuse it every time.
public struct DeliveryFailure: UserFacingError, Equatable {
    public enum Kind: Sendable, Equatable {
        case transient
        case permanent
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
    public var exitCode: Int32 { 5 }

    /// An SMTP reply code's class decides: 4xx is "try again later", anything else final.
    public static func fromReply(code: Int, detail: String) -> DeliveryFailure {
        DeliveryFailure((400..<500).contains(code) ? .transient : .permanent, detail)
    }

    /// Addresses go on the SMTP envelope and the sendmail command line as they are,
    /// so anything that could break out of them is refused before a connection is made.
    static func checkAddress(_ address: String, role: String) throws {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        let unsafe = address.unicodeScalars.contains {
            $0.properties.generalCategory == .control || $0 == " " || $0 == "<" || $0 == ">" || $0 == ","
        }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !unsafe else {
            throw DeliveryFailure(.permanent, "The \(role) address '\(address)' is not a valid email address.")
        }
    }
}
