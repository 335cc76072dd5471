import Foundation

/// What a job's automatic actions came to in a period.
public struct AutomationOutcomes: Sendable, Equatable {
    /// Emails that went out in the period.
    public var emailsSent = 0
    /// Emails due in the period that failed for good, or whose fate is unknown (a
    /// sender stopped mid-send).
    public var emailsFailed = 0
    public var emailsUnknown = 0
    /// Emails an automatic action skipped in the period, by the reason it gave.
    public var emailsSkipped: [String: Int] = [:]
    /// Tasks automatic actions created in the period, automatic tasks marked done in
    /// it, and automatic tasks open and past their due time now.
    public var tasksCreated = 0
    public var tasksDone = 0
    public var tasksOverdue = 0
    /// Evaluation requests automatic actions made in the period, and those answered in it.
    public var evaluationsRequested = 0
    public var evaluationsAnswered = 0

    public init() {}

    public var emailsSkippedTotal: Int { emailsSkipped.values.reduce(0, +) }

    /// Skip reasons, most frequent first (then by name, so the order is stable).
    public var skipReasons: [(reason: String, count: Int)] {
        emailsSkipped.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
    }
}

extension AutomationOutcomes {
    /// The reason an `actionSkipped` timeline entry gives, when it is about an email:
    /// "Skipped: Email 'Thanks' from the mover, at once — no email address" (as the
    /// engine writes it) or "Email 'Thanks' skipped: no email address".
    static func skippedEmailReason(_ text: String) -> String? {
        if text.hasPrefix("Skipped: Email '"), let dash = text.range(of: " — ", options: .backwards) {
            return String(text[dash.upperBound...])
        }
        if text.hasPrefix("Email '"), let said = text.range(of: "' skipped: ", options: .backwards) {
            return String(text[said.upperBound...])
        }
        return nil
    }
}
