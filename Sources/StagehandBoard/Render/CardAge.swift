import StagehandCore

extension StageAge {
    /// "5m", "3h", "2d", "6w" — or "4bd" in a stage expected in business days, so
    /// that the card counts the same days as its expected time.
    public var shortText: String {
        guard expected?.unit == .businessDays, now.timeIntervalSince(enteredAt) >= 86_400 else {
            return TimeInStage.describe(from: enteredAt, to: now)
        }
        return "\(Self.businessDays(from: enteredAt, to: now, calendar: calendar))bd"
    }
}
