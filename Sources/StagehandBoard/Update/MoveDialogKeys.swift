import StagehandCore

extension Board {
    static func moveDialogCommand(_ command: MoveDialogCommand, _ dialog: MoveDialog, over: Mode, _ state: inout BoardState) -> [Effect] {
        state.mode = over
        switch command {
        case .runActions where !dialog.plan.hasActions:
            // Nothing to run: r is not offered, and does not move anyone either.
            state.mode = .moveDialog(dialog, over: over)
            state.status = StatusLine(kind: .info, text: "There are no actions to run: w moves them, Esc goes back")
        case .runActions: return confirm(dialog, .runActions, &state)
        case .withoutActions: return confirm(dialog, .withoutActions, &state)
        case .highlight(let step):
            var dialog = dialog
            let choices = dialog.choices
            let index = choices.firstIndex(of: dialog.highlighted) ?? 0
            dialog.highlighted = choices[step.apply(to: index, count: choices.count, page: choices.count)]
            state.mode = .moveDialog(dialog, over: over)
        case .choose:
            switch dialog.highlighted {
            case .runActions: return confirm(dialog, .runActions, &state)
            case .withoutActions: return confirm(dialog, .withoutActions, &state)
            case .cancel: cancelMove(&state)
            }
        case .cancel:
            cancelMove(&state)
        }
        return []
    }

    static func cancelMove(_ state: inout BoardState) {
        state.status = StatusLine(kind: .info, text: "Move cancelled; nothing changed")
    }

    /// Commits the plan the dialog showed, as the person answered it.
    static func confirm(_ dialog: MoveDialog, _ choice: MoveChoice, _ state: inout BoardState) -> [Effect] {
        let plan = dialog.plan
        let request = MoveRequest(
            candidates: plan.moves.map(\.candidate), job: plan.job, target: plan.target, mover: plan.mover, letsSomeStay: true)
        if let target = state.job?.stageIndex(plan.target) { follow(plan.moves.first?.candidate, to: target, &state) }
        if dialog.question == .bulk { state.bulkProgress = BulkProgress(done: 0, total: plan.moves.count) }
        // A bulk move cannot be cancelled once it starts: its actions run at once.
        let grace = dialog.question == .bulk ? nil : Optional(state.workspace.setup.settings.gracePeriodSeconds)
        return [.change(.move(request, choice: choice), grace: grace)]
    }
}
