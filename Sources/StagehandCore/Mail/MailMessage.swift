import Foundation

/// One email ready for a transport: who, what, when, and the Message-ID that names it
/// everywhere (in the outbox, on the timeline, in replies).
public struct MailMessage: Sendable, Equatable {
    public var fromName: String
    public var fromAddress: String
    public var toName: String
    public var toAddress: String
    public var subject: String
    public var body: String
    public var date: Date
    /// In the `<id@domain>` form `makeMessageID(domain:)` gives; the brackets are added if missing.
    public var messageID: String

    public init(
        fromName: String, fromAddress: String, toName: String, toAddress: String, subject: String,
        body: String, date: Date, messageID: String
    ) {
        self.fromName = fromName
        self.fromAddress = fromAddress
        self.toName = toName
        self.toAddress = toAddress
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
    }

    /// The message as RFC 5322 bytes: CR LF line endings, header lines of at most 78
    /// characters, non-ASCII header text as RFC 2047 encoded-words, and the body as UTF-8
    /// quoted-printable so that every line stays within 76 characters whatever the text.
    public func rfc5322() -> Data {
        let headers = [
            "Date: " + MailDate.header(date) + "\r\n",
            Mailbox(name: fromName, address: fromAddress).headerField("From").wireText,
            Mailbox(name: toName, address: toAddress).headerField("To").wireText,
            HeaderField.unstructured("Subject", subject).wireText,
            "Message-ID: " + bracketedMessageID + "\r\n",
            "MIME-Version: 1.0\r\n",
            "Content-Type: text/plain; charset=utf-8\r\n",
            "Content-Transfer-Encoding: quoted-printable\r\n",
        ]
        return Data((headers.joined() + "\r\n" + QuotedPrintable.encode(body)).utf8)
    }

    /// A fresh id such as `<20261125T101500.k3v9q2m8x1c7w4z0@stagehand.local>`: the time
    /// keeps ids readable and sortable, the random part makes them unique even when many
    /// messages go out in the same second from several machines.
    public static func makeMessageID(domain: String) -> String {
        let random = String((0..<16).map { _ in idCharacters.randomElement()! })
        let host = domain.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
        return "<\(MailDate.stamp(Date())).\(random)@\(host.isEmpty ? "stagehand.local" : host)>"
    }

    private static let idCharacters = Array("abcdefghijklmnopqrstuvwxyz0123456789")

    private var bracketedMessageID: String {
        "<" + messageID.asAngleBracketContent + ">"
    }
}
