import StagehandCore

extension Board {
    /// The reasons `d` offers, each with the actions it runs.
    static func drawDisqualifyPicker(_ candidate: CandidateID, selected: Int, _ state: BoardState, on frame: inout Frame) {
        let workspace = state.workspace
        let theme = state.theme
        let reasons = workspace.setup.disqualificationReasons
        let name = workspace.candidates[candidate]?.name ?? ""
        var rows: [(String, Bool)] = []
        for (index, reason) in reasons.enumerated() {
            rows.append(("\(reason.name)\(reason.actions.isEmpty ? "" : " \(state.symbols.bolt)")", index == selected))
            for action in reason.actions { rows.append(("    \(workspace.summary(of: action, forDisqualification: true))", false)) }
        }
        if reasons.isEmpty { rows.append(("No disqualification reasons are set up.", false)) }
        let box = Box.centred(width: min(frame.width - 4, 80), height: rows.count + 3, in: frame)
        box.draw(on: &frame, symbols: state.symbols, style: theme[.dialog], border: theme[.dialogBorder], title: "Disqualify \(name): why?")
        for (index, row) in rows.enumerated() {
            box.line(index, row.0, on: &frame, style: row.1 ? theme[.dialogHighlight] : theme[.dialog])
        }
    }
}
