import Foundation
import StagehandCore

/// `stagehand board --json`.
struct BoardReport: Encodable {
    struct JobEntry: Encodable {
        var id: String
        var title: String
        var status: String
        var stages: [StageEntry]
    }

    struct StageEntry: Encodable {
        var id: String
        var name: String
        var hasActions: Bool
        var actions: [ActionEntry]
        var hasTimedActions: Bool
        var timedActions: [TimedActionEntry]
        /// How long candidates are expected to stay (`5d`, `3bd`); absent when not set.
        var expected: String?
        /// How many cards (disqualified ones aside) are past it now.
        var overdue: Int
        var candidates: [CardEntry]
    }

    struct CardEntry: Encodable {
        var id: String
        var name: String
        var tags: [String]
        var enteredAt: Date
        var disqualified: Bool
        /// In the stage longer than its expected time (never for a disqualified card).
        var overdue: Bool
    }

    var company: String
    var jobs: [JobEntry]

    init(_ workspace: Workspace, jobs: [Job], now: Date) {
        company = workspace.setup.companyName
        let calendar = workspace.setup.settings.calendar
        self.jobs = jobs.map { job in
            JobEntry(
                id: job.id.rawValue, title: job.title, status: job.status.rawValue,
                stages: job.pipeline.map { stage in
                    let cards = workspace.candidates(in: job.id, stage: stage.id).map { candidate in
                        let placement = candidate.placement(in: job.id)!
                        let disqualified = placement.disqualification != nil
                        return CardEntry(
                            id: candidate.id.rawValue, name: candidate.name, tags: candidate.tags,
                            enteredAt: placement.enteredAt, disqualified: disqualified,
                            overdue: stage.isOverdue(placement, now: now, calendar: calendar))
                    }
                    return StageEntry(
                        id: stage.id.rawValue, name: stage.name, hasActions: stage.hasActions,
                        actions: stage.actions.map { ActionEntry($0, in: workspace) }, hasTimedActions: stage.hasTimedActions,
                        timedActions: stage.timedActions.map { TimedActionEntry($0, in: workspace) },
                        expected: stage.expected?.description, overdue: cards.filter(\.overdue).count, candidates: cards)
                })
        }
    }
}

/// A timed action: how long it waits (`after`, as `5bd`) and the action.
struct TimedActionEntry: Encodable {
    var after: String
    var action: ActionEntry

    init(_ timed: TimedAction, in workspace: Workspace) {
        after = timed.after.description
        action = ActionEntry(timed.action, waiting: true, in: workspace)
    }
}

/// An action as stored (`kind` and its parameters) plus its readable `summary`.
struct ActionEntry: Encodable {
    var action: AutomaticAction
    var summary: String

    /// - Parameter waiting: the action waits for a time in the stage.
    init(_ action: AutomaticAction, waiting: Bool = false, in workspace: Workspace) {
        self.action = action
        summary = workspace.summary(of: action, waiting: waiting)
    }

    private enum CodingKeys: String, CodingKey { case summary }

    func encode(to encoder: Encoder) throws {
        try action.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(summary, forKey: .summary)
    }
}
