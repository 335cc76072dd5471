import StagehandCore

/// The setup editors' stack of screens, and which screen's keys read a key.
extension Board {
    static func editorKey(_ key: Key, _ screens: [EditorScreen], _ state: inout BoardState) -> [Effect] {
        // A status answers the last key; the next one brings the bar's keys back, as on the board.
        state.status = nil
        switch screens.last {
        case .actions(let owner, let selected)?:
            return KeyMap.actionList.command(for: key).map { actionListCommand($0, owner, selected, &state) } ?? []
        case .pipeline(let ref, let selected)?:
            return KeyMap.pipeline.command(for: key).map { pipelineCommand($0, ref, selected, &state) } ?? []
        case .templates(let selected)?:
            return KeyMap.templates.command(for: key).map { templateListCommand($0, selected, &state) } ?? []
        case .reasons(let selected)?:
            return KeyMap.reasons.command(for: key).map { reasonListCommand($0, selected, &state) } ?? []
        case .confirm(let confirmation)?:
            return KeyMap.confirm.command(for: key).map { confirmCommand($0, confirmation, &state) } ?? []
        case .form(let form)?:
            return formKey(key, form, &state)
        case nil:
            state.mode = .board
            return []
        }
    }

    /// A question answered: yes does what it asked about; no, the safe default, keeps everything.
    static func confirmCommand(_ command: ConfirmCommand, _ confirmation: Confirmation, _ state: inout BoardState) -> [Effect] {
        if case .question(_, let over) = state.mode { state.mode = over } else { closeEditorScreen(&state) }
        switch (command, confirmation.yes) {
        case (.yes, .carryOut(let effect)): return [effect]
        case (.yes, .discardForm):
            closeForm(&state)
            state.status = StatusLine(kind: .info, text: "Cancelled; nothing saved")
            return []
        case (.no, .discardForm):
            state.status = StatusLine(kind: .info, text: "Still editing; nothing was thrown away")
            return []
        case (.no, .carryOut):
            state.status = StatusLine(kind: .info, text: "Kept; nothing changed")
            return []
        }
    }

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
    static func ask(_ question: String, change: SetupChange, _ state: inout BoardState) {
        if let refusal = Forms.refusal(of: change, state: state) {
            state.status = StatusLine(kind: .error, text: refusal)
            return
        }
        openEditorScreen(.confirm(Confirmation(question: question, effect: .changeSetup(change))), &state)
    }

    /// Changing the setup needs both automation permissions; the refusal says which is missing.
    static func mayEditSetup(_ state: inout BoardState) -> Bool {
        guard let notice = state.workspace.readOnlyNotice(for: state.me) else { return true }
        state.status = StatusLine(kind: .error, text: notice)
        return false
    }

    /// The row a list step leads to on a list screen of `count` rows.
    static func select(_ selected: Int, by step: ListStep, count: Int, _ state: BoardState) -> Int {
        step.apply(to: selected, count: count, page: pageRoom(state))
    }
}
