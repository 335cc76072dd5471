import Foundation

extension Workspace {
    /// "2026-11-28", in the workspace's time zone: unambiguous in every locale.
    public func day(_ date: Date) -> String {
        let parts = setup.settings.calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// "2026-11-28 09:30", in the workspace's time zone.
    public func moment(_ date: Date) -> String {
        let parts = setup.settings.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }
}
