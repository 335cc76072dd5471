import StagehandCore

/// The soaks' proof that no automatic action ran twice: each run made exactly
/// one email per email step, however its writer was interrupted or raced.
enum ActionRunAudit {
    static func problem(in workspace: Workspace) -> String? {
        var emailsPerRun: [ActionRunID: Int] = [:]
        for email in workspace.emails { if let run = email.run { emailsPerRun[run, default: 0] += 1 } }
        for run in workspace.actionRuns {
            let emails = emailsPerRun[run.id] ?? 0
            let sends = run.steps.filter { $0.email != nil }.count
            if emails != sends { return "run \(run.id) made \(emails) emails for \(sends) email steps" }
        }
        return nil
    }
}
