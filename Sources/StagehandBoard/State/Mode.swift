import StagehandCore

/// What the keyboard is talking to right now.
public indirect enum Mode: Sendable, Equatable {
    case board
    /// Cards lifted with `m`, hovering over `targetStage`.
    case carrying(Carry)
    /// The question a move asks, over the screen the move was made from.
    case moveDialog(MoveDialog, over: Mode)
    /// A candidate's page; Esc goes back to the screen it was opened from.
    case profile(CandidateID, PageCursor, back: Mode)
    /// Every key, over the screen `?` was pressed on, which comes back when it closes.
    case help(scroll: Int, over: Mode)
    case myWork(PageCursor)
    case scheduled(selected: Int)
    case filtering
    /// Finding a candidate in any job.
    case finding(Finder)
    /// The setup editors, a stack of screens; the last one is shown.
    case editing([EditorScreen])
    /// Choosing the reason to disqualify a candidate with.
    case disqualifying(CandidateID, selected: Int, over: Mode)
    /// A form about candidates (a note, a task, an evaluation, a new candidate) over
    /// the screen it was opened from, which comes back when it closes.
    case form(Form, over: Mode)
    /// A yes-or-no question over the screen it was asked from.
    case question(Confirmation, over: Mode)
    /// Everything the runs started from this board did — the pane's and those behind
    /// its "+N more" — reasons in full, from the row `top`; Esc goes back.
    case runList([RunBatch], top: Int, back: Mode)
    /// The current job's insights for the last 30 days, from the row `top`; Esc goes back to the board.
    case insights(InsightsPage)
}

/// The finder: text typed, and the highlighted one of the candidates it finds.
public struct Finder: Sendable, Equatable {
    public var text = ""
    /// Where typing goes in `text`; nil: at its end.
    public var cursor: Int?
    public var selected = 0

    public var typed: TypedText {
        get { TypedText(text, cursor: cursor) }
        set {
            text = newValue.text
            cursor = newValue.isAtEnd ? nil : newValue.cursor
        }
    }
}

public struct Carry: Sendable, Equatable {
    public var candidates: [CandidateID]
    public var fromStage: Int
    public var targetStage: Int
    /// Selected, but they cannot move (disqualified…): the move's dialog names them.
    public var staying: [CandidateID] = []
}

/// A question asked before a move commits; the plan, and the question, are the core's.
public struct MoveDialog: Sendable, Equatable {
    public enum Choice: Sendable, Equatable, CaseIterable {
        case runActions, withoutActions, cancel
    }

    public var question: MoveQuestion
    public var plan: MovePlan
    public var highlighted: Choice

    /// Choices in the order the dialog lists them: "run actions" only when the
    /// stage has actions to run.
    public var choices: [Choice] {
        plan.hasActions ? Choice.allCases : [.withoutActions, .cancel]
    }
}

extension BoardState {
    /// Which key table reads the next key.
    /// Text is being typed: the filter, the finder or a form is open (behind help or
    /// the too-small screen too).
    public var isTypingText: Bool {
        switch mode {
        case .filtering, .finding, .form: true
        case .editing(let screens): if case .form = screens.last { true } else { false }
        default: false
        }
    }

    public var keyMode: KeyMode {
        if layout.isTooSmall { return .tooSmall }
        switch mode {
        case .board: return .board
        case .filtering: return .filter
        case .carrying: return .carrying
        case .moveDialog: return .moveDialog
        case .profile: return .profile
        case .help: return .help
        case .myWork: return .myWork
        case .scheduled: return .scheduled
        case .finding: return .finder
        case .disqualifying: return .disqualifyPicker
        case .form: return .form
        case .question: return .confirm
        case .runList: return .runList
        case .insights: return .insights
        case .editing(let screens):
            switch screens.last {
            case .actions: return .actionList
            case .pipeline: return .pipeline
            case .templates: return .templates
            case .reasons: return .reasons
            case .confirm: return .confirm
            case .form, nil: return .form
            }
        }
    }
}
