import Foundation
import StagehandCore

/// A job's insights as lines of horizontal bar charts, fitted to a width: the
/// board's insights page and `stagehand report` both draw these. Every figure is
/// also written as a number, so the charts read the same without colour.
public enum InsightsChart {
    public struct Line: Sendable, Equatable {
        public var text: String
        public var role: Theme.Role

        init(_ text: String, _ role: Theme.Role) {
            self.text = text
            self.role = role
        }
    }

    /// One row of a chart: a label, how long its bar is against the chart's largest,
    /// and the words after the bar.
    struct Row {
        var label: String
        var value: Double
        /// A lighter stretch after the bar, up to this value (the 90th percentile after the median).
        var reach: Double?
        var words: String
        var role: Theme.Role = .card
    }

    public static func lines(_ job: JobInsights, period: InsightPeriod, width: Int, symbols: Symbols, workspace: Workspace)
        -> [Line]
    {
        let stages = job.stages
        func label(_ stage: StageFigures) -> String {
            stage.expected.map { "\(stage.name) (\($0))" } ?? stage.name
        }
        var lines: [Line] = []
        func chart(_ title: String, _ rows: [Row], whole: Double? = nil, note: String? = nil) {
            if !lines.isEmpty { lines.append(Line("", .card)) }
            // Wrapped like the notes: a title cut at a narrow width would lose what its bars mean.
            lines += Board.wrap(title, width: max(1, width)).map { Line($0, .columnTitle) }
            lines += draw(rows, width: width, symbols: symbols, whole: whole)
            if let note { lines += Board.wrap(note, width: max(1, width - 2)).map { Line("  " + $0, .muted) } }
        }
        chart("Candidates now (not disqualified)", stages.map { Row(label: $0.name, value: Double($0.now), words: "\($0.now)") })
        chart(
            "Entered since \(workspace.day(period.start))",
            stages.map { Row(label: $0.name, value: Double($0.entered), words: "\($0.entered)") })
        chart(
            "Moved on to a later stage, of those who left",
            stages.map { stage in
                guard let share = stage.movedOnShare else { return Row(label: stage.name, value: 0, words: "nobody left") }
                return Row(label: stage.name, value: share, words: "\(percent(share)) (\(stage.movedOn) of \(stage.left))")
            }, whole: 1, note: "Left: moved on, back or disqualified; a full bar is 100%.")
        chart(
            "Days in stage, stays that ended: median \(symbols.barFull), 90th percentile \(symbols.barEmpty)",
            stages.map { stage in
                guard let median = stage.medianDays, let p90 = stage.p90Days else {
                    return Row(label: stage.name, value: 0, words: "no stay ended")
                }
                return Row(label: stage.name, value: median, reach: p90, words: "\(days(median)) / \(days(p90))")
            })
        let expecting = stages.filter { $0.expected != nil }
        chart(
            "Overdue now: past the stage's expected time",
            expecting.map { stage in
                Row(label: label(stage), value: Double(stage.overdue), words: "\(stage.overdue)", role: stage.overdue > 0 ? .overdue : .card)
            },
            note: expecting.isEmpty ? "No stage has an expected time (p, then t, on the board)." : nil)
        let outcomes = job.automation
        var automation: [Row] = [
            Row(label: "Emails sent", value: Double(outcomes.emailsSent), words: "\(outcomes.emailsSent)"),
            Row(label: "Emails failed", value: Double(outcomes.emailsFailed), words: "\(outcomes.emailsFailed)", role: outcomes.emailsFailed > 0 ? .overdue : .card),
            Row(label: "Emails unknown", value: Double(outcomes.emailsUnknown), words: "\(outcomes.emailsUnknown)", role: outcomes.emailsUnknown > 0 ? .overdue : .card),
            Row(label: "Emails skipped", value: Double(outcomes.emailsSkippedTotal), words: "\(outcomes.emailsSkippedTotal)"),
        ]
        automation += outcomes.skipReasons.map { Row(label: "  \($0.reason)", value: Double($0.count), words: "\($0.count)", role: .muted) }
        automation += [
            Row(label: "Tasks created", value: Double(outcomes.tasksCreated), words: "\(outcomes.tasksCreated)"),
            Row(label: "Tasks done", value: Double(outcomes.tasksDone), words: "\(outcomes.tasksDone)"),
            Row(label: "Tasks overdue now", value: Double(outcomes.tasksOverdue), words: "\(outcomes.tasksOverdue)", role: outcomes.tasksOverdue > 0 ? .overdue : .card),
            Row(label: "Evaluations asked", value: Double(outcomes.evaluationsRequested), words: "\(outcomes.evaluationsRequested)"),
            Row(label: "Evaluations answered", value: Double(outcomes.evaluationsAnswered), words: "\(outcomes.evaluationsAnswered)"),
        ]
        chart("What automatic actions did since \(workspace.day(period.start))", automation)
        return lines
    }

    /// The rows as bars: labels in a column of their own (at most a third of the
    /// width), then each bar scaled to `whole` (the largest value when nil), then its words.
    static func draw(_ rows: [Row], width: Int, symbols: Symbols, whole: Double? = nil) -> [Line] {
        guard !rows.isEmpty else { return [] }
        let labelWidth = min(rows.map { DisplayWidth.of($0.label) }.max() ?? 0, max(8, width / 3))
        let wordsWidth = rows.map { DisplayWidth.of($0.words) }.max() ?? 0
        let barWidth = max(1, width - 2 - labelWidth - 1 - 1 - wordsWidth)
        let largest = rows.map { max($0.value, $0.reach ?? 0) }.max() ?? 0
        let scale = whole ?? largest
        return rows.map { row in
            let label = DisplayWidth.truncate(row.label, to: labelWidth)
            let padded = label + String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(label)))
            let eighths = scale > 0 ? Int((row.value / scale * Double(barWidth * 8)).rounded()) : 0
            var bar = symbols.bar(eighths: eighths)
            if let reach = row.reach, scale > 0 {
                let cells = Int((reach / scale * Double(barWidth)).rounded())
                bar += String(repeating: symbols.barEmpty, count: max(0, cells - DisplayWidth.of(bar)))
            }
            let text = "  \(padded) \(bar)\(bar.isEmpty ? "" : " ")\(row.words)"
            return Line(text, row.role)
        }
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// "2.5d", with one decimal: a median of days is rarely whole.
    static func days(_ value: Double) -> String { String(format: "%.1fd", value) }
}
