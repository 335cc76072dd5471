import StagehandCore

/// The email templates: add, open, remove.
extension Board {
    static func templateListCommand(_ command: TemplateListCommand, _ selected: Int, _ state: inout BoardState) -> [Effect] {
        let templates = state.workspace.setup.emailTemplates
        let template = templates.indices.contains(selected) ? templates[selected] : nil
        switch command {
        case .select(let step):
            replaceEditorScreen(.templates(selected: select(selected, by: step, count: templates.count, state)), &state)
        case .add:
            guard mayEditSetup(&state) else { break }
            openEditorScreen(.form(Forms.template(nil, state: state)), &state)
        case .open:
            guard let template else { break }
            var form = Forms.template(template.id, state: state)
            form.isReadOnly = state.workspace.readOnlyNotice(for: state.me) != nil
            openEditorScreen(.form(form), &state)
        case .remove:
            guard let template, mayEditSetup(&state) else { break }
            ask("Remove the email template \(template.name)?", change: .removeTemplate(template.id), &state)
        case .back: closeEditorScreen(&state)
        }
        return []
    }
}
