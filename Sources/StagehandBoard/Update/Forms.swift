import Foundation
import StagehandCore

/// Builds the editors' forms and checks them with the core's rules after every
/// keystroke, so a problem shows next to its field before anything is saved.
enum Forms {
    static let kindLabels: [AutomaticAction.Kind: String] = [
        .sendEmail: "Send an email", .addNote: "Add a note", .addTask: "Add a task", .addTags: "Add tags",
        .requestEvaluation: "Request an evaluation", .addFollowers: "Add followers", .assign: "Assign to a job or pool",
    ]

    // MARK: Building

    static func action(_ draft: ActionDraft, owner: ActionOwner, replacing: Int?, state: BoardState) -> Form {
        let verb = replacing.map { "Action \($0 + 1) of" } ?? "New action for"
        var form = Form(
            purpose: .action(owner, replacing: replacing), title: "\(verb) \(state.workspace.ownerName(owner))",
            fields: fields(for: draft, owner: owner, state: state))
        form.focused = replacing == nil ? 0 : min(1, form.fields.count - 1)
        form.showsEveryProblem = replacing != nil
        form.original = replacing.flatMap { index in state.workspace.stageActions(of: owner).flatMap { $0.indices.contains(index) ? $0[index] : nil } }
        refresh(&form, state: state)
        return form
    }

    static func fields(for draft: ActionDraft, owner: ActionOwner, state: BoardState) -> [FormField] {
        let workspace = state.workspace
        let members = workspace.setup.members
        return ActionDraft.fields(for: draft.kind, owner: owner).map { field in
            let value = draft[field]
            switch field {
            case .kind:
                let options = AutomaticAction.Kind.allCases.map { FormField.Option(label: kindLabels[$0] ?? $0.rawValue, value: $0.rawValue) }
                return FormField(key: .draft(field), label: "Kind", value: value, input: .choice(options))
            case .when:
                let presets = [""] + ActionDraft.timePresets.map(\.description)
                return FormField(key: .draft(field), label: "When", value: value, input: .lineWithPresets(presets))
            case .template:
                let options =
                    workspace.setup.emailTemplates.map { FormField.Option(label: $0.name, value: $0.id.rawValue) }
                    + [FormField.Option(label: "New template", value: "")]
                return FormField(key: .draft(field), label: "Template", value: value, input: .choice(options))
            case .templateName: return FormField(key: .draft(field), label: "Template name", value: value, input: .line)
            case .subject: return FormField(key: .draft(field), label: "Subject", value: value, input: .line)
            case .body: return FormField(key: .draft(field), label: "Body", value: value, input: .lines)
            case .sender:
                let options =
                    [FormField.Option(label: "the mover", value: "mover")]
                    + members.map { FormField.Option(label: $0.name, value: $0.id.rawValue) }
                return FormField(key: .draft(field), label: "From", value: value, input: .choice(options))
            case .delay:
                let presets = [""] + RelativeDuration.presets.map(\.description)
                return FormField(key: .draft(field), label: "Delay", value: value, input: .lineWithPresets(presets))
            case .note: return FormField(key: .draft(field), label: "Note", value: value, input: .lines)
            case .title: return FormField(key: .draft(field), label: "Task title", value: value, input: .line)
            case .assignee:
                return FormField(key: .draft(field), label: "Assignee", value: value, input: .line, completions: members.map(\.name))
            case .due:
                let presets = ["1d", "2d", "3d", "1w", "2bd"]
                return FormField(key: .draft(field), label: "Due", value: value, input: .lineWithPresets(presets))
            case .tags:
                return FormField(key: .draft(field), label: "Tags", value: value, input: .line, completions: workspace.tagsInUse, isList: true)
            case .members:
                let label = draft.kind == .requestEvaluation ? "Evaluators" : "Followers"
                // Only those who may evaluate are offered as evaluators.
                let offered = draft.kind == .requestEvaluation ? members.filter { workspace.allows($0.id, .evaluate) } : members
                return FormField(key: .draft(field), label: label, value: value, input: .line, completions: offered.map(\.name), isList: true)
            case .target:
                // A closed job is offered only when the action already names it, so that opening it shows what it says.
                var options: [FormField.Option] = workspace.setup.jobs.filter { job in
                    if case .stage(.job(job.id), _) = owner { return false }
                    return job.status != .closed || job.id.rawValue == value
                }.map { FormField.Option(label: "Job: \($0.title)", value: $0.id.rawValue) }
                options += workspace.setup.talentPools.map { FormField.Option(label: "Talent pool: \($0.name)", value: $0.id.rawValue) }
                let chosen = value.isEmpty ? options.first?.value ?? "" : value
                return FormField(key: .draft(field), label: "Assign to", value: chosen, input: .choice(options))
            }
        }
    }

