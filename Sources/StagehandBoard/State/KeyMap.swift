/// What a key does in a mode. One table drives dispatch, the `?` overlay and the
/// bottom bar, so a binding added once shows up everywhere.
public enum Command: Sendable, Equatable {
    case focusLeft, focusRight, focusUp, focusDown
    case nextJob, previousJob
    case toggleSelection, selectColumn, clearSelection
    case pickUp, moveRight, moveLeft
    case firstCard, lastCard, jumpToStage(Int)
    case cancelRun, openProfile, openAutomations, disqualify, myWork, scheduled, filter, undo, help, reload, quit
    case carryLeft, carryRight, drop, putBack
    case runActions, withoutActions, choiceUp, choiceDown, choose, back
    case scrollUp, scrollDown, sendNow, cancelEmail, retryEmail
    case cycleTheme
    case openPipeline, openTemplates, openReasons
    case addItem, editItem, renameItem, removeItem, moveItemUp, moveItemDown, openItemActions
    case switchPipeline, newJob, toggleJobStatus
    case confirmYes, confirmNo
    case nextField, previousField, previousOption, nextOption, save, clearField
}

extension Command {
    /// Keys of the editors that change the setup or a form's text, and so need both
    /// automation permissions.
    public var edits: Bool {
        switch self {
        case .addItem, .renameItem, .removeItem, .moveItemUp, .moveItemDown, .newJob, .toggleJobStatus: true
        case .save, .clearField, .previousOption, .nextOption: true
        default: false
        }
    }
}

public struct Binding: Sendable {
    public var keys: [Key]
    /// How the key is written in help: "←/h".
    public var label: String
    public var command: Command
    public var help: String
    /// Shown in the bottom bar (the most useful keys of the mode).
    public var inBar: Bool
}

public enum KeyMap {
    static func bind(_ keys: [Key], _ label: String, _ command: Command, _ help: String, bar: Bool = false) -> Binding {
        Binding(keys: keys, label: label, command: command, help: help, inBar: bar)
    }

    static func chars(_ text: String) -> [Key] { text.map { .character($0) } }

    public static let board: [Binding] = [
        bind([.left, .character("h")], "←/h", .focusLeft, "focus the previous stage"),
        bind([.right, .character("l")], "→/l", .focusRight, "focus the next stage"),
        bind([.up, .character("k")], "↑/k", .focusUp, "focus the previous card"),
        bind([.down, .character("j")], "↓/j", .focusDown, "focus the next card"),
        bind([.tab, .character("]")], "Tab/]", .nextJob, "next job", bar: true),
        bind([.backTab, .character("[")], "S-Tab/[", .previousJob, "previous job"),
        bind([.character(" ")], "Space", .toggleSelection, "select or unselect the card (bulk)", bar: true),
        bind([.character("m")], "m", .pickUp, "pick up the card or selection to carry it", bar: true),
        bind([.character("L"), .shiftRight, .character(">")], "L/S-→/>", .moveRight, "move one stage right at once"),
        bind([.character("H"), .shiftLeft, .character("<")], "H/S-←/<", .moveLeft, "move one stage left at once"),
        bind([.character("g")], "g", .firstCard, "first card"),
        bind([.character("G")], "G", .lastCard, "last card"),
        bind((1...9).map { .character(Character(String($0))) }, "1-9", .jumpToStage(0), "jump to stage n"),
        bind([.character("V")], "V", .selectColumn, "select every card in the column"),
        bind([.escape], "Esc", .clearSelection, "clear the selection and the filter"),
        bind([.character("c")], "c", .cancelRun, "cancel the run in the progress pane", bar: true),
        bind([.enter], "Enter", .openProfile, "open the candidate's profile", bar: true),
        bind([.character("a")], "a", .openAutomations, "automations of the stage", bar: true),
        bind([.character("p")], "p", .openPipeline, "pipeline: stages, new job, close job"),
        bind([.character("e")], "e", .openTemplates, "email templates"),
        bind([.character("r")], "r", .openReasons, "disqualification reasons"),
        bind([.character("d")], "d", .disqualify, "disqualify the candidate"),
        bind([.character("i")], "i", .myWork, "my work"),
        bind([.character("s")], "s", .scheduled, "scheduled emails"),
        bind([.character("/")], "/", .filter, "filter cards by text", bar: true),
        bind([.character("u")], "u", .undo, "undo the last move"),
        bind([.character("?")], "?", .help, "help: every key", bar: true),
        bind([.character("R")], "R", .reload, "reload from the state file"),
        bind([.character("t")], "t", .cycleTheme, "next colour theme"),
        bind([.character("q"), .control("c")], "q/C-c", .quit, "quit", bar: true),
    ]

