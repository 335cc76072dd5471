import Foundation

/// Turns the workspace's mail settings into the transport that carries them out, in
/// this process's environment (PATH, the SMTP password variable) and relative to the
/// state file's folder.
public struct MailTransports: Sendable {
    public let stateFolder: URL
    public let environment: [String: String]

    public init(stateFolder: URL, environment: [String: String]) {
        self.stateFolder = stateFolder
        self.environment = environment
    }

    /// Throws `MailSetupError` when the settings cannot work from here (no server set,
    /// the password variable unset, the sendmail program missing).
    public func transport(for settings: MailSettings) throws -> any MailTransport {
        switch settings.transport {
        case .outbox:
            let folder = settings.outboxFolder
            return OutboxTransport(
                folder: folder.hasPrefix("/") ? URL(fileURLWithPath: folder) : stateFolder.appendingPathComponent(folder))
        case .sendmail:
            return try SendmailTransport.make(command: settings.sendmailCommand, environment: environment)
        case .smtp:
            guard let smtp = settings.smtp else { throw MailSetupError.noSMTPServer }
            return try SMTPTransport.make(smtp, environment: environment)
        }
    }
}
