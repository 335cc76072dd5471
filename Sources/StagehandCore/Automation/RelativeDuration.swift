import Foundation

/// A span of time counted from an event: `90m`, `36h`, `10d`, `1w` or `3bd`
/// (business days, which skip Saturday and Sunday).
public struct RelativeDuration: Codable, Sendable, Hashable, CustomStringConvertible {
    public enum Unit: String, Codable, Sendable, CaseIterable {
        case minutes = "m", hours = "h", days = "d", weeks = "w", businessDays = "bd"
    }

    public var amount: Int
    public var unit: Unit

    public init(_ amount: Int, _ unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// The delays offered by name in the editors.
    public static let presets: [RelativeDuration] = [
        .init(30, .minutes), .init(1, .hours), .init(4, .hours), .init(1, .days), .init(2, .days),
        .init(3, .days), .init(1, .weeks), .init(2, .businessDays),
    ]

    /// Parses `90m`, `36h`, `10d`, `1w`, `3bd` (spaces and long unit names allowed:
    /// `2 business days`, `1 hour`).
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let rest = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        guard let amount = Int(digits), amount <= 100_000 else { throw StagehandError.invalidDuration(text) }
        guard amount > 0 else {
            throw StagehandError.invalidAction("'\(text)' is no time at all: a duration is at least 1 of its unit, such as 1d or 30m.")
        }
        let units: [String: Unit] = [
            "m": .minutes, "min": .minutes, "mins": .minutes, "minute": .minutes, "minutes": .minutes,
            "h": .hours, "hr": .hours, "hour": .hours, "hours": .hours,
            "d": .days, "day": .days, "days": .days,
            "w": .weeks, "week": .weeks, "weeks": .weeks,
            "bd": .businessDays, "business day": .businessDays, "business days": .businessDays,
        ]
        guard let unit = units[rest] else { throw StagehandError.invalidDuration(text) }
        self.init(amount, unit)
    }

    /// A delay as typed in an editor: empty (or `none`) means at once.
    public static func optional(_ text: String) throws -> RelativeDuration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !["none", "at once", "now", "0"].contains(trimmed.lowercased()) else { return nil }
        return try RelativeDuration(parsing: trimmed)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a duration such as 90m, 36h, 10d or 3bd"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var description: String { "\(amount)\(unit.rawValue)" }

    /// "1 hour", "2 business days".
    public var spelledOut: String {
        let word: String
        switch unit {
        case .minutes: word = "minute"
        case .hours: word = "hour"
        case .days: word = "day"
        case .weeks: word = "week"
        case .businessDays: word = "business day"
        }
        return "\(amount) \(word)\(amount == 1 ? "" : "s")"
    }

    /// The moment this long after `start`.
    public func after(_ start: Date, calendar: Calendar) -> Date {
        switch unit {
        case .minutes: return start.addingTimeInterval(Double(amount) * 60)
        case .hours: return start.addingTimeInterval(Double(amount) * 3600)
        case .days: return calendar.date(byAdding: .day, value: amount, to: start)!
        case .weeks: return calendar.date(byAdding: .day, value: amount * 7, to: start)!
        case .businessDays:
            var date = start
            var counted = 0
            while counted < amount {
                date = calendar.date(byAdding: .day, value: 1, to: date)!
                if !calendar.isDateInWeekend(date) { counted += 1 }
            }
            return date
        }
    }
}