    public static let carrying: [Binding] = [
        bind([.left, .character("h")], "←/h", .carryLeft, "carry to the previous stage", bar: true),
        bind([.right, .character("l")], "→/l", .carryRight, "carry to the next stage", bar: true),
        bind([.enter], "Enter", .drop, "drop: move here", bar: true),
        bind([.escape], "Esc", .putBack, "put back, nothing moves", bar: true),
        bind([.control("c")], "C-c", .quit, "quit"),
    ]

    public static let dialog: [Binding] = [
        bind([.character("r")], "r", .runActions, "move and run the actions", bar: true),
        bind([.character("w")], "w", .withoutActions, "move without actions", bar: true),
        bind([.up, .character("k")], "↑", .choiceUp, "highlight the previous choice"),
        bind([.down, .character("j")], "↓", .choiceDown, "highlight the next choice"),
        bind([.enter], "Enter", .choose, "the highlighted choice", bar: true),
        bind([.escape], "Esc", .back, "cancel the move", bar: true),
    ]

    /// A stage's or a reason's automatic actions.
    public static let actionList: [Binding] = [
        bind([.up, .character("k")], "↑/k", .choiceUp, "previous action"),
        bind([.down, .character("j")], "↓/j", .choiceDown, "next action"),
        bind([.character("n"), .character("+")], "n", .addItem, "add an action", bar: true),
        bind([.enter, .character("e")], "Enter", .editItem, "open the action (to read or edit it)", bar: true),
        bind([.character("x"), .delete], "x", .removeItem, "remove the action", bar: true),
        bind([.character("K")], "K", .moveItemUp, "run it earlier", bar: true),
        bind([.character("J")], "J", .moveItemDown, "run it later", bar: true),
        bind([.escape, .character("q")], "Esc", .back, "back", bar: true),
    ]

    public static let pipelineList: [Binding] = [
        bind([.up, .character("k")], "↑/k", .choiceUp, "previous stage"),
        bind([.down, .character("j")], "↓/j", .choiceDown, "next stage"),
        bind([.enter, .character("a")], "Enter", .openItemActions, "automations of the stage", bar: true),
        bind([.character("n"), .character("+")], "n", .addItem, "add a stage", bar: true),
        bind([.character("e")], "e", .renameItem, "rename the stage", bar: true),
        bind([.character("x"), .delete], "x", .removeItem, "remove the stage", bar: true),
        bind([.character("K")], "K", .moveItemUp, "move the stage left"),
        bind([.character("J")], "J", .moveItemDown, "move the stage right"),
        bind([.tab], "Tab", .switchPipeline, "this job / the default template", bar: true),
        bind([.character("N")], "N", .newJob, "create a job (copies the default template)"),
        bind([.character("o")], "o", .toggleJobStatus, "close or reopen the job"),
        bind([.escape, .character("q")], "Esc", .back, "back", bar: true),
    ]

    public static let templateList: [Binding] = [
        bind([.up, .character("k")], "↑/k", .choiceUp, "previous template"),
        bind([.down, .character("j")], "↓/j", .choiceDown, "next template"),
        bind([.character("n"), .character("+")], "n", .addItem, "new template", bar: true),
        bind([.enter, .character("e")], "Enter", .editItem, "open the template (to read or edit it)", bar: true),
        bind([.character("x"), .delete], "x", .removeItem, "remove the template", bar: true),
        bind([.escape, .character("q")], "Esc", .back, "back", bar: true),
    ]

