import StagehandCore

/// Typing into a form: printable keys go into the focused text field; the form's
/// key table does the rest. Saving is refused while any field shows a problem.
extension Board {
    static func formKey(_ key: Key, _ form: Form, _ state: inout BoardState) -> [Effect] {
        guard let field = form.focusedField else { return [] }
        if form.isReadOnly { return readOnlyFormKey(key, form, &state) }
        var form = form
        var edited = false
        if case .character(let character) = key, field.isText {
            if form.typingReplaces { form.typed = TypedText("") }
            form.typed.insert(character)
            form.presetPicked = false
            edited = true
        } else if let command = KeyMap.form.command(for: key) {
            switch command {
            case .nextField:
                let offered = Forms.completions(for: field)
                let typing = !(field.isList ? field.value.split(separator: ",", omittingEmptySubsequences: false).last.map(String.init) ?? "" : field.value)
                    .trimmingCharacters(in: .whitespaces).isEmpty
                if typing, let first = offered.first {
                    form.set(field.key, Forms.complete(field, with: first))
                    edited = true
                } else {
                    form.focused = (form.focused + 1) % form.fields.count
                }
            case .previousField:
                form.focused = (form.focused + form.fields.count - 1) % form.fields.count
            case .down, .up:
                let down = command == .down
                // In Body and Note the arrows walk the lines first, as in any editor.
                if field.input == .lines, form.typed.apply(down ? .lineDown : .lineUp) { break }
                form.focused = (form.focused + (down ? 1 : form.fields.count - 1)) % form.fields.count
                // Coming down into several lines starts on the first, as in any editor.
                if down, form.focusedField?.input == .lines { form.cursor = 0 }
            case .left where field.arrowsPick, .right where field.arrowsPick:
                guard let next = nextOption(of: field, forward: command == .right) else { break }
                form.set(field.key, next)
                form.presetPicked = true
                edited = true
            case .left:
                form.typed.apply(.left)
            case .right:
                form.typed.apply(.right)
            case .edit(let edit):
                guard field.isText else { break }
                let before = form.typed.text
                form.typed.apply(edit)
                edited = form.typed.text != before
                // Moving the cursor into a preset means editing it, not replacing it.
                form.presetPicked = false
                form.touched.insert(field.key)
            case .saveOrNewLine where field.input == .lines:
                form.typed.insert("\n")
                edited = true
            case .saveOrNewLine, .save:
                return save(form, &state)
            case .cancel:
                // What was typed is not thrown away on one key: a changed form asks first.
                if !form.touched.isEmpty {
                    askBeforeDiscarding(form, &state)
                    return []
                }
                closeForm(&state)
                state.status = StatusLine(kind: .info, text: "Cancelled; nothing saved")
                return []
            }
        }
        if edited {
            form.touched.insert(field.key)
            Forms.fieldChanged(field.key, &form, state: state)
            form.saveError = nil
        }
        Forms.refresh(&form, state: state)
        showForm(form, &state)
        return []
    }

    /// A read-only form moves between fields and closes; anything else says why not.
    static func readOnlyFormKey(_ key: Key, _ form: Form, _ state: inout BoardState) -> [Effect] {
        var form = form
        switch KeyMap.form.command(for: key) {
        case .nextField?, .down?: form.focused = (form.focused + 1) % form.fields.count
        case .previousField?, .up?: form.focused = (form.focused + form.fields.count - 1) % form.fields.count
        case .cancel?:
            closeForm(&state)
            return []
        default:
            _ = mayEditSetup(&state)
        }
        showForm(form, &state)
        return []
    }

    /// ← → walk a choice's options, or a field's presets.
    static func nextOption(of field: FormField, forward: Bool) -> String? {
        let values: [String]
        switch field.input {
        case .choice(let options): values = options.map(\.value)
        case .lineWithPresets(let presets): values = presets
        case .line, .lines: return nil
        }
        guard !values.isEmpty else { return nil }
        guard let index = values.firstIndex(of: field.value) else {
            // A scale with nothing chosen yet starts from its middle, whichever way.
            guard field.wraps else { return values[values.count / 2] }
            return values[forward ? 0 : values.count - 1]
        }
        // A scale stops at its ends: one key too many must not turn "strong yes" into "strong no".
        guard field.wraps else { return values[min(max(index + (forward ? 1 : -1), 0), values.count - 1)] }
        return values[(index + (forward ? 1 : values.count - 1)) % values.count]
    }

