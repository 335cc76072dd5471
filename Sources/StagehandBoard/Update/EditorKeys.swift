import StagehandCore

/// Keys on the setup editors' list screens: automations, pipelines, templates, reasons.
extension Board {
    static func editorKey(_ key: Key, _ screens: [EditorScreen], _ state: inout BoardState) -> [Effect] {
        // A status answers the last key; the next one brings the bar's keys back, as on the board.
        state.status = nil
        guard let top = screens.last else {
            state.mode = .board
            return []
        }
        if case .form(let form) = top { return formKey(key, form, &state) }
        guard let command = KeyMap.command(for: key, in: state.mode) else { return [] }
        if command == .back {
            closeEditorScreen(&state)
            return []
        }
        switch top {
        case .actions(let owner, let selected): return actionListCommand(command, owner, selected, &state)
        case .pipeline(let ref, let selected): return pipelineCommand(command, ref, selected, &state)
        case .templates(let selected): return templateListCommand(command, selected, &state)
        case .reasons(let selected): return reasonListCommand(command, selected, &state)
        case .confirm(let confirmation):
            closeEditorScreen(&state)
            if command == .confirmYes { return [.changeSetup(confirmation.change)] }
            state.status = StatusLine(kind: .info, text: "Kept; nothing changed")
            return []
        case .form: return []
        }
    }

    // MARK: The stack

    static func openEditorScreen(_ screen: EditorScreen, _ state: inout BoardState) {
        if case .editing(let screens) = state.mode {
            state.mode = .editing(screens + [screen])
        } else {
            state.mode = .editing([screen])
        }
    }

    static func closeEditorScreen(_ state: inout BoardState) {
        guard case .editing(var screens) = state.mode else { return }
        screens.removeLast()
        state.mode = screens.isEmpty ? .board : .editing(screens)
    }

    static func replaceEditorScreen(_ screen: EditorScreen, _ state: inout BoardState) {
        guard case .editing(var screens) = state.mode, !screens.isEmpty else { return }
        screens[screens.count - 1] = screen
        state.mode = .editing(screens)
    }

    /// Asks before a removal — unless the core would refuse it anyway: then the
    /// reason shows at once rather than after a "yes".
    static func ask(_ confirmation: Confirmation, _ state: inout BoardState) {
        if let refusal = Forms.refusal(of: confirmation.change, state: state) {
            state.status = StatusLine(kind: .error, text: refusal)
            return
        }
        openEditorScreen(.confirm(confirmation), &state)
    }

    /// Changing the setup needs both automation permissions; the refusal says which is missing.
    static func mayEditSetup(_ state: inout BoardState) -> Bool {
        guard let notice = state.workspace.readOnlyNotice(for: state.me) else { return true }
        state.status = StatusLine(kind: .error, text: notice)
        return false
    }

    static func select(_ selected: Int, by command: Command, count: Int) -> Int {
        let next = selected + (command == .choiceUp ? -1 : 1)
        return min(max(next, 0), max(0, count - 1))
    }

    // MARK: Screens

    static func actionListCommand(_ command: Command, _ owner: ActionOwner, _ selected: Int, _ state: inout BoardState) -> [Effect] {
        let actions = state.workspace.actions(of: owner) ?? []
        let workspace = state.workspace
        switch command {
        case .choiceUp, .choiceDown:
            replaceEditorScreen(.actions(owner, selected: select(selected, by: command, count: actions.count)), &state)
        case .addItem:
            // A stage or reason removed meanwhile takes no new actions.
            guard workspace.actions(of: owner) != nil, mayEditSetup(&state) else { break }
            let draft = ActionDraft(kind: .sendEmail, in: workspace)
            openEditorScreen(.form(Forms.action(draft, owner: owner, replacing: nil, state: state)), &state)
        case .editItem:
            // Anyone may open an action to read all of it; only editors may change it.
            guard actions.indices.contains(selected) else { break }
            var form = Forms.action(ActionDraft(actions[selected], in: workspace), owner: owner, replacing: selected, state: state)
            form.isReadOnly = workspace.readOnlyNotice(for: state.me) != nil
            openEditorScreen(.form(form), &state)
        case .removeItem:
            guard actions.indices.contains(selected), mayEditSetup(&state) else { break }
            let summary = workspace.summary(of: actions[selected], forDisqualification: owner.isReason)
            ask(
                Confirmation(
                    question: "Remove action \(selected + 1) of \(workspace.ownerName(owner)): \(summary)?",
                    change: .removeAction(owner: owner, index: selected, expecting: actions[selected])), &state)
        case .moveItemUp, .moveItemDown:
            let target = selected + (command == .moveItemUp ? -1 : 1)
            guard actions.indices.contains(selected), actions.indices.contains(target), mayEditSetup(&state) else { break }
            replaceEditorScreen(.actions(owner, selected: target), &state)
            return [.changeSetup(.moveAction(owner: owner, from: selected, to: target, expecting: actions[selected]))]
        default: break
        }
        return []
    }

