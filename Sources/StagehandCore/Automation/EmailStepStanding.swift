import Foundation

/// An email step of a run that has not gone out as its step state alone would say.
public enum EmailStepTrouble: Sendable, Equatable {
    /// Due, but no process has taken it to send: this one cannot send mail (no
    /// password here, say), and it waits for one that can.
    case notTakenToSend
    /// An attempt failed and it waits to be tried again.
    case retrying(at: Date, why: String)
}

extension Workspace {
    /// Why an email step's attempt failed, while it waits to be tried again; nil otherwise.
    public func retryReason(of step: ActionStep) -> String? {
        if case .retrying(_, let why)? = trouble(of: step) { why } else { nil }
    }

    /// What is wrong with an email step, if anything: the same for the board's pane
    /// and the command line's report.
    public func trouble(of step: ActionStep) -> EmailStepTrouble? {
        guard let email = step.email.flatMap({ emails[$0] }), email.status == .scheduled else { return nil }
        if let failure = email.failure { return .retrying(at: email.dueAt, why: failure) }
        return step.state == .running ? .notTakenToSend : nil
    }
}