    public static let reasonList: [Binding] = [
        bind([.up, .character("k")], "↑/k", .choiceUp, "previous reason"),
        bind([.down, .character("j")], "↓/j", .choiceDown, "next reason"),
        bind([.enter, .character("a")], "Enter", .openItemActions, "actions of the reason", bar: true),
        bind([.character("n"), .character("+")], "n", .addItem, "add a reason", bar: true),
        bind([.character("e")], "e", .renameItem, "rename the reason", bar: true),
        bind([.character("x"), .delete], "x", .removeItem, "remove the reason", bar: true),
        bind([.escape, .character("q")], "Esc", .back, "back", bar: true),
    ]

    public static let confirming: [Binding] = [
        bind([.character("y")], "y", .confirmYes, "yes, do it", bar: true),
        bind([.character("n"), .escape, .enter], "n/Esc", .confirmNo, "no, keep it", bar: true),
    ]

    /// Forms: printable keys type into the focused field; these do the rest.
    public static let form: [Binding] = [
        bind([.tab, .down], "Tab/↓", .nextField, "next field (Tab completes a name first)", bar: true),
        bind([.backTab, .up], "S-Tab/↑", .previousField, "previous field"),
        bind([.left], "←", .previousOption, "previous choice or preset"),
        bind([.right], "→", .nextOption, "next choice or preset", bar: true),
        bind([.enter], "Enter", .save, "save (in Body and Note: a new line)", bar: true),
        bind([.control("s")], "C-s", .save, "save from any field", bar: true),
        bind([.control("u")], "C-u", .clearField, "clear the field"),
        bind([.escape], "Esc", .back, "cancel: nothing is saved", bar: true),
    ]

    /// Profile, help, my work: read and close.
    public static let reading: [Binding] = [
        bind([.up, .character("k")], "↑/k", .scrollUp, "scroll up"),
        bind([.down, .character("j")], "↓/j", .scrollDown, "scroll down"),
        bind([.character("L"), .shiftRight, .character(">")], "L/>", .moveRight, "move the candidate one stage right (profile)"),
        bind([.character("H"), .shiftLeft, .character("<")], "H/<", .moveLeft, "move the candidate one stage left (profile)"),
        bind([.character("d")], "d", .disqualify, "disqualify (profile)"),
        bind([.character("r")], "r", .retryEmail, "retry the candidate's failed emails (profile)"),
        bind([.escape, .enter, .character("q")], "Esc", .back, "close", bar: true),
    ]

    public static let scheduled: [Binding] = [
        bind([.up, .character("k")], "↑/k", .scrollUp, "previous email"),
        bind([.down, .character("j")], "↓/j", .scrollDown, "next email"),
        bind([.character("n")], "n", .sendNow, "send now", bar: true),
        bind([.character("x")], "x", .cancelEmail, "cancel the email", bar: true),
        bind([.character("r")], "r", .retryEmail, "retry a failed or unknown email", bar: true),
        bind([.escape, .character("q")], "Esc", .back, "close", bar: true),
    ]

    public static let picking: [Binding] = [
        bind([.up, .character("k")], "↑/k", .choiceUp, "previous reason"),
        bind([.down, .character("j")], "↓/j", .choiceDown, "next reason"),
        bind([.enter], "Enter", .choose, "disqualify with this reason", bar: true),
        bind([.escape], "Esc", .back, "cancel", bar: true),
    ]

    public static func bindings(for mode: Mode) -> [Binding] {
        switch mode {
        case .board, .filtering: board
        case .carrying: carrying
        case .dialog: dialog
        case .profile, .help, .myWork: reading
        case .editing(let screens):
            switch screens.last {
            case .actions: actionList
            case .pipeline: pipelineList
            case .templates: templateList
            case .reasons: reasonList
            case .confirm: confirming
            case .form, nil: form
            }
        case .scheduled: scheduled
        case .disqualifying: picking
        }
    }

    public static func command(for key: Key, in mode: Mode) -> Command? {
        for binding in bindings(for: mode) where binding.keys.contains(key) {
            if case .jumpToStage = binding.command, case .character(let c) = key, let n = c.wholeNumberValue {
                return .jumpToStage(n)
            }
            return binding.command
        }
        return nil
    }
}
