import StagehandCore

extension Board {
    /// The question before a move: who moves, who stays and why, what the stage will
    /// run for them, and what pending work the move cancels, by name.
    static func drawMoveDialog(_ dialog: MoveDialog, _ state: BoardState, on frame: inout Frame) {
        let workspace = state.workspace
        let theme = state.theme
        let plan = dialog.plan
        let stage = workspace.job(plan.job)?.stage(plan.target)?.name ?? ""
        var lines: [String] = []
        let title: String
        switch dialog.question {
        case .revisit:
            let name = plan.moves.first.map { workspace.name(of: $0.candidate) } ?? ""
            title = "Back to \(stage)?"
            lines.append("\(name) has been in \(stage) before.")
            lines.append("Run its actions again?")
        case .bulk:
            let asked = plan.moves.count + plan.staying.count
            title = plan.staying.isEmpty ? "Move \(plan.moves.count) candidates to \(stage)?" : "Move \(plan.moves.count) of \(asked) candidates to \(stage)?"
            lines.append("Moving: " + listed(plan.moves.map { workspace.name(of: $0.candidate) }))
            if !plan.staying.isEmpty {
                lines.append(
                    "Staying where \(plan.staying.count == 1 ? "they are" : "they are (\(plan.staying.count))"): "
                        + listed(plan.staying.map { "\(workspace.name(of: $0.candidate)) (\($0.why))" }))
            }
            lines.append("This cannot be cancelled once it starts.")
        }
        if plan.actions.isEmpty {
            lines.append("\(stage) has no automatic actions.")
        } else {
            lines.append("\(state.symbols.bolt) \(stage) will run:")
            for (index, action) in plan.actions.enumerated() {
                let skipped = plan.moves.filter { !$0.actions[index].willRun }
                var text = "  \(index + 1). \(workspace.summary(of: action))"
                if let reason = skipped.first?.actions[index].skipReason {
                    text += plan.isBulk ? " — skipped for \(skipped.count) (\(reason))" : " — skipped: \(reason)"
                }
                lines.append(text)
            }
        }
        let cancelled = plan.moves.flatMap { move in move.cancels.map { "\($0.summary) for \(workspace.name(of: move.candidate))" } }
        if !cancelled.isEmpty {
            lines.append("Cancels \(counted(cancelled.count, "pending action")):")
            let shown = cancelled.count > 5 ? 4 : cancelled.count
            lines += cancelled.prefix(shown).map { "  \($0)" }
            if shown < cancelled.count { lines.append("  \(state.symbols.ellipsis) and \(cancelled.count - shown) more") }
        }
        let choices = dialog.choices.map { choiceLabel($0, dialog) }
        let width = min(frame.width - 4, 72)
        let wrapped = lines.flatMap { wrap($0, width: width - 4) }
        let box = Box.centred(width: width, height: wrapped.count + choices.count + 4, in: frame)
        box.draw(on: &frame, symbols: state.symbols, style: theme[.dialog], border: theme[.dialogBorder], title: title)
        for (index, line) in wrapped.enumerated() { box.line(index, line, on: &frame, style: theme[.dialog]) }
        for (index, choice) in choices.enumerated() {
            let row = wrapped.count + 1 + index
            let style = dialog.choices[index] == dialog.highlighted ? theme[.dialogHighlight] : theme[.dialog]
            box.line(row, choice, on: &frame, style: style)
        }
    }

    static func choiceLabel(_ choice: MoveDialog.Choice, _ dialog: MoveDialog) -> String {
        switch (choice, dialog.question) {
        case (.runActions, .revisit): "[r] Run the actions again"
        case (.runActions, .bulk): "[r] Move and run actions"
        case (.withoutActions, _) where dialog.plan.actions.isEmpty: "[w] Move"
        case (.withoutActions, _): "[w] Move without actions"
        case (.cancel, .revisit): "[Esc] Cancel the move"
        case (.cancel, .bulk): "[Esc] Back"
        }
    }

    /// Names in a sentence, the first few of a long list and how many more.
    static func listed(_ names: [String], limit: Int = 8) -> String {
        guard names.count > limit else { return names.joined(separator: ", ") }
        return names.prefix(limit - 1).joined(separator: ", ") + " and \(names.count - limit + 1) more"
    }
}
