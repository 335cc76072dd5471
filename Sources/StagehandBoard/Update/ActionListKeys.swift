import StagehandCore

/// The automations of a stage or a reason: add, open, remove, reorder.
extension Board {
    static func actionListCommand(_ command: ActionListCommand, _ owner: ActionOwner, _ selected: Int, _ state: inout BoardState) -> [Effect] {
        let actions = state.workspace.stageActions(of: owner) ?? []
        let workspace = state.workspace
        switch command {
        case .select(let step):
            replaceEditorScreen(.actions(owner, selected: select(selected, by: step, count: actions.count, state)), &state)
        case .add:
            // A stage or reason removed meanwhile takes no new actions.
            guard workspace.stageActions(of: owner) != nil, mayEditSetup(&state) else { break }
            let draft = ActionDraft(kind: .sendEmail, in: workspace)
            openEditorScreen(.form(Forms.action(draft, owner: owner, replacing: nil, state: state)), &state)
        case .open:
            // Anyone may open an action to read all of it; only editors may change it.
            guard actions.indices.contains(selected) else { break }
            var form = Forms.action(ActionDraft(actions[selected].action, after: actions[selected].after, in: workspace), owner: owner, replacing: selected, state: state)
            form.isReadOnly = workspace.readOnlyNotice(for: state.me) != nil
            openEditorScreen(.form(form), &state)
        case .remove:
            guard actions.indices.contains(selected), mayEditSetup(&state) else { break }
            let summary = workspace.summary(of: actions[selected], forDisqualification: owner.isReason)
            ask("Remove action \(selected + 1) of \(workspace.ownerName(owner)): \(summary)?", change: .removeAction(owner: owner, index: selected, expecting: actions[selected]), &state)
        case .earlier, .later:
            let target = selected + (command == .earlier ? -1 : 1)
            guard actions.indices.contains(selected), actions.indices.contains(target), mayEditSetup(&state) else { break }
            replaceEditorScreen(.actions(owner, selected: target), &state)
            return [.changeSetup(.moveAction(owner: owner, from: selected, to: target, expecting: actions[selected]))]
        case .back: closeEditorScreen(&state)
        }
        return []
    }
}
