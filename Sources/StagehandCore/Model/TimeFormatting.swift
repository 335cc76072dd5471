import Foundation

extension Workspace {
    /// "2026-11-28", in the workspace's time zone: unambiguous in every locale.
    public func day(_ date: Date) -> String {
        format(date, "yyyy-MM-dd")
    }

    /// "2026-11-28 09:30", in the workspace's time zone.
    public func moment(_ date: Date) -> String {
        format(date, "yyyy-MM-dd HH:mm")
    }

    private func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = setup.settings.calendar
        formatter.timeZone = setup.settings.calendar.timeZone
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
