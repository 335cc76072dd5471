import Foundation

/// Dates as mail headers write them. Built by hand from calendar fields rather than with a
/// DateFormatter, so the English day and month names never depend on the user's locale.
enum MailDate {
    /// RFC 5322 §3.3, in UTC: `Wed, 25 Nov 2026 10:15:00 +0000`.
    static func header(_ date: Date) -> String {
        let parts = utcParts(of: date)
        let day = days[(parts.weekday ?? 1) - 1]
        let month = months[(parts.month ?? 1) - 1]
        return "\(day), \(two(parts.day)) \(month) \(four(parts.year)) "
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }

    /// Sortable and compact, for Message-IDs: `20261125T101500`.
    static func stamp(_ date: Date) -> String {
        let parts = utcParts(of: date)
        return "\(four(parts.year))\(two(parts.month))\(two(parts.day))T"
            + "\(two(parts.hour))\(two(parts.minute))\(two(parts.second))"
    }

    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func utcParts(of date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
    }

    private static func two(_ number: Int?) -> String { padded(number, to: 2) }
    private static func four(_ number: Int?) -> String { padded(number, to: 4) }

    private static func padded(_ number: Int?, to width: Int) -> String {
        let digits = String(number ?? 0)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
