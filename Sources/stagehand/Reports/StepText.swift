import StagehandCore

/// How the command line words the state of one action: the same for every command.
enum StepText {
    static func name(_ step: ActionStep) -> String {
        if case .done = step.state, step.email != nil { return "sent" }
        return step.state.name
    }

    static func describe(_ step: ActionStep, in workspace: Workspace) -> String {
        if let email = step.email.flatMap({ workspace.emails[$0] }), email.status == .scheduled, let failure = email.failure {
            return "not sent yet — \(failure); trying again at \(workspace.moment(email.dueAt))"
        }
        return switch step.state {
        case .scheduled(let at): "scheduled for \(workspace.moment(at))"
        case .skipped(let why): "skipped — \(why)"
        case .failed(let why): "failed — \(why)"
        default: name(step)
        }
    }
}
