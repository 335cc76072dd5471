import Foundation

/// Where "now" comes from. Rules never read the system time themselves: they are
/// handed `now`, and only the edges (CLI, board) ask a Clock.
public struct Clock: Sendable {
    private let reading: @Sendable () -> Date

    public init(_ reading: @escaping @Sendable () -> Date) { self.reading = reading }

    /// Whole seconds: the state file stores ISO 8601 times without fractions, so a
    /// value read back equals the value written.
    public var now: Date { Date(timeIntervalSince1970: reading().timeIntervalSince1970.rounded(.down)) }

    public static let system = Clock { Date() }

    public static func fixed(_ date: Date) -> Clock { Clock { date } }

    /// Starts at `start` and runs on in real time, so grace periods still elapse
    /// while tests and demos pin the calendar date.
    public static func starting(at start: Date) -> Clock {
        let origin = ContinuousClock.now
        return Clock {
            let elapsed = ContinuousClock.now - origin
            return start.addingTimeInterval(Double(elapsed.components.seconds))
        }
    }

    /// `STAGEHAND_NOW` (ISO 8601) pins the starting instant; otherwise the system clock.
    public static func fromEnvironment(_ environment: [String: String]) throws -> Clock {
        guard let text = environment["STAGEHAND_NOW"], !text.isEmpty else { return .system }
        guard let date = parseISO8601(text) else { throw ClockError.badNow(text) }
        return .starting(at: date)
    }

    public static func parseISO8601(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        if let date = try? withFraction.parse(text) { return date }
        let dateOnly = Date.ISO8601FormatStyle().year().month().day()
        return try? dateOnly.parse(text)
    }
}

public enum ClockError: UserFacingError, Equatable {
    case badNow(String)

    public var sentence: String {
        switch self {
        case .badNow(let text):
            "STAGEHAND_NOW='\(text)' is not an ISO 8601 time: use a form such as 2026-11-25T09:30:00Z, or unset it."
        }
    }
}
