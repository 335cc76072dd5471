import Foundation
import StagehandCore

/// The forms about candidates — a note, tags, contact details, a task, an
/// evaluation, a new candidate — built from the workspace, checked field by field
/// as they are typed, and saved as the `CandidateChange` the core then makes.
enum CandidateForms {
    static let sources = ["Career page", "LinkedIn", "Referral", "Agency", "Event"]

    static func note(_ candidate: CandidateID, job: JobID?, state: BoardState) -> Form {
        let name = state.workspace.candidates[candidate]?.name ?? ""
        return made(.note(candidate, job: job), "Note on \(name)", [FormField(key: .text, label: "Note", value: "", input: .lines)], state)
    }

    /// The candidate's tags as a list to edit: saving adds what was typed and removes what was deleted.
    static func tags(_ candidate: CandidateID, state: BoardState) -> Form {
        let person = state.workspace.candidates[candidate]
        let field = FormField(
            key: .tagList, label: "Tags", value: (person?.tags ?? []).joined(separator: ", "), input: .line,
            completions: state.workspace.tagsInUse, isList: true)
        return made(.tags(candidate), "Tags of \(person?.name ?? "") (separate them with commas)", [field], state)
    }

    static func contact(_ candidate: CandidateID, state: BoardState) -> Form {
        let person = state.workspace.candidates[candidate]
        let consent = [FormField.Option(label: "no", value: "no"), FormField.Option(label: "yes: skip every email", value: "yes")]
        return made(
            .contact(candidate), "Contact details of \(person?.name ?? "")",
            [
                FormField(key: .name, label: "Name", value: person?.name ?? "", input: .line),
                FormField(key: .email, label: "Email", value: person?.email ?? "", input: .line),
                FormField(key: .doNotEmail, label: "Do not email", value: person?.doNotEmail == true ? "yes" : "no", input: .choice(consent)),
            ], state)
    }

    static func task(_ id: TaskID, state: BoardState) -> Form {
        let task = state.workspace.tasks[id]
        let assignee = task.flatMap { state.workspace.member($0.assignee)?.name } ?? ""
        var form = made(.task(id), "Task about \(task.flatMap { state.workspace.candidates[$0.candidate]?.name } ?? "")", taskFields(
            title: task?.title ?? "", assignee: assignee, due: task.map { state.workspace.day($0.due) } ?? "", state: state), state)
        form.focused = 2
        return form
    }

    static func newTask(_ candidate: CandidateID, job: JobID?, state: BoardState) -> Form {
        let me = state.me.flatMap { state.workspace.member($0)?.name } ?? ""
        let name = state.workspace.candidates[candidate]?.name ?? ""
        return made(.newTask(candidate, job: job), "New task about \(name)", taskFields(title: "", assignee: me, due: "1d", state: state), state)
    }

    static func evaluation(_ candidate: CandidateID, job: JobID, state: BoardState) -> Form {
        let ratings = EvaluationRating.allCases.map { FormField.Option(label: $0.description, value: String($0.rawValue)) }
        let name = state.workspace.candidates[candidate]?.name ?? ""
        var form = made(
            .evaluation(candidate, job: job), "Evaluate \(name) for \(state.workspace.job(job)?.title ?? "")",
            [
                // No rating until the evaluator picks one: a stray Enter must not submit "mixed" for them.
                FormField(key: .rating, label: "Rating", value: "", input: .choice(ratings), wraps: false),
                FormField(key: .comment, label: "Comment", value: "", input: .lines),
            ], state)
        form.focused = 0
        return form
    }

    static func newCandidate(_ job: JobID, state: BoardState) -> Form {
        let title = state.workspace.job(job)?.title ?? ""
        return made(
            .newCandidate(job), "New candidate for \(title) (\(state.workspace.job(job)?.firstStage?.name ?? ""))",
            [
                FormField(key: .name, label: "Name", value: "", input: .line),
                FormField(key: .email, label: "Email", value: "", input: .line),
                FormField(key: .source, label: "Source", value: sources[0], input: .lineWithPresets(sources)),
            ], state)
    }

    private static func taskFields(title: String, assignee: String, due: String, state: BoardState) -> [FormField] {
        [
            FormField(key: .taskTitle, label: "Task", value: title, input: .line),
            FormField(key: .taskAssignee, label: "For", value: assignee, input: .line, completions: state.workspace.setup.members.map(\.name)),
            FormField(key: .taskDue, label: "Due", value: due, input: .lineWithPresets(["1d", "2d", "3d", "1w", "2bd"])),
        ]
    }

    private static func made(_ purpose: Form.Purpose, _ title: String, _ fields: [FormField], _ state: BoardState) -> Form {
        var form = Form(purpose: purpose, title: title, fields: fields)
        refresh(&form, state: state)
        return form
    }

    // MARK: Checking