    static func template(_ id: EmailTemplateID?, state: BoardState) -> Form {
        let template = id.flatMap { state.workspace.template($0) }
        var form = Form(
            purpose: .template(id), title: template.map { "Email template \($0.name)" } ?? "New email template",
            fields: [
                FormField(key: .draft(.templateName), label: "Name", value: template?.name ?? "", input: .line),
                FormField(key: .draft(.subject), label: "Subject", value: template?.subject ?? "", input: .line),
                FormField(key: .draft(.body), label: "Body", value: template?.body ?? "", input: .lines),
            ])
        form.showsEveryProblem = id != nil
        refresh(&form, state: state)
        return form
    }

    /// A form with one line to type: a stage, job or reason name.
    static func name(_ purpose: Form.Purpose, title: String, label: String, value: String = "", state: BoardState) -> Form {
        var form = Form(purpose: purpose, title: title, fields: [FormField(key: .name, label: label, value: value, input: .line)])
        form.showsEveryProblem = !value.isEmpty
        refresh(&form, state: state)
        return form
    }

    /// Where the cards of a stage about to be removed go.
    static func removeStage(_ ref: PipelineRef, _ stage: Stage, occupants: Int, state: BoardState) -> Form {
        let pipeline = state.workspace.pipeline(ref) ?? []
        let others = pipeline.filter { $0.id != stage.id }
        let options = others.map { FormField.Option(label: $0.name, value: $0.id.rawValue) }
        // The stage before it is where the cards most likely belong; the next one for the first stage.
        let index = pipeline.firstIndex { $0.id == stage.id } ?? 0
        let suggested = index > 0 ? pipeline[index - 1].id : others.first?.id
        var form = Form(
            purpose: .removeStage(ref, stage.id),
            title: "Remove \(stage.name): \(occupants) candidate\(occupants == 1 ? " is" : "s are") still there",
            fields: [FormField(key: .destination, label: "Move them to", value: suggested?.rawValue ?? "", input: .choice(options))])
        refresh(&form, state: state)
        return form
    }

    /// How long candidates are expected to stay in a stage: a duration, or nothing for no expectation.
    static func expectedTime(_ ref: PipelineRef, _ stage: Stage, state: BoardState) -> Form {
        let presets = ["", "2d", "3d", "5d", "1w", "2bd", "3bd", "5bd"]
        var form = Form(
            purpose: .expectedTime(ref, stage.id), title: "Expected time in \(stage.name) (\(state.workspace.pipelineName(ref)))",
            fields: [FormField(key: .expected, label: "Expected", value: stage.expected?.description ?? "", input: .lineWithPresets(presets))])
        refresh(&form, state: state)
        return form
    }

    // MARK: Checking

    /// Works out every field's problem and hint again from the core's rules.
    static func refresh(_ form: inout Form, state: BoardState) {
        if form.purpose.isAboutCandidates { return CandidateForms.refresh(&form, state: state) }
        let workspace = state.workspace
        form.hints = [:]
        switch form.purpose {
        case .action(let owner, _):
            let draft = draft(from: form, state: state)
            form.problems = Dictionary(uniqueKeysWithValues: draft.problems(for: owner, in: workspace).map { (.draft($0.key), $0.value) })
            // A time or a delay that does not parse gets no hint: its problem shows instead.
            if let after = try? Optional(draft.after()) {
                form.hints[.draft(.when)] = after.map { "after \($0.spelledOut) in the stage, if the candidate is still there" } ?? "on entry"
            }
            if let delay = try? Optional(RelativeDuration.optional(form.value(.delay))) {
                form.hints[.draft(.delay)] = delay.map { "\($0.spelledOut) after \(owner.isReason ? "disqualification" : "entry")" } ?? "at once"
            }
            if let due = try? TaskDue(parsing: form.value(.due)) {
                switch due {
                case .after(let duration): form.hints[.draft(.due)] = "\(duration.spelledOut) after the move"
                case .on:
                    let calendar = workspace.setup.settings.calendar
                    let passed = calendar.startOfDay(for: due.date(afterMoveAt: state.now, calendar: calendar)) < calendar.startOfDay(for: state.now)
                    form.hints[.draft(.due)] = "on \(due.description)" + (passed ? ": that day has passed, so every task it makes is overdue" : "")
                }
            }
            // A note or a task title with placeholders shows how it will read.
            for field in [ActionDraft.Field.note, .title] where form.problems[.draft(field)] == nil && form.value(field).contains("{{") {
                guard let filled = try? workspace.preview(subject: form.value(field), body: "", for: state.focused, in: state.job?.id, sender: state.me).subject
                else { continue }
                let name = state.focused.flatMap { workspace.candidates[$0]?.name } ?? "a sample candidate"
                form.hints[.draft(field)] = "for \(name): \(filled)"
            }
            if let id = draft.template {
                let others = workspace.owners(sending: id).filter { $0 != owner }
                if !others.isEmpty {
                    form.hints[.draft(.templateName)] = "also sent by \(others.map(workspace.ownerName).joined(separator: ", ")): edits change it there too"
                }
            }
        case .template(let id):
            var draft = ActionDraft(kind: .sendEmail, in: workspace)
            draft.useTemplate(id, in: workspace)
            draft.templateName = form.value(.templateName)
            draft.subject = form.value(.subject)
            draft.body = form.value(.body)
            let problems = draft.problems(for: .stage(.defaultTemplate, ""), in: workspace)
            form.problems = [:]
            for field in [ActionDraft.Field.templateName, .subject, .body] {
                if let problem = problems[field] { form.problems[.draft(field)] = problem }
            }
            if draft.templateName.trimmingCharacters(in: .whitespaces).isEmpty { form.problems[.draft(.templateName)] = "Give the template a name." }
            if let id {
                let senders = workspace.owners(sending: id)
                form.hints[.draft(.templateName)] =
                    senders.isEmpty
                    ? "no action sends it yet"
                    : "sent by \(senders.map(workspace.ownerName).joined(separator: ", ")): edits change it there too"
            }
        case .removeStage:
            form.problems = [:]
            form.hints[.destination] = "they move without running that stage's actions"
        case .expectedTime:
            form.problems = [:]
            do {
                let expected = try RelativeDuration.optional(form.value(.expected))
                form.hints[.expected] =
                    expected.map { "cards turn overdue \($0.spelledOut) after entering" } ?? "none: cards never turn overdue here"
            } catch {
                form.problems[.expected] = (error as? UserFacingError)?.sentence ?? String(describing: error)
            }
        default:
            form.problems = [:]
            guard let change = change(for: form, state: state) else { return }
            form.problems[.name] = refusal(of: change, state: state)
        }
    }