    static func pipelineCommand(_ command: Command, _ ref: PipelineRef, _ selected: Int, _ state: inout BoardState) -> [Effect] {
        let workspace = state.workspace
        let stages = workspace.pipeline(ref) ?? []
        let stage = stages.indices.contains(selected) ? stages[selected] : nil
        let title = workspace.pipelineName(ref)
        switch command {
        case .choiceUp, .choiceDown:
            replaceEditorScreen(.pipeline(ref, selected: select(selected, by: command, count: stages.count)), &state)
        case .openItemActions:
            guard let stage else { break }
            openEditorScreen(.actions(.stage(ref, stage.id), selected: 0), &state)
        case .addItem:
            guard mayEditSetup(&state) else { break }
            openEditorScreen(.form(Forms.name(.newStage(ref), title: "New stage for \(title)", label: "Stage name", state: state)), &state)
        case .renameItem:
            guard let stage, mayEditSetup(&state) else { break }
            let form = Forms.name(.renameStage(ref, stage.id), title: "Rename \(stage.name) (\(title))", label: "Stage name", value: stage.name, state: state)
            openEditorScreen(.form(form), &state)
        case .removeItem:
            guard let stage, mayEditSetup(&state) else { break }
            let occupants = workspace.occupants(of: stage.id, in: ref).count
            if occupants > 0 {
                openEditorScreen(.form(Forms.removeStage(ref, stage, occupants: occupants, state: state)), &state)
            } else {
                let actions = stage.actions.count
                let note = actions == 0 ? "" : " Its \(actions) automatic action\(actions == 1 ? " goes" : "s go") with it."
                ask(
                    Confirmation(
                        question: "Remove the stage \(stage.name) from \(title)?\(note)",
                        change: .removeStage(ref, stage.id, movingTo: nil)), &state)
            }
        case .moveItemUp, .moveItemDown:
            let target = selected + (command == .moveItemUp ? -1 : 1)
            guard let stage, stages.indices.contains(target), mayEditSetup(&state) else { break }
            replaceEditorScreen(.pipeline(ref, selected: target), &state)
            return [.changeSetup(.moveStage(ref, stage.id, to: target))]
        case .switchPipeline:
            let other: PipelineRef? =
                switch ref {
                case .job: .defaultTemplate
                case .defaultTemplate: state.job.map { .job($0.id) }
                }
            if let other { replaceEditorScreen(.pipeline(other, selected: 0), &state) }
        case .newJob:
            guard mayEditSetup(&state) else { break }
            let form = Forms.name(.newJob, title: "New job (its pipeline is a copy of the default template)", label: "Job title", state: state)
            openEditorScreen(.form(form), &state)
        case .toggleJobStatus:
            guard case .job(let id) = ref, let job = workspace.job(id), mayEditSetup(&state) else { break }
            return [.changeSetup(.setJobStatus(id, job.status == .open ? .closed : .open))]
        default: break
        }
        return []
    }

    static func templateListCommand(_ command: Command, _ selected: Int, _ state: inout BoardState) -> [Effect] {
        let templates = state.workspace.setup.emailTemplates
        let template = templates.indices.contains(selected) ? templates[selected] : nil
        switch command {
        case .choiceUp, .choiceDown:
            replaceEditorScreen(.templates(selected: select(selected, by: command, count: templates.count)), &state)
        case .addItem:
            guard mayEditSetup(&state) else { break }
            openEditorScreen(.form(Forms.template(nil, state: state)), &state)
        case .editItem:
            guard let template else { break }
            var form = Forms.template(template.id, state: state)
            form.isReadOnly = state.workspace.readOnlyNotice(for: state.me) != nil
            openEditorScreen(.form(form), &state)
        case .removeItem:
            guard let template, mayEditSetup(&state) else { break }
            ask(
                Confirmation(question: "Remove the email template \(template.name)?", change: .removeTemplate(template.id)),
                &state)
        default: break
        }
        return []
    }

    static func reasonListCommand(_ command: Command, _ selected: Int, _ state: inout BoardState) -> [Effect] {
        let reasons = state.workspace.setup.disqualificationReasons
        let reason = reasons.indices.contains(selected) ? reasons[selected] : nil
        switch command {
        case .choiceUp, .choiceDown:
            replaceEditorScreen(.reasons(selected: select(selected, by: command, count: reasons.count)), &state)
        case .openItemActions:
            guard let reason else { break }
            openEditorScreen(.actions(.reason(reason.id), selected: 0), &state)
        case .addItem:
            guard mayEditSetup(&state) else { break }
            openEditorScreen(.form(Forms.name(.newReason, title: "New disqualification reason", label: "Reason", state: state)), &state)
        case .renameItem:
            guard let reason, mayEditSetup(&state) else { break }
            let form = Forms.name(.renameReason(reason.id), title: "Rename the reason \(reason.name)", label: "Reason", value: reason.name, state: state)
            openEditorScreen(.form(form), &state)
        case .removeItem:
            guard let reason, mayEditSetup(&state) else { break }
            ask(
                Confirmation(question: "Remove the disqualification reason \(reason.name)?", change: .removeReason(reason.id)),
                &state)
        default: break
        }
        return []
    }
}
