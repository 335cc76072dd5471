import StagehandCore

/// How the command line words the state of one action: the same for every command.
enum StepText {
    /// The state as `--json` names it.
    static func name(_ step: ActionStep) -> String {
        if case .done = step.state, step.email != nil { return "sent" }
        return step.state.name
    }

    /// A state for a person to read: a done step in the words of what it made, as
    /// "done" beside a task would read as if the task itself were finished.
    static func readable(_ state: String, of kind: AutomaticAction.Kind) -> String {
        guard state == "done" else { return state }
        return switch kind {
        case .sendEmail: "sent"
        case .addTask: "created"
        case .addNote, .addTags, .addFollowers: "added"
        case .requestEvaluation: "requested"
        case .assign: "assigned"
        }
    }

    /// For an email step whose attempt failed and waits to be tried again: why, and when.
    static func retry(of step: ActionStep, in workspace: Workspace) -> String? {
        guard case .retrying(let at, let why)? = workspace.trouble(of: step) else { return nil }
        return "not sent yet: \(continuing(withoutFinalStop(why))); trying again at \(workspace.moment(at))"
    }

    /// For an email due now that this process could not send (no password, no server):
    /// it waits, and goes out from the next board or dispatch that can send it.
    static func waiting(_ step: ActionStep, in workspace: Workspace, because problem: String?) -> String? {
        guard workspace.trouble(of: step) == .notTakenToSend else { return nil }
        let why = problem.map { "not sent yet: \(continuing(withoutFinalStop($0)))" } ?? "not sent yet"
        return why + "; it goes out from the next board or dispatch that can send mail"
    }

    static func describe(_ step: ActionStep, in workspace: Workspace) -> String {
        if let retry = retry(of: step, in: workspace) { return retry }
        return switch step.state {
        case .scheduled(let at): "scheduled for \(workspace.moment(at))"
        case .skipped(let why): "skipped — \(why)"
        case .failed(let why): "failed — \(why)"
        default: readable(name(step), of: step.action.kind)
        }
    }
}
