import Foundation

/// The stretch of time insights count events in: from `start` up to `end` (now).
public struct InsightPeriod: Sendable, Equatable {
    public var start: Date
    public var end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// Without `--since`: the last 30 days.
    public static let defaultSince = "30d"

    /// The last `days` days up to `now`.
    public static func lastDays(_ days: Int, before now: Date, calendar: Calendar) -> InsightPeriod {
        InsightPeriod(start: calendar.date(byAdding: .day, value: -days, to: now)!, end: now)
    }

    /// From `--since`: a day (`2026-11-01`, from its start in the workspace's time
    /// zone) or a span back from now (`30d`, `2w`, `36h`, `10bd`).
    public init(since text: String, now: Date, calendar: Calendar) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let day = Self.day(trimmed, calendar: calendar) {
            guard day <= now else {
                throw StagehandError.invalidAction("\(trimmed) is after today: give a day in the past, such as 2026-11-01, or a span such as 30d.")
            }
            self.init(start: day, end: now)
            return
        }
        guard let span = try? RelativeDuration(parsing: trimmed) else {
            throw StagehandError.invalidAction(
                "'\(text)' is not a day or a span of time: give a day such as 2026-11-01, or a span back from now such as 30d, 2w or 10bd.")
        }
        self.init(start: span.before(now, calendar: calendar), end: now)
    }

    public func contains(_ date: Date?) -> Bool {
        guard let date else { return false }
        return date >= start && date <= end
    }

    /// Days the period spans, rounded: what a title says.
    public var days: Int { Int((end.timeIntervalSince(start) / 86_400).rounded()) }

    private static func day(_ text: String, calendar: Calendar) -> Date? {
        let parts = text.split(separator: "-").map { Int($0) }
        guard parts.count == 3, text.count == 10, let year = parts[0], let month = parts[1], let day = parts[2] else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        // The calendar rolls 2026-13-01 over into next year: a day it had to move is no day.
        guard let date = calendar.date(from: components), calendar.dateComponents([.year, .month, .day], from: date) == components
        else { return nil }
        return date
    }
}

extension RelativeDuration {
    /// The moment this long before `end`: the mirror of `after`.
    func before(_ end: Date, calendar: Calendar) -> Date {
        switch unit {
        case .minutes: return end.addingTimeInterval(-Double(amount) * 60)
        case .hours: return end.addingTimeInterval(-Double(amount) * 3600)
        case .days: return calendar.date(byAdding: .day, value: -amount, to: end)!
        case .weeks: return calendar.date(byAdding: .day, value: -amount * 7, to: end)!
        case .businessDays:
            var date = end
            var counted = 0
            while counted < amount {
                date = calendar.date(byAdding: .day, value: -1, to: date)!
                if !calendar.isDateInWeekend(date) { counted += 1 }
            }
            return date
        }
    }
}
