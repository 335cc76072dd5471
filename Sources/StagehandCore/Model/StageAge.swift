import Foundation

/// How long a candidate has been in a stage, measured the way the stage's expected
/// time is: in business days when it is given in business days, so that "3bd" and
/// the age on the card count the same days.
public struct StageAge: Sendable, Equatable {
    public var enteredAt: Date
    public var now: Date
    public var expected: RelativeDuration?
    public var calendar: Calendar

    public init(enteredAt: Date, now: Date, expected: RelativeDuration?, calendar: Calendar) {
        self.enteredAt = enteredAt
        self.now = now
        self.expected = expected
        self.calendar = calendar
    }

    /// Past the expected time: from the moment `expected` after entering.
    public var isOverdue: Bool {
        guard let expected else { return false }
        if expected.unit == .businessDays {
            // The moment `after` gives, found without stepping through the days one by one.
            return Self.businessDays(from: enteredAt, to: now, calendar: calendar) >= expected.amount
        }
        return now >= expected.after(enteredAt, calendar: calendar)
    }

    /// Whole business days between two moments: how many Monday-to-Friday days,
    /// stepped a day at a time from `start`, fall on or before `end` — the count
    /// `RelativeDuration.after` uses, so that `n` business days after `start` is
    /// exactly when this reaches `n`. Worked out from the whole days between and the
    /// weekday of `start`: two questions to the calendar, however long the stay.
    public static func businessDays(from start: Date, to end: Date, calendar: Calendar) -> Int {
        guard end > start, let days = calendar.dateComponents([.day], from: start, to: end).day, days > 0 else { return 0 }
        // Any seven days in a row hold five business days; the rest are counted by weekday (1 = Sunday, 7 = Saturday).
        let weekday = calendar.component(.weekday, from: start)
        var counted = days / 7 * 5
        for offset in stride(from: 1, through: days % 7, by: 1) {
            let day = (weekday - 1 + offset) % 7 + 1
            if day != 1 && day != 7 { counted += 1 }
        }
        return counted
    }
}

extension Stage {
    /// The age of a card entered at `enteredAt`, against this stage's expected time.
    public func age(enteredAt: Date, now: Date, calendar: Calendar) -> StageAge {
        StageAge(enteredAt: enteredAt, now: now, expected: expected, calendar: calendar)
    }

    /// Whether a card in this stage is past its expected time; a disqualified one
    /// never is, as nobody is waiting on it.
    public func isOverdue(_ placement: Placement, now: Date, calendar: Calendar) -> Bool {
        placement.disqualification == nil && age(enteredAt: placement.enteredAt, now: now, calendar: calendar).isOverdue
    }
}

extension Stage {
    /// How many of the given entry times, oldest first, are past this stage's expected
    /// time at `now`. Those form a run at the start, found by halving: a column of
    /// ten thousand cards asks the calendar a dozen times, not ten thousand.
    public func overdueCount(enteredAt entries: [Date], now: Date, calendar: Calendar) -> Int {
        guard expected != nil else { return 0 }
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if age(enteredAt: entries[middle], now: now, calendar: calendar).isOverdue { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
