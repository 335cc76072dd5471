import StagehandCore

extension Board {
    static func drawMoveDialog(_ dialog: MoveDialog, _ state: BoardState, on frame: inout Frame) {
        let workspace = state.workspace
        let theme = state.theme
        let plan = dialog.plan
        let stage = workspace.job(plan.job)?.stage(plan.target)?.name ?? ""
        var lines: [String] = []
        let title: String
        let choices: [String]
        switch dialog.question {
        case .revisit:
            let name = plan.moves.first.flatMap { workspace.candidates[$0.candidate]?.name } ?? ""
            title = "Back to \(stage)?"
            lines.append("\(name) has been in \(stage) before.")
            lines.append("Run its actions again?")
            choices = ["[r] Run the actions again", "[w] Move without actions", "[Esc] Cancel the move"]
        case .bulk:
            title = "Move \(plan.moves.count) candidates to \(stage)?"
            lines.append("This cannot be cancelled once it starts.")
            choices = ["[r] Move and run actions", "[w] Move without actions", "[Esc] Back"]
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
        let cancels = plan.cancelCount
        if cancels > 0 { lines.append("Cancels \(cancels) pending action\(cancels == 1 ? "" : "s").") }
        let width = min(frame.width - 4, 72)
        let wrapped = lines.flatMap { wrap($0, width: width - 4) }
        let box = Box.centred(width: width, height: wrapped.count + choices.count + 4, in: frame)
        box.draw(on: &frame, symbols: state.symbols, style: theme[.dialog], border: theme[.dialogBorder], title: title)
        for (index, line) in wrapped.enumerated() { box.line(index, line, on: &frame, style: theme[.dialog]) }
        for (index, choice) in choices.enumerated() {
            let row = wrapped.count + 1 + index
            let style = MoveDialog.choices[index] == dialog.highlighted ? theme[.dialogHighlight] : theme[.dialog]
            box.line(row, choice, on: &frame, style: style)
        }
    }
}