    /// Why the core would refuse the change, found by making it on a copy: the board
    /// asks the rules instead of restating them.
    static func refusal(of change: SetupChange, state: BoardState) -> String? {
        guard let me = state.me else { return nil }
        var trial = state.workspace
        do {
            try trial.apply(change, by: me, now: state.now)
            return nil
        } catch {
            return (error as? UserFacingError)?.sentence ?? String(describing: error)
        }
    }

    static func draft(from form: Form, state: BoardState) -> ActionDraft {
        let kind = AutomaticAction.Kind(rawValue: form.value(.kind)) ?? .addNote
        var draft = ActionDraft(kind: kind, in: state.workspace)
        for field in form.fields {
            if case .draft(let key) = field.key { draft[key] = field.value }
        }
        return draft
    }

    /// The change saving the form would make; `nil` when it has nothing to save.
    static func change(for form: Form, state: BoardState) -> SetupChange? {
        let name = form.value(.name)
        switch form.purpose {
        case .action(let owner, let index):
            return .saveAction(draft(from: form, state: state), owner: owner, replacing: index, expecting: form.original)
        case .template(let id):
            return .saveTemplate(id, name: form.value(.templateName), subject: form.value(.subject), body: form.value(.body))
        case .newStage(let ref): return .addStage(ref, name: name)
        case .renameStage(let ref, let id): return .renameStage(ref, id, name: name)
        case .removeStage(let ref, let id):
            let destination = form.value(.destination)
            return .removeStage(ref, id, movingTo: destination.isEmpty ? nil : StageID(destination))
        case .expectedTime(let ref, let id):
            guard let expected = try? RelativeDuration.optional(form.value(.expected)) else { return nil }
            return .setExpectedTime(ref, id, expected)
        case .newJob: return .createJob(title: name)
        case .renameJob(let id): return .renameJob(id, title: name)
        case .newReason: return .addReason(name: name)
        case .renameReason(let id): return .renameReason(id, name: name)
        case .note, .tags, .contact, .task, .newTask, .evaluation, .newCandidate: return nil
        }
    }

    // MARK: Fields that reshape the form

    /// A new kind brings its own fields; a new template brings its text.
    static func fieldChanged(_ key: FormField.Key, _ form: inout Form, state: BoardState) {
        guard case .action(let owner, _) = form.purpose else { return }
        if key == .draft(.kind) {
            let kind = AutomaticAction.Kind(rawValue: form.value(.kind)) ?? .addNote
            form.fields = fields(for: ActionDraft(kind: kind, in: state.workspace), owner: owner, state: state)
        } else if key == .draft(.template) {
            var draft = draft(from: form, state: state)
            draft.useTemplate(draft.template, in: state.workspace)
            for field in [ActionDraft.Field.templateName, .subject, .body] { form.set(.draft(field), draft[field]) }
        }
    }

    /// What Tab would complete the item being typed to, if anything.
    static func completions(for field: FormField) -> [String] {
        guard field.isText, !field.completions.isEmpty else { return [] }
        let items = field.isList ? field.value.split(separator: ",", omittingEmptySubsequences: false).map(String.init) : [field.value]
        let typed = NameLookup.fold(items.last ?? "")
        let taken = Set(items.dropLast().map { NameLookup.fold($0) })
        return field.completions.filter { option in
            let folded = NameLookup.fold(option)
            return !taken.contains(folded) && folded != typed && (typed.isEmpty || folded.hasPrefix(typed) || folded.contains(" " + typed))
        }
    }

    /// The field's text with the item being typed replaced by `completion`.
    static func complete(_ field: FormField, with completion: String) -> String {
        guard field.isList, let comma = field.value.lastIndex(of: ",") else { return completion }
        return field.value[...comma] + " " + completion
    }
}
