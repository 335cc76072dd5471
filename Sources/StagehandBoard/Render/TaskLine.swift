import StagehandCore

extension Board {
    /// A task as My work and the profile list it: done or open, overdue (in words
    /// too, for terminals without colour), whose, when due, and whether its
    /// candidate has moved on.
    static func taskLine(_ task: CandidateTask, _ state: BoardState, showingCandidate: Bool) -> PageLine {
        let workspace = state.workspace
        let theme = state.theme
        let assignee = workspace.member(task.assignee)?.name ?? task.assignee.rawValue
        let overdue = task.isOverdue(at: state.now)
        var text = "[\(task.done ? "x" : " ")] \(task.automatic ? state.symbols.bolt + " " : "")"
        if overdue { text += "OVERDUE " }
        text += "\(workspace.due(task.due, now: state.now))  \(task.title)"
        if showingCandidate {
            let candidate = workspace.candidates[task.candidate]?.name ?? ""
            text += " — \(candidate)\(task.job.flatMap { workspace.job($0) }.map { ", \($0.title)" } ?? "")"
        } else {
            text += " — \(assignee)"
        }
        if task.done, let at = task.doneAt { text += ", done \(workspace.moment(at))" }
        if let left = workspace.leftBehind(task) { text += " (\(left))" }
        return PageLine(text, overdue ? theme[.statusError] : task.done ? theme[.muted] : theme[.card], item: .task(task.id))
    }
}
