import Foundation

extension Workspace {
    /// "2026-11-28", in the workspace's time zone: unambiguous in every locale.
    public func day(_ date: Date) -> String {
        let parts = setup.settings.calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// When something is due: its day, and its time too when that day is today, where
    /// the time is what tells a task overdue since 09:00 from one due at 18:00.
    public func due(_ date: Date, now: Date) -> String {
        setup.settings.calendar.isDate(date, inSameDayAs: now) ? moment(date) : day(date)
    }

    /// "2026-11-28 09:30", in the workspace's time zone.
    public func moment(_ date: Date) -> String {
        let parts = setup.settings.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }

    /// "Thu 3 Dec 09:01", in the workspace's time zone: short, and not to be read
    /// as month-day or day-month. English names, as the rest of the board's words.
    public func shortMoment(_ date: Date) -> String {
        let parts = setup.settings.calendar.dateComponents([.weekday, .month, .day, .hour, .minute], from: date)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = weekdays[((parts.weekday ?? 1) - 1 + 7) % 7]
        let month = months[((parts.month ?? 1) - 1 + 12) % 12]
        return String(format: "%@ %d %@ %02d:%02d", weekday, parts.day ?? 0, month, parts.hour ?? 0, parts.minute ?? 0)
    }

    /// An email's status as a timeline entry shows it: "sent", or "sent 2026-12-03
    /// 11:00" when it went out later than the entry (a delayed email), so the
    /// timeline says when it actually left.
    public func statusWords(of entry: Activity) -> String? {
        guard let status = entry.status else { return nil }
        if status == .sent, let id = entry.email, let sentAt = emails[id]?.sentAt, moment(sentAt) != moment(entry.at) {
            return "sent \(moment(sentAt))"
        }
        return status.rawValue
    }
}
