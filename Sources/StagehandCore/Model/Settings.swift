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