    /// Each field's problem and hint, from the core's own checks.
    static func refresh(_ form: inout Form, state: BoardState) {
        form.problems = [:]
        form.hints = [:]
        let workspace = state.workspace
        func problem(_ key: FormField.Key, _ check: () throws -> Void) {
            do { try check() } catch { form.problems[key] = (error as? any UserFacingError)?.sentence ?? String(describing: error) }
        }
        switch form.purpose {
        case .tags:
            problem(.tagList) { _ = try items(form.value(.tagList)).map(Tag.check) }
        case .contact, .newCandidate:
            problem(.name) { if form.value(.name).trimmingCharacters(in: .whitespaces).isEmpty { throw StagehandError.invalidAction("A candidate needs a name.") } }
            problem(.email) {
                let email = form.value(.email).trimmingCharacters(in: .whitespaces)
                if !email.isEmpty, !Workspace.looksLikeEmail(email) {
                    throw StagehandError.invalidAction("'\(email)' is not an email address: use the form name@example.com.")
                }
            }
            if case .newCandidate = form.purpose, form.value(.source).lowercased().contains("referr") {
                form.hints[.source] = "counts as a referral"
            }
        case .task, .newTask:
            problem(.taskTitle) { if form.value(.taskTitle).trimmingCharacters(in: .whitespaces).isEmpty { throw StagehandError.invalidAction("A task needs a title.") } }
            problem(.taskAssignee) { _ = try workspace.findAssignee(form.value(.taskAssignee)) }
            problem(.taskDue) {
                let due = try TaskDue(parsing: form.value(.taskDue))
                form.hints[.taskDue] = workspace.day(due.date(afterMoveAt: state.now, calendar: workspace.setup.settings.calendar))
            }
        case .evaluation:
            problem(.rating) {
                if Int(form.value(.rating)).flatMap(EvaluationRating.init(rawValue:)) == nil {
                    throw StagehandError.invalidAction("Choose a rating with ← or →.")
                }
            }
        case .note:
            problem(.text) { if form.value(.text).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw StagehandError.invalidAction("A note needs some text.") } }
        default:
            break
        }
    }

    /// The change saving the form asks the core for; nil while a field has a problem.
    static func change(for form: Form, state: BoardState) -> CandidateChange? {
        guard form.problems.isEmpty else { return nil }
        let workspace = state.workspace
        switch form.purpose {
        case .note(let candidate, let job):
            return .addNote(candidate, job: job, text: form.value(.text))
        case .tags(let candidate):
            let had = workspace.candidates[candidate]?.tags ?? []
            let wanted = items(form.value(.tagList))
            return .tag(candidate, adding: wanted.filter { !had.contains($0) }, removing: had.filter { !wanted.contains($0) })
        case .contact(let candidate):
            let person = workspace.candidates[candidate]
            let name = form.value(.name), email = form.value(.email), doNotEmail = form.value(.doNotEmail) == "yes"
            return .editContact(
                candidate, name: name == person?.name ? nil : name, email: email == (person?.email ?? "") ? nil : email,
                doNotEmail: doNotEmail == person?.doNotEmail ? nil : doNotEmail)
        case .task(let id):
            guard let task = workspace.tasks[id], let assignee = try? workspace.findAssignee(form.value(.taskAssignee)).id else { return nil }
            let title = form.value(.taskTitle)
            let due = form.value(.taskDue) == workspace.day(task.due) ? nil : try? TaskDue(parsing: form.value(.taskDue))
            return .editTask(id, title: title == task.title ? nil : title, assignee: assignee == task.assignee ? nil : assignee, due: due)
        case .newTask(let candidate, let job):
            guard let assignee = try? workspace.findAssignee(form.value(.taskAssignee)).id, let due = try? TaskDue(parsing: form.value(.taskDue)) else { return nil }
            return .addTask(candidate, job: job, title: form.value(.taskTitle), assignee: assignee, due: due)
        case .evaluation(let candidate, let job):
            guard let rating = Int(form.value(.rating)).flatMap(EvaluationRating.init(rawValue:)) else { return nil }
            return .evaluate(candidate, job: job, rating: rating, comment: form.value(.comment))
        case .newCandidate(let job):
            let source = form.value(.source).trimmingCharacters(in: .whitespaces)
            let person = NewCandidate(name: form.value(.name), email: form.value(.email), source: source.isEmpty ? sources[0] : source)
            return .add(person, job: job, origin: source.lowercased().contains("referr") ? .referral : .manualAdd)
        default:
            return nil
        }
    }

    /// The grace a save's change runs with: a new candidate's first-stage actions wait
    /// for Cancel, as a move's do; nothing else starts actions.
    static func grace(for form: Form, state: BoardState) -> Double? {
        if case .newCandidate = form.purpose { return state.workspace.setup.settings.gracePeriodSeconds }
        return nil
    }

    /// A comma-separated list, as typed.
    private static func items(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