    /// Hands a valid form to the core; an invalid one stays open with focus on the first problem.
    static func save(_ form: Form, _ state: inout BoardState) -> [Effect] {
        var form = form
        Forms.refresh(&form, state: state)
        form.showsEveryProblem = true
        if let first = form.fields.firstIndex(where: { form.problems[$0.key] != nil }) {
            form.focused = first
            state.status = StatusLine(kind: .error, text: "Not saved: \(form.problems[form.fields[first].key] ?? "")")
            showForm(form, &state)
            return []
        }
        if form.purpose.isAboutCandidates {
            guard let change = CandidateForms.change(for: form, state: state) else { return [] }
            form.saving = change
            showForm(form, &state)
            return [.change(change, grace: CandidateForms.grace(for: form, state: state))]
        }
        guard mayEditSetup(&state), let change = Forms.change(for: form, state: state) else { return [] }
        showForm(form, &state)
        return [.changeSetup(change)]
    }

    /// Puts the form back where it is shown: over a screen, or on top of the editors.
    static func showForm(_ form: Form, _ state: inout BoardState) {
        switch state.mode {
        case .form(_, let over): state.mode = .form(form, over: over)
        default: replaceEditorScreen(.form(form), &state)
        }
    }

    static func closeForm(_ state: inout BoardState) {
        switch state.mode {
        case .form(_, let over): state.mode = over
        default: closeEditorScreen(&state)
        }
    }

    static func askBeforeDiscarding(_ form: Form, _ state: inout BoardState) {
        let question = Confirmation.discarding(form)
        switch state.mode {
        case .form: state.mode = .question(question, over: .form(form, over: formBehind(state.mode)))
        default: openEditorScreen(.confirm(question), &state)
        }
    }

    private static func formBehind(_ mode: Mode) -> Mode {
        if case .form(_, let over) = mode { return over }
        return .board
    }

    /// Opens a form about candidates over the screen the person is on.
    static func openForm(_ form: Form, _ state: inout BoardState) {
        state.mode = .form(form, over: state.mode)
    }

    /// The core saved the change (the workspace already shows it): the form closes;
    /// a list shows what was added.
    static func setupChanged(_ text: String, _ state: inout BoardState) {
        state.status = StatusLine(kind: .info, text: text)
        guard case .editing(let screens) = state.mode, case .form(let form) = screens.last else { return }
        closeEditorScreen(&state)
        guard case .editing(let rest) = state.mode, let below = rest.last else { return }
        switch (form.purpose, below) {
        case (.action(_, nil), .actions(let owner, _)): replaceEditorScreen(.actions(owner, selected: .max), &state)
        case (.newStage, .pipeline(let ref, _)): replaceEditorScreen(.pipeline(ref, selected: .max), &state)
        case (.template(nil), .templates): replaceEditorScreen(.templates(selected: .max), &state)
        case (.newReason, .reasons): replaceEditorScreen(.reasons(selected: .max), &state)
        case (.newJob, .pipeline):
            // The new job is the last one: the board and the pipeline editor go to it.
            guard let job = state.workspace.setup.jobs.last else { break }
            switchJob(by: state.workspace.setup.jobs.count - 1 - state.jobIndex, &state)
            replaceEditorScreen(.pipeline(.job(job.id), selected: 0), &state)
        default: break
        }
        // `.max` stands for "the last one": make it a row that exists before anything draws it.
        refreshEditors(&state)
    }

    /// After the workspace changed: lists keep a valid selection, the form re-checks its fields.
    static func refreshEditors(_ state: inout BoardState) {
        guard case .editing(let screens) = state.mode else { return }
        let workspace = state.workspace
        func clamp(_ selected: Int, _ count: Int) -> Int { min(max(selected, 0), max(0, count - 1)) }
        state.mode = .editing(
            screens.map { screen in
                switch screen {
                case .actions(let owner, let selected):
                    return .actions(owner, selected: clamp(selected, workspace.actions(of: owner)?.count ?? 0))
                case .pipeline(let ref, let selected):
                    return .pipeline(ref, selected: clamp(selected, workspace.pipeline(ref)?.count ?? 0))
                case .templates(let selected):
                    return .templates(selected: clamp(selected, workspace.setup.emailTemplates.count))
                case .reasons(let selected):
                    return .reasons(selected: clamp(selected, workspace.setup.disqualificationReasons.count))
                case .form(var form):
                    Forms.refresh(&form, state: state)
                    return .form(form)
                case .confirm:
                    return screen
                }
            })
    }
}
