import Foundation
import StagehandBoard
import StagehandCore

/// The board as plain text, one job after another, for `stagehand board`.
enum BoardText {
    static func render(_ workspace: Workspace, jobs: [Job], symbols: Symbols, now: Date = Date()) -> String {
        var out = "\(workspace.setup.companyName)\n"
        for job in jobs {
            out += "\n\(job.title) [\(job.id)]\(job.status == .closed ? " (closed)" : "")\n"
            for stage in job.pipeline {
                let cards = workspace.candidates(in: job.id, stage: stage.id)
                let marks = stage.marks(bolt: symbols.bolt, timer: symbols.timer)
                func isOverdue(_ placement: Placement) -> Bool {
                    stage.isOverdue(placement, now: now, calendar: workspace.setup.settings.calendar)
                }
                let late = cards.filter { isOverdue($0.placement(in: job.id)!) }.count
                let expected = stage.expected.map { ", expected \($0)\(late > 0 ? ", \(late) overdue" : "")" } ?? ""
                out += "  \(stage.name)\(marks) (\(cards.count)\(expected)) [\(stage.id)]\n"
                for item in stage.stageActions {
                    out += "      \(item.after == nil ? symbols.bolt : symbols.timer) \(workspace.summary(of: item))\n"
                }
                for candidate in cards {
                    let placement = candidate.placement(in: job.id)!
                    let tags = candidate.tags.prefix(2).map { "#\($0)" }.joined(separator: " ")
                    let dq = placement.disqualification != nil ? " (disqualified)" : ""
                    let age = (isOverdue(placement) ? symbols.overdue : "") + TimeInStage.describe(from: placement.enteredAt, to: now)
                    out += "    \(candidate.name) [\(candidate.id)]\(dq)  \(tags.isEmpty ? "" : tags + "  ")\(age)\n"
                }
            }
        }
        return out
    }
}
