import Foundation

/// Workspace-wide settings.
public struct Settings: Codable, Sendable, Equatable {
    /// Seconds between a move and its actions starting, so the mover can cancel.
    public var gracePeriodSeconds: Double
    public var mail: MailSettings
    public var theme: String?
    /// Business days and fixed task dates are counted in this time zone.
    public var timeZone: String

    public init(
        gracePeriodSeconds: Double = 3, mail: MailSettings = MailSettings(), theme: String? = nil,
        timeZone: String = "UTC"
    ) {
        self.gracePeriodSeconds = gracePeriodSeconds
        self.mail = mail
        self.theme = theme
        self.timeZone = timeZone
    }

    public var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
        return calendar
    }
}

public enum MailTransportKind: String, Codable, Sendable, CaseIterable {
    case outbox
}

public struct MailSettings: Codable, Sendable, Equatable {
    public var transport: MailTransportKind
    /// The outbox folder, relative to the state file's folder unless absolute.
    public var outboxFolder: String
    /// The From address of emails that have no team member as sender.
    public var fromAddress: String

    public init(transport: MailTransportKind = .outbox, outboxFolder: String = "outbox", fromAddress: String = "jobs@example.com") {
        self.transport = transport
        self.outboxFolder = outboxFolder
        self.fromAddress = fromAddress
    }
}
