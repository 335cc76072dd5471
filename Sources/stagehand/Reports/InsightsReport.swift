import Foundation
import StagehandCore

/// `report --json`: the insights as documented in the README's JSON section.
struct InsightsReport: Encodable {
    struct Period: Encodable {
        var since: Date
        var until: Date
        var days: Int
    }

    struct StageEntry: Encodable {
        var id: String
        var name: String
        var position: Int
        var expected: String?
        var now: Int
        var entered: Int
        var left: Int
        var movedOn: Int
        var movedBack: Int
        var disqualified: Int
        var movedOnShare: Double?
        var medianDays: Double?
        var p90Days: Double?
        var overdue: Int
    }

    struct Emails: Encodable {
        var sent: Int
        var failed: Int
        var unknown: Int
        var skipped: Int
        var skippedByReason: [String: Int]
    }

    struct Tasks: Encodable {
        var created: Int
        var done: Int
        var overdue: Int
    }

    struct Evaluations: Encodable {
        var requested: Int
        var answered: Int
    }

    struct Automation: Encodable {
        var emails: Emails
        var tasks: Tasks
        var evaluations: Evaluations
    }

    struct JobEntry: Encodable {
        var id: String
        var title: String
        var stages: [StageEntry]
        var automation: Automation
    }

    var period: Period
    var at: Date
    var jobs: [JobEntry]

    init(_ insights: PipelineInsights) {
        period = Period(since: insights.period.start, until: insights.period.end, days: insights.period.days)
        at = insights.at
        jobs = insights.jobs.map { job in
            let outcomes = job.automation
            return JobEntry(
                id: job.job.rawValue, title: job.title,
                stages: job.stages.enumerated().map { index, stage in
                    StageEntry(
                        id: stage.stage.rawValue, name: stage.name, position: index + 1, expected: stage.expected?.description,
                        now: stage.now, entered: stage.entered, left: stage.left, movedOn: stage.movedOn, movedBack: stage.movedBack,
                        disqualified: stage.disqualified, movedOnShare: stage.movedOnShare.map { Self.rounded($0, 3) },
                        medianDays: stage.medianDays.map { Self.rounded($0, 2) }, p90Days: stage.p90Days.map { Self.rounded($0, 2) },
                        overdue: stage.overdue)
                },
                automation: Automation(
                    emails: Emails(
                        sent: outcomes.emailsSent, failed: outcomes.emailsFailed, unknown: outcomes.emailsUnknown,
                        skipped: outcomes.emailsSkippedTotal, skippedByReason: outcomes.emailsSkipped),
                    tasks: Tasks(created: outcomes.tasksCreated, done: outcomes.tasksDone, overdue: outcomes.tasksOverdue),
                    evaluations: Evaluations(requested: outcomes.evaluationsRequested, answered: outcomes.evaluationsAnswered)))
        }
    }

    /// Figures rounded so the output does not change with the last bits of a division.
    static func rounded(_ value: Double, _ places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }
}
