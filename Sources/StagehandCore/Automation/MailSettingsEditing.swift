import Foundation

extension Workspace {
    /// Changes how mail goes out. Whoever may edit jobs may do this (the same pair of
    /// permissions as every setup change); the settings are checked whole first, so a
    /// half-set SMTP server is never saved.
    public mutating func setMail(_ settings: MailSettings, by member: MemberID) throws {
        try require(Self.automationPermissions, of: member, toDo: "change how mail is sent")
        if let problem = Self.problem(in: settings) { throw StagehandError.invalidAction(problem) }
        setup.settings.mail = settings
    }

    /// The first thing wrong with `settings`, as a sentence that says what to do.
    static func problem(in settings: MailSettings) -> String? {
        if !EmailAddress.isValid(settings.fromAddress) {
            return "'\(settings.fromAddress)' is not an email address: give the From address as name@example.com."
        }
        switch settings.transport {
        case .outbox:
            if settings.outboxFolder.trimmingCharacters(in: .whitespaces).isEmpty {
                return "The outbox folder is empty: give a folder, relative to the state file or absolute."
            }
        case .sendmail:
            guard let words = try? CommandLineWords.split(settings.sendmailCommand), !words.isEmpty else {
                return "The sendmail command is empty or has an unclosed quote: give one such as \"sendmail -t -i\" or \"msmtp -t\"."
            }
        case .smtp:
            guard let smtp = settings.smtp, !smtp.host.trimmingCharacters(in: .whitespaces).isEmpty else {
                return "SMTP needs a server: give it with --host."
            }
            if smtp.host.contains(where: { $0.isWhitespace || $0 == "/" }) {
                return "'\(smtp.host)' is not a host name: give a name such as smtp.example.com or an address such as 127.0.0.1."
            }
            if !(1...65535).contains(smtp.port) { return "The port \(smtp.port) is not a port number: use 1 to 65535 (587 for STARTTLS, 465 for TLS)." }
            if smtp.passwordVariable != nil && smtp.passwordFile != nil {
                return "Give the SMTP password either in an environment variable or in a file, not both."
            }
            if let name = smtp.passwordVariable,
                name.isEmpty || name.first!.isNumber || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
            {
                return "'\(name)' is not an environment variable name: use letters, digits and _, such as STAGEHAND_SMTP_PASSWORD."
            }
            if (smtp.passwordVariable != nil || smtp.passwordFile != nil) && smtp.username == nil {
                return "A password needs a user name to log in with: give it with --user."
            }
        }
        return nil
    }
}
