import StagehandCore

/// One screen of the setup editors. They stack: `a` on a pipeline's stage opens
/// its automations above the pipeline, a form opens above its list, and Esc goes
/// back one screen.
public enum EditorScreen: Sendable, Equatable {
    case actions(ActionOwner, selected: Int)
    case pipeline(PipelineRef, selected: Int)
    case templates(selected: Int)
    case reasons(selected: Int)
    case form(Form)
    case confirm(Confirmation)
}

/// "Remove action 2 of Interview?" — answered with y or n; y does `effect`.
public struct Confirmation: Sendable, Equatable {
    /// What a yes does.
    public enum Yes: Sendable, Equatable {
        case carryOut(Effect)
        /// Closes the form under the question, throwing away what was typed.
        case discardForm
    }

    public var question: String
    public var yes: Yes

    public init(question: String, effect: Effect) {
        self.init(question: question, yes: .carryOut(effect))
    }

    private init(question: String, yes: Yes) {
        self.question = question
        self.yes = yes
    }

    /// Asked when Esc would throw away what was typed into a form.
    public static func discarding(_ form: Form) -> Confirmation {
        Confirmation(question: "Throw away your changes to '\(form.title)'? They are not saved.", yes: .discardForm)
    }
}

/// A form of labelled fields. What it saves, and how each field is checked, comes
/// from its purpose and the core's rules (`Forms`).
public struct Form: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case action(ActionOwner, replacing: Int?)
        case template(EmailTemplateID?)
        case newStage(PipelineRef)
        case renameStage(PipelineRef, StageID)
        case removeStage(PipelineRef, StageID)
        case expectedTime(PipelineRef, StageID)
        case newJob
        case renameJob(JobID)
        case newReason
        case renameReason(ReasonID)
        // About candidates rather than the setup: saved as a `CandidateChange`.
        case note(CandidateID, job: JobID?)
        case tags(CandidateID)
        case contact(CandidateID)
        case task(TaskID)
        case newTask(CandidateID, job: JobID?)
        case evaluation(CandidateID, job: JobID)
        case newCandidate(JobID)

        /// Saved as a change to candidates, through `Engine`, rather than to the setup.
        public var isAboutCandidates: Bool {
            switch self {
            case .note, .tags, .contact, .task, .newTask, .evaluation, .newCandidate: true
            default: false
            }
        }
    }

    public var purpose: Purpose
    public var title: String
    public var fields: [FormField]
    public var focused = 0 {
        didSet { if focused != oldValue { cursor = nil } }
    }
    /// Where typing goes in the focused field, in characters from its start; nil: at
    /// its end, where a field just moved to starts.
    public var cursor: Int?
    /// Each field's problem by key, worked out again after every keystroke.
    public var problems: [FormField.Key: String] = [:]
    /// What a field's value means ("1 hour after entry"), by key.
    public var hints: [FormField.Key: String] = [:]
    /// Why the last save was refused by the state file (someone changed it meanwhile…).
    public var saveError: String?
    /// Fields typed into since the form opened. A new form shows a field's problem only
    /// once it has been touched, or after a save was tried: red before the first key
    /// is a scolding, not help.
    public var touched: Set<FormField.Key> = []
    public var showsEveryProblem = false
    /// The action being edited as it was when the form opened, so that saving
    /// cannot overwrite an action someone else put in its place meanwhile.
    public var original: StageAction?
    /// Opened by someone who may read the setup but not change it.
    public var isReadOnly = false
    /// The change a save asked for, until the core answers: its outcome closes the form.
    public var saving: CandidateChange?
    /// The focused field's value was last set by ← →: typing replaces it.
    public var presetPicked = false

    /// Typing replaces the focused field's value instead of adding to it: a preset
    /// just picked with ← →, or one the form opened with and nobody touched. It is
    /// drawn selected, so that this shows before the first key.
    public var typingReplaces: Bool {
        guard let field = focusedField, case .lineWithPresets(let presets) = field.input else { return false }
        return !field.value.isEmpty && presets.contains(field.value) && (!touched.contains(field.key) || presetPicked)
    }

    /// The problem to show next to a field now.
    public func shownProblem(_ key: FormField.Key) -> String? {
        guard showsEveryProblem || touched.contains(key) else { return nil }
        return problems[key]
    }

    public var focusedField: FormField? { fields.indices.contains(focused) ? fields[focused] : nil }

    /// The focused field's text and cursor, as ← → and the editing keys change them.
    public var typed: TypedText {
        get { TypedText(focusedField?.value ?? "", cursor: cursor) }
        set {
            guard fields.indices.contains(focused) else { return }
            fields[focused].value = newValue.text
            cursor = newValue.isAtEnd ? nil : newValue.cursor
        }
    }

    public func value(_ key: FormField.Key) -> String { fields.first { $0.key == key }?.value ?? "" }

    public func value(_ field: ActionDraft.Field) -> String { value(.draft(field)) }

    public mutating func set(_ key: FormField.Key, _ value: String) {
        guard let index = fields.firstIndex(where: { $0.key == key }), fields[index].value != value else { return }
        fields[index].value = value
        if index == focused { cursor = nil }
    }
}

public struct FormField: Sendable, Equatable {
    /// Which field it is: one of an action draft's, or the one name a stage, job
    /// or reason form asks for, or where a removed stage's cards go.
    public enum Key: Hashable, Sendable {
        case draft(ActionDraft.Field)
        case name
        case destination
        /// How long candidates are expected to stay in a stage.
        case expected
        // The fields of the forms about candidates.
        case email, doNotEmail, source, tagList, text, taskTitle, taskAssignee, taskDue, rating, comment
    }

    public enum Input: Sendable, Equatable {
        /// One line of text.
        case line
        /// Several lines: Enter starts a new one.
        case lines
        /// One of a fixed list, picked with ← →.
        case choice([Option])
        /// Typed freely, or picked from presets with ← → while it shows one (or nothing).
        case lineWithPresets([String])
    }

    public struct Option: Sendable, Equatable {
        public var label: String
        public var value: String
    }

    public var key: Key
    public var label: String
    public var value: String
    public var input: Input
    /// Offered for the item being typed (after the last comma); Tab takes the first.
    public var completions: [String] = []
    /// The field stands for a list: completion works on the item after the last comma.
    public var isList = false
    /// ← → go round from the last option to the first; a scale stops at its ends instead.
    public var wraps = true

    public var isText: Bool {
        if case .choice = input { return false }
        return true
    }

    /// ← → walk its options or presets rather than move the cursor: a choice always,
    /// a field with presets while it shows one of them or nothing typed.
    public var arrowsPick: Bool {
        switch input {
        case .choice: true
        case .lineWithPresets(let presets): value.isEmpty || presets.contains(value)
        case .line, .lines: false
        }
    }

    /// The label of the chosen option, for a choice; else the text.
    public var shownValue: String {
        if case .choice(let options) = input {
            return options.first { $0.value == value }?.label ?? (value.isEmpty ? "none chosen yet" : value)
        }
        return value
    }
}
