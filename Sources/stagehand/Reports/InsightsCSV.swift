import Foundation
import StagehandBoard
import StagehandCore

/// `report --csv`: two tables for a spreadsheet, separated by an empty line. First
/// one row per job and stage with its figures; then the automation outcomes in long
/// form, one row per job and outcome (skipped emails one row per reason).
enum InsightsCSV {
    static let stageHeader = [
        "job", "job_title", "position", "stage", "stage_name", "expected", "now", "entered", "left", "moved_on", "moved_back",
        "disqualified", "moved_on_share", "median_days", "p90_days", "overdue",
    ]
    static let outcomeHeader = ["job", "job_title", "outcome", "reason", "count"]

    static func text(_ insights: PipelineInsights) -> String {
        var rows = [stageHeader]
        for job in insights.jobs {
            for (index, stage) in job.stages.enumerated() {
                rows.append([
                    job.job.rawValue, job.title, "\(index + 1)", stage.stage.rawValue, stage.name, stage.expected?.description ?? "",
                    "\(stage.now)", "\(stage.entered)", "\(stage.left)", "\(stage.movedOn)", "\(stage.movedBack)", "\(stage.disqualified)",
                    number(stage.movedOnShare, 3), number(stage.medianDays, 2), number(stage.p90Days, 2), "\(stage.overdue)",
                ])
            }
        }
        var outcomes = [outcomeHeader]
        for job in insights.jobs {
            let o = job.automation
            func row(_ outcome: String, _ count: Int, reason: String = "") -> [String] {
                [job.job.rawValue, job.title, outcome, reason, "\(count)"]
            }
            outcomes += [row("emails sent", o.emailsSent), row("emails failed", o.emailsFailed), row("emails unknown", o.emailsUnknown)]
            // A zero row when nothing was skipped, as every other outcome has: a pivot table then lists the outcome for every job.
            outcomes += o.skipReasons.isEmpty ? [row("emails skipped", 0)] : o.skipReasons.map { row("emails skipped", $0.count, reason: $0.reason) }
            outcomes += [
                row("tasks created", o.tasksCreated), row("tasks done", o.tasksDone), row("tasks overdue", o.tasksOverdue),
                row("evaluations requested", o.evaluationsRequested), row("evaluations answered", o.evaluationsAnswered),
            ]
        }
        return (rows.map(line) + [""] + outcomes.map(line)).joined(separator: "\r\n") + "\r\n"
    }

    private static func number(_ value: Double?, _ places: Int) -> String {
        value.map { String(format: "%.\(places)f", $0) } ?? ""
    }

    private static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    /// RFC 4180 quoting; control characters shown as "·" as everywhere else; and a
    /// name a spreadsheet would take for a formula (=, +, -, @ first) starts with a
    /// quote mark so that it stays text.
    static func field(_ text: String) -> String {
        var value = String(text.map(DisplayWidth.printable))
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
