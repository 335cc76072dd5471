import Foundation
import StagehandCore

/// `stagehand scheduled --json`: what waits, then what needs a retry.
struct ScheduledReport: Encodable {
    struct Entry: Encodable {
        var id: String
        var status: String
        var dueAt: Date
        var candidate: String
        var candidateName: String
        var job: String
        var jobTitle: String
        var stage: String?
        var stageName: String
        var template: String
        var templateName: String
        var sender: String?
        var senderName: String
        var from: String
        var to: String
        var subject: String
        var attempts: Int
        var failure: String?
    }

    /// An action waiting for a candidate's time in a stage.
    struct TimedEntry: Encodable {
        var id: String
        var dueAt: Date
        var candidate: String
        var candidateName: String
        var job: String
        var jobTitle: String
        var stage: String
        var stageName: String
        var kind: String
        var summary: String
    }

    var waiting: [Entry]
    var toRetry: [Entry]
    var timedActions: [TimedEntry]

    init(waiting: [OutgoingEmail], toRetry: [OutgoingEmail], timed: [ActionRun], in workspace: Workspace) {
        func entry(_ email: OutgoingEmail) -> Entry {
            let listing = workspace.listing(of: email)
            return Entry(
                id: email.id.rawValue, status: email.status.rawValue, dueAt: email.dueAt, candidate: email.candidate.rawValue,
                candidateName: listing.candidate, job: email.job.rawValue, jobTitle: listing.job, stage: email.stage?.rawValue,
                stageName: listing.stage, template: email.template.rawValue, templateName: listing.template,
                sender: email.sender?.rawValue, senderName: listing.sender, from: email.fromAddress, to: email.toAddress,
                subject: email.subject, attempts: email.attempts, failure: email.failure)
        }
        self.waiting = waiting.map(entry)
        self.toRetry = toRetry.map(entry)
        timedActions = timed.flatMap { run in
            run.steps.map { step in
                let job = workspace.job(run.job)
                return TimedEntry(
                    id: run.id.rawValue, dueAt: run.startsAt, candidate: run.candidate.rawValue, candidateName: workspace.name(of: run.candidate),
                    job: run.job.rawValue, jobTitle: job?.title ?? "", stage: run.stage.rawValue,
                    stageName: job?.stage(run.stage)?.name ?? run.stage.rawValue, kind: step.action.kind.rawValue,
                    summary: workspace.summary(of: step.action, in: run))
            }
        }
    }
}
