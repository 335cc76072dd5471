import Foundation

public enum MailTransportKind: String, Codable, Sendable, CaseIterable {
    /// One `.eml` file per message in a folder: nothing leaves the machine.
    case outbox
    /// The message is piped to a sendmail-compatible command.
    case sendmail
    /// The message goes straight to an SMTP server.
    case smtp
}

/// How the connection to an SMTP server is protected.
public enum SMTPSecurity: String, Codable, Sendable, CaseIterable {
    /// Plain connection upgraded with STARTTLS; refused if the server does not offer it.
    case starttls
    /// TLS from the first byte ("SMTPS", usually port 465).
    case tls
    /// No encryption: only for a server on this machine or a trusted network.
    case none

    public var defaultPort: Int {
        switch self {
        case .starttls: 587
        case .tls: 465
        case .none: 25
        }
    }
}

/// Where an SMTP server is and how to log in. The password itself is never stored:
/// only the name of the environment variable or the path of the file that holds it.
public struct SMTPSettings: Codable, Sendable, Equatable {
    public var host: String
    public var port: Int
    public var security: SMTPSecurity
    public var username: String?
    public var passwordVariable: String?
    public var passwordFile: String?
    /// Certificates to trust besides the system's, for a server with a company CA.
    public var certificateAuthorityFile: String?

    public init(
        host: String, port: Int? = nil, security: SMTPSecurity = .starttls, username: String? = nil,
        passwordVariable: String? = nil, passwordFile: String? = nil, certificateAuthorityFile: String? = nil
    ) {
        self.host = host
        self.port = port ?? security.defaultPort
        self.security = security
        self.username = username
        self.passwordVariable = passwordVariable
        self.passwordFile = passwordFile
        self.certificateAuthorityFile = certificateAuthorityFile
    }

    /// Changes the security; a port still at the old security's default moves to the
    /// new one's (587 → 465 for TLS), while a port someone chose stays.
    public mutating func setSecurity(_ newSecurity: SMTPSecurity) {
        if port == security.defaultPort { port = newSecurity.defaultPort }
        security = newSecurity
    }
}

public struct MailSettings: Codable, Sendable, Equatable {
    public var transport: MailTransportKind
    /// The outbox folder, relative to the state file's folder unless absolute.
    public var outboxFolder: String
    /// The From address of emails that have no team member as sender, and of test messages.
    public var fromAddress: String
    /// For `sendmail`: the command and its arguments; it reads the recipients from the message.
    public var sendmailCommand: String
    public var smtp: SMTPSettings?

    public static let defaultSendmailCommand = "sendmail -t -i"

    public init(
        transport: MailTransportKind = .outbox, outboxFolder: String = "outbox", fromAddress: String = "jobs@example.com",
        sendmailCommand: String = MailSettings.defaultSendmailCommand, smtp: SMTPSettings? = nil
    ) {
        self.transport = transport
        self.outboxFolder = outboxFolder
        self.fromAddress = fromAddress
        self.sendmailCommand = sendmailCommand
        self.smtp = smtp
    }

    private enum CodingKeys: String, CodingKey {
        case transport, outboxFolder, fromAddress, sendmailCommand, smtp
    }

    /// Files written before sendmail and SMTP existed have neither key.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        transport = try container.decode(MailTransportKind.self, forKey: .transport)
        outboxFolder = try container.decode(String.self, forKey: .outboxFolder)
        fromAddress = try container.decode(String.self, forKey: .fromAddress)
        sendmailCommand = try container.decodeIfPresent(String.self, forKey: .sendmailCommand) ?? Self.defaultSendmailCommand
        smtp = try container.decodeIfPresent(SMTPSettings.self, forKey: .smtp)
    }

    /// "SMTP at smtp.example.com:587 (STARTTLS, login jobs)", for confirmations and `mail show`.
    public var transportDescription: String {
        switch transport {
        case .outbox:
            return "an outbox: files in \(outboxFolder)/, nothing sent"
        case .sendmail:
            return "the command `\(sendmailCommand)`"
        case .smtp:
            guard let smtp else { return "SMTP (no server set)" }
            let security = switch smtp.security {
            case .starttls: "STARTTLS"
            case .tls: "TLS"
            case .none: "no encryption"
            }
            let login = smtp.username.map { ", login \($0)" } ?? ""
            return "SMTP at \(smtp.host):\(smtp.port) (\(security)\(login))"
        }
    }
}
