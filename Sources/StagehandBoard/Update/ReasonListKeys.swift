import StagehandCore

/// The disqualification reasons: add, rename, remove, their actions.
extension Board {
    static func reasonListCommand(_ command: ReasonListCommand, _ selected: Int, _ state: inout BoardState) -> [Effect] {
        let reasons = state.workspace.setup.disqualificationReasons
        let reason = reasons.indices.contains(selected) ? reasons[selected] : nil
        switch command {
        case .select(let step):
            replaceEditorScreen(.reasons(selected: select(selected, by: step, count: reasons.count, state)), &state)
        case .openActions:
            guard let reason else { break }
            openEditorScreen(.actions(.reason(reason.id), selected: 0), &state)
        case .add:
            guard mayEditSetup(&state) else { break }
            openEditorScreen(.form(Forms.name(.newReason, title: "New disqualification reason", label: "Reason", state: state)), &state)
        case .rename:
            guard let reason, mayEditSetup(&state) else { break }
            let form = Forms.name(.renameReason(reason.id), title: "Rename the reason \(reason.name)", label: "Reason", value: reason.name, state: state)
            openEditorScreen(.form(form), &state)
        case .remove:
            guard let reason, mayEditSetup(&state) else { break }
            ask("Remove the disqualification reason \(reason.name)?", change: .removeReason(reason.id), &state)
        case .back: closeEditorScreen(&state)
        }
        return []
    }
}
