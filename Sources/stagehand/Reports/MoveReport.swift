import Foundation
import StagehandBoard
import StagehandCore

/// `stagehand move --json`: what moved, what ran, what waits, what was cancelled.
struct MoveReport: Encodable {
    struct Moved: Encodable {
        var candidate: String
        var name: String
        var job: String
        var from: String
        var to: String
        var fromStage: String
        var toStage: String
    }

    struct Ran: Encodable {
        var candidate: String
        var run: String
        var kind: String
        var summary: String
        var state: String
        var reason: String?
    }

    struct Scheduled: Encodable {
        var email: String
        var candidate: String
        var subject: String
        var to: String
        var dueAt: Date
    }

    /// An action that waits for a time in the new stage.
    struct Later: Encodable {
        var candidate: String
        var run: String
        var kind: String
        var summary: String
        var dueAt: Date
    }

    struct Cancelled: Encodable {
        var candidate: String
        var name: String
        var summary: String
    }

    var moved: [Moved] = []
    var ranActions: Bool
    var ran: [Ran] = []
    var scheduled: [Scheduled] = []
    var later: [Later] = []
    var cancelled: [Cancelled] = []

    init(_ outcome: CandidateChangeOutcome, in workspace: Workspace) {
        ranActions = outcome.ranActions
        guard let plan = outcome.plan else { return }
        let job = workspace.job(plan.job)
        for planned in plan.moves where outcome.moved.contains(planned.candidate) {
            moved.append(
                Moved(
                    candidate: planned.candidate.rawValue, name: workspace.candidates[planned.candidate]?.name ?? "",
                    job: plan.job.rawValue, from: job?.stage(planned.from)?.name ?? planned.from.rawValue,
                    to: job?.stage(plan.target)?.name ?? plan.target.rawValue, fromStage: planned.from.rawValue,
                    toStage: plan.target.rawValue))
            let name = workspace.candidates[planned.candidate]?.name ?? planned.candidate.rawValue
            cancelled += planned.cancels.map { Cancelled(candidate: planned.candidate.rawValue, name: name, summary: $0.summary) }
        }
        for runID in outcome.runs {
            guard let run = workspace.actionRuns[runID] else { continue }
            for step in run.steps {
                var state = StepText.name(step)
                var reason: String?
                if let waiting = StepText.waiting(step, in: workspace, because: outcome.delivery?.setupProblem?.sentence) {
                    state = "waiting"
                    reason = waiting
                }
                if case .failed(let why) = step.state { reason = why }
                if case .skipped(let why) = step.state { reason = why }
                if let retry = StepText.retry(of: step, in: workspace) { reason = retry }
                ran.append(
                    Ran(
                        candidate: run.candidate.rawValue, run: run.id.rawValue, kind: step.action.kind.rawValue,
                        summary: workspace.summary(of: step.action, in: run), state: state, reason: reason))
                if let emailID = step.email, let email = workspace.emails[emailID], email.status == .scheduled {
                    scheduled.append(
                        Scheduled(
                            email: email.id.rawValue, candidate: run.candidate.rawValue, subject: email.subject,
                            to: email.toAddress, dueAt: email.dueAt))
                }
            }
        }
        for run in outcome.timedRuns.compactMap({ workspace.actionRuns[$0] }) {
            for step in run.steps {
                later.append(
                    Later(
                        candidate: run.candidate.rawValue, run: run.id.rawValue, kind: step.action.kind.rawValue,
                        summary: workspace.summary(of: step.action, in: run), dueAt: run.startsAt))
            }
        }
    }

    /// Times as every other screen says them ("2026-12-09 12:00", in `workspace`'s
    /// time zone); --json keeps ISO 8601.
    func text(symbols: Symbols, in workspace: Workspace) -> String {
        var out = ""
        for move in moved {
            out += "Moved \(move.name) [\(move.candidate)]: \(move.from) \(symbols.arrowRight) \(move.to)\n"
        }
        if !ranActions, let move = moved.first {
            // The mover's choice, or a stage without any: not the same thing to read.
            let stage = workspace.job(JobID(move.job))?.stage(StageID(move.toStage))
            out += stage?.hasActions == false ? "  (\(move.to) has no actions)\n" : "  (without actions)\n"
        }
        for step in ran {
            let why = step.reason.map { " — \($0)" } ?? ""
            let state = AutomaticAction.Kind(rawValue: step.kind).map { StepText.readable(step.state, of: $0) } ?? step.state
            out += "  \(symbols.bolt) \(step.summary): \(state)\(why)\n"
        }
        for email in scheduled {
            out += "  Scheduled \(email.email): '\(email.subject)' to \(email.to) at \(workspace.moment(email.dueAt))\n"
        }
        for item in later {
            out += "  \(symbols.timer) \(item.summary): waits until \(workspace.moment(item.dueAt)) [\(item.run)]\n"
        }
        for item in cancelled {
            out += "  Cancelled for \(item.name): \(item.summary)\n"
        }
        return out
    }
}
