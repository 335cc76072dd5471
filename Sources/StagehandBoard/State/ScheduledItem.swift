import Foundation
import StagehandCore

/// A row of the Scheduled view: a delayed email, or an action waiting for a
/// candidate's time in a stage. Both can be sent or run now, or cancelled.
public enum ScheduledItem: Sendable, Equatable {
    case email(OutgoingEmail)
    case timed(ActionRun)

    public var dueAt: Date {
        switch self {
        case .email(let email): email.dueAt
        case .timed(let run): run.startsAt
        }
    }
}

extension BoardState {
    /// The Scheduled view's rows: every email and timed action still waiting,
    /// soonest first, then the failed and unknown emails to retry.
    public var scheduledList: [ScheduledItem] {
        let waiting = workspace.waitingEmails.map(ScheduledItem.email) + workspace.waitingTimedRuns.map(ScheduledItem.timed)
        // Stable by due time: emails before timed actions due at the same moment.
        let sorted = waiting.enumerated().sorted { ($0.element.dueAt, $0.offset) < ($1.element.dueAt, $1.offset) }.map(\.element)
        return sorted + workspace.emailsToRetry.map(ScheduledItem.email)
    }
}
