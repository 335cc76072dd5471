import StagehandCore

extension Board {
    /// The question before a move: who moves, who stays and why, what the stage will
    /// run for them, and what pending work the move cancels, by name.
    static func drawMoveDialog(_ dialog: MoveDialog, _ state: BoardState, on frame: inout Frame) {
        let theme = state.theme
        let width = min(frame.width - 4, 72)
        let choices = dialog.choices.map { choiceLabel($0, dialog) }
        // The choices always show: on a short screen the lists give way first, then the rest is cut.
        let room = max(1, frame.height - 4 - choices.count - 4)
        var wrapped = moveDialogLines(dialog, state, names: 12, cancels: 4).flatMap { wrap($0, width: width - 4) }
        if wrapped.count > room {
            wrapped = moveDialogLines(dialog, state, names: 3, cancels: 1).flatMap { wrap($0, width: width - 4) }
        }
        if wrapped.count > room {
            wrapped = Array(wrapped.prefix(room - 1)) + ["\(state.symbols.ellipsis) (a taller terminal shows the rest)"]
        }
        let box = Box.centred(width: width, height: wrapped.count + choices.count + 4, in: frame)
        box.draw(on: &frame, symbols: state.symbols, style: theme[.dialog], border: theme[.dialogBorder], title: moveDialogTitle(dialog, state))
        for (index, line) in wrapped.enumerated() { box.line(index, line, on: &frame, style: theme[.dialog]) }
        for (index, choice) in choices.enumerated() {
            let row = wrapped.count + 1 + index
            let style = dialog.choices[index] == dialog.highlighted ? theme[.dialogHighlight] : theme[.dialog]
            box.line(row, choice, on: &frame, style: style)
        }
    }

    static func moveDialogTitle(_ dialog: MoveDialog, _ state: BoardState) -> String {
        let plan = dialog.plan
        let stage = state.workspace.job(plan.job)?.stage(plan.target)?.name ?? ""
        switch dialog.question {
        case .revisit: return "Back to \(stage)?"
        case .bulk:
            let asked = plan.moves.count + plan.staying.count
            let count = plan.staying.isEmpty ? "\(plan.moves.count)" : "\(plan.moves.count) of \(asked)"
            return "Move \(count) candidate\(asked == 1 ? "" : "s") to \(stage)?"
        }
    }

    /// What waits for a time in the stage once the candidates are there: "⏱ Later, if still in Offer:".
    static func timedLines(_ plan: MovePlan, _ state: BoardState) -> [String] {
        guard !plan.timedActions.isEmpty else { return [] }
        let stage = state.workspace.job(plan.job)?.stage(plan.target)?.name ?? ""
        return ["\(state.symbols.timer) Later, while still in \(stage):"]
            + plan.timedActions.map { "  after \($0.after.spelledOut): \(summary(of: $0.action, plan, state, waiting: true))" }
    }

    /// For one candidate, with the placeholders filled as the note or task will read;
    /// for several, as written (each gets their own).
    static func summary(of action: AutomaticAction, _ plan: MovePlan, _ state: BoardState, waiting: Bool = false) -> String {
        guard plan.moves.count == 1, let move = plan.moves.first else { return state.workspace.summary(of: action, waiting: waiting) }
        return state.workspace.summary(of: action, for: move.candidate, movingTo: plan.target, in: plan.job, by: state.me, waiting: waiting)
    }

    /// What the dialog says before its choices, naming at most `names` people per
    /// list and `cancels` of the pending actions it cancels.
    static func moveDialogLines(_ dialog: MoveDialog, _ state: BoardState, names: Int, cancels: Int) -> [String] {
        let workspace = state.workspace
        let plan = dialog.plan
        let stage = workspace.job(plan.job)?.stage(plan.target)?.name ?? ""
        var lines: [String] = []
        switch dialog.question {
        case .revisit:
            let name = plan.moves.first.map { workspace.name(of: $0.candidate) } ?? ""
            lines.append("\(name) has been in \(stage) before.")
            lines.append("Run its actions again?")
        case .bulk:
            lines.append("Moving: " + listed(plan.moves.map { workspace.name(of: $0.candidate) }, limit: names))
            if !plan.staying.isEmpty {
                lines.append(
                    "Staying where \(plan.staying.count == 1 ? "they are" : "they are (\(plan.staying.count))"): "
                        + listed(plan.staying.map { "\(workspace.name(of: $0.candidate)) (\($0.why))" }, limit: names))
            }
            // A bulk move asks no question per person: say who would get the stage's actions a second time.
            let back = plan.moves.filter(\.isRevisit)
            if plan.hasActions, !back.isEmpty {
                let who = back.count == plan.moves.count ? "All of them" : listed(back.map { workspace.name(of: $0.candidate) }, limit: names)
                lines.append("\(who) \(back.count == 1 ? "was" : "were") in \(stage) before; [r] runs its actions again.")
            }
            if !plan.actions.isEmpty {
                let delayed = plan.actions.contains { if case .sendEmail(let email) = $0 { email.delay != nil } else { false } }
                lines.append(
                    delayed
                        ? "Once started, the moves and their other actions cannot be cancelled; [c] cancels the delayed emails while they wait."
                        : "Once started, the actions cannot be cancelled.")
            }
        }
        if !plan.hasActions {
            lines.append("\(stage) has no automatic actions.")
        } else if !plan.actions.isEmpty {
            lines.append("\(state.symbols.bolt) \(stage) will run:")
            for (index, action) in plan.actions.enumerated() {
                let skipped = plan.moves.filter { !$0.actions[index].willRun }
                var text = "  \(index + 1). \(summary(of: action, plan, state))"
                if let reason = skipped.first?.actions[index].skipReason {
                    text += plan.isBulk ? " — skipped for \(skipped.count) (\(reason))" : " — skipped: \(reason)"
                }
                lines.append(text)
            }
        }
        lines += timedLines(plan, state)
        let cancelled = plan.moves.flatMap { move in move.cancels.map { "\($0.summary) for \(workspace.name(of: move.candidate))" } }
        if !cancelled.isEmpty {
            lines.append("Cancels \(counted(cancelled.count, "pending action")):")
            let shown = cancelled.count > cancels ? max(0, cancels - 1) : cancelled.count
            lines += cancelled.prefix(shown).map { "  \($0)" }
            if shown < cancelled.count { lines.append("  \(state.symbols.ellipsis) and \(cancelled.count - shown) more") }
        }
        return lines
    }

    static func choiceLabel(_ choice: MoveDialog.Choice, _ dialog: MoveDialog) -> String {
        switch (choice, dialog.question) {
        case (.runActions, .revisit): "[r] Run the actions again"
        case (.runActions, .bulk): "[r] Move and run actions"
        case (.withoutActions, _) where !dialog.plan.hasActions: "[w] Move"
        case (.withoutActions, _): "[w] Move without actions"
        case (.cancel, .revisit): "[Esc] Cancel the move"
        case (.cancel, .bulk): "[Esc] Back"
        }
    }
}
