import StagehandCore

/// Every key of every mode: the only place keys are named. Dispatch, the bottom
/// bar and `?` all read these tables, so a binding added once shows up everywhere.
public enum KeyMap {
    static let moving: [Permission] = [.moveCandidates]

    /// ↑/↓, paging and first/last for a list of `noun`s.
    static func listSteps<Command>(_ noun: String, _ make: (ListStep) -> Command) -> [KeyBinding<Command>] {
        [
            bind([.up: make(.previous), .down: make(.next), "k": make(.previous), "j": make(.next)], "previous / next \(noun)"),
            bind([.pageUp: make(.pageUp), .pageDown: make(.pageDown)], "a page up / down"),
            bind([.home: make(.first), .end: make(.last), "g": make(.first), "G": make(.last)], "first / last \(noun)"),
        ]
    }

    public static let anywhere = KeyTable<AnywhereCommand>([
        bind([.control("c")], .quit, "quit, from any screen")
    ])

    /// On the screens with no text field to type `?` into; the board has its own.
    public static let screens = KeyTable<ScreenCommand>([
        bind(["?"], .help, "help: every key", bar: "help", staysInBar: true)
    ])

    public static let tooSmall = KeyTable<TooSmallCommand>([
        bind(["q"], .quit, "quit", bar: "quit")
    ])

    public static let board = KeyTable<BoardCommand>([
        bind([.left, "h"], .focusLeft, "focus the previous stage"),
        bind([.right, "l"], .focusRight, "focus the next stage"),
        bind([.up, "k"], .focusUp, "focus the previous card"),
        bind([.down, "j"], .focusDown, "focus the next card"),
        bind([.tab, "]"], .nextJob, "next job", bar: "job"),
        bind([.backTab, "["], .previousJob, "previous job"),
        bind([" "], .toggleSelection, "select or unselect, focus the next card", bar: "select", needs: moving),
        bind(["m"], .pickUp, "pick up the card or selection to carry it", bar: "move", needs: moving),
        bind(["L", .shiftRight, ">"], .moveRight, "move one stage right at once", needs: moving),
        bind(["H", .shiftLeft, "<"], .moveLeft, "move one stage left at once", needs: moving),
        bind(["g", .home], .firstCard, "first card"),
        bind(["G", .end], .lastCard, "last card"),
        bind(
            [
                "1": .jumpToStage(1), "2": .jumpToStage(2), "3": .jumpToStage(3), "4": .jumpToStage(4), "5": .jumpToStage(5),
                "6": .jumpToStage(6), "7": .jumpToStage(7), "8": .jumpToStage(8), "9": .jumpToStage(9),
            ], "jump to stage n"),
        bind(["V"], .selectColumn, "select every card in the column", needs: moving),
        bind([.escape], .clearSelection, "clear the selection and the filter"),
        bind(["c"], .cancelRun, "cancel the run in the progress pane", bar: "cancel run"),
        bind(["o"], .listRun, "the progress pane in full"),
        bind([.enter], .openProfile, "open the candidate's profile", bar: "profile"),
        bind(["a"], .openAutomations, "automations of the stage", bar: "automations"),
        bind(["p"], .openPipeline, "pipeline: stages, jobs, job order"),
        bind(["e"], .openTemplates, "email templates"),
        bind(["r"], .openReasons, "disqualification reasons"),
        bind(["d"], .disqualify, "disqualify, or reinstate one who is", needs: moving),
        bind(["i"], .myWork, "my work"),
        bind(["s"], .scheduled, "scheduled emails and timed actions"),
        bind(["/"], .filter, "filter this job's cards by text", bar: "filter"),
        bind(["f"], .find, "find a candidate in any job", bar: "find"),
        bind(["n", "+"], .addCandidate, "add a candidate to this job's first stage", needs: moving),
        bind(["u"], .undo, "undo the last move, disqualify or reinstate", needs: moving),
        bind(["?"], .help, "help: every key", bar: "help", staysInBar: true),
        bind(["R"], .reload, "reload from the state file"),
        bind(["t"], .cycleTheme, "next colour theme"),
        bind(["A"], .sortByAge, "sort the column by age, or back"),
        bind(["I"], .insights, "insights: this job in charts"),
        bind(["q"], .quit, "quit", bar: "quit", staysInBar: true),
    ])

    /// Printable keys type into the filter; these do the rest.
    public static let filter = KeyTable<FilterCommand>([
        bind([.enter], .keep, "keep the filter and go back to the cards", bar: "keep"),
        bind([.escape], .clear, "clear the filter", bar: "clear"),
        bind([.left: .edit(.left), .right: .edit(.right)], "cursor left / right"),
    ] + lineEditing(FilterCommand.edit))

    /// Printable keys type what to look for; these do the rest.
    public static let finder = KeyTable<FinderCommand>([
        bind([.up: .select(.previous), .down: .select(.next)], "previous / next candidate found"),
        bind([.pageUp: .select(.pageUp), .pageDown: .select(.pageDown)], "a page up / down"),
        bind([.enter], .jump, "go to the candidate's card", bar: "go to card"),
        bind([.escape], .close, "close the finder", bar: "close"),
        bind([.left: .edit(.left), .right: .edit(.right)], "cursor left / right"),
    ] + lineEditing(FinderCommand.edit))

    public static let carrying = KeyTable<CarryCommand>([
        bind([.left, "h"], .left, "carry to the previous stage", bar: "carry"),
        bind([.right, "l"], .right, "carry to the next stage", bar: "carry"),
        bind([.enter], .drop, "drop: move here", bar: "drop"),
        bind([.escape], .putBack, "put back, nothing moves", bar: "put back"),
    ])

    public static let moveDialog = KeyTable<MoveDialogCommand>([
        bind(["r"], .runActions, "move and run the actions", bar: "run actions"),
        bind(["w"], .withoutActions, "move without actions", bar: "without"),
        bind([.up: .highlight(.previous), .down: .highlight(.next), "k": .highlight(.previous), "j": .highlight(.next)],
            "highlight the previous / next choice"),
        bind([.enter], .choose, "the highlighted choice", bar: "choose"),
        bind([.escape], .cancel, "cancel the move", bar: "cancel"),
    ])

    public static let profile = KeyTable<ProfileCommand>(
        listSteps("line", ProfileCommand.cursor) + [
            bind([.enter], .open, "open the task or evaluation on the line", bar: "open"),
            bind([" "], .toggleDone, "mark the task done, or open it again", bar: "done"),
            bind(["v"], .evaluate, "evaluate (answers your request)", bar: "evaluate", needs: [.evaluate]),
            bind(["n"], .note, "write a note", bar: "note"),
            bind(["t"], .tags, "add or remove tags", bar: "tags"),
            bind(["f"], .follow, "follow or unfollow the candidate"),
            bind(["e"], .edit, "edit the task on the line, or contact"),
            bind(["T"], .addTask, "add a task about the candidate"),
            bind(["L", .shiftRight, ">"], .moveRight, "move the candidate one stage right", needs: moving),
            bind(["H", .shiftLeft, "<"], .moveLeft, "move the candidate one stage left", needs: moving),
            bind(["d"], .disqualify, "disqualify, or reinstate", needs: moving),
            bind(["u"], .undo, "undo the last move, disqualify or reinstate", needs: moving),
            bind(["r"], .retryEmails, "retry the candidate's failed emails", needs: moving),
            bind(["c"], .cancelRun, "cancel the run in the progress pane"),
            bind(["o"], .listRun, "the progress pane in full"),
            bind([.escape, "q"], .close, "close", bar: "close", staysInBar: true),
        ])

    public static let myWork = KeyTable<MyWorkCommand>(
        listSteps("line", MyWorkCommand.cursor) + [
            bind([" "], .toggleDone, "mark the task done, or open it again", bar: "done"),
            bind(["e"], .editTask, "edit the task: title, assignee, due day", bar: "edit task"),
            bind(["v"], .evaluate, "answer the evaluation request", bar: "evaluate"),
            bind([.enter], .open, "open the candidate's profile at the line", bar: "profile"),
            bind(["X"], .closeLeftBehind, "mark done all tasks left behind (asks)"),
            bind([.escape, "q"], .close, "close", bar: "close", staysInBar: true),
        ])

    public static let runList = KeyTable<PageCommand>(
        listSteps("line", PageCommand.scroll) + [bind([.escape, "q", "o"], .close, "close", bar: "close", staysInBar: true)])

    public static let insights = KeyTable<PageCommand>(
        listSteps("line", PageCommand.scroll) + [bind([.escape, "q", "I"], .close, "close", bar: "close", staysInBar: true)])

    public static let help = KeyTable<PageCommand>(
        listSteps("line", PageCommand.scroll) + [bind([.escape, .enter, "q", "?"], .close, "close", bar: "close")])

    public static let scheduled = KeyTable<ScheduledCommand>(
        listSteps("row", ScheduledCommand.select) + [
            bind(["n"], .sendNow, "send the email or run the action now", bar: "now", needs: moving),
            bind(["x"], .cancelEmail, "cancel the email or the action", bar: "cancel", needs: moving),
            bind(["r"], .retryEmail, "retry a failed or unknown email", bar: "retry", needs: moving),
            bind([.escape, "q"], .close, "close", bar: "close"),
        ])

    public static let disqualifyPicker = KeyTable<DisqualifyPickerCommand>(
        listSteps("reason", DisqualifyPickerCommand.select) + [
            bind([.enter], .choose, "disqualify with this reason", bar: "disqualify"),
            bind([.escape], .cancel, "cancel: nobody is disqualified", bar: "cancel"),
        ])

    public static let actionList = KeyTable<ActionListCommand>(
        listSteps("action", ActionListCommand.select) + [
            bind(["n", "+"], .add, "add an action", bar: "add", edits: true),
            bind([.enter, "e"], .open, "open the action (to read or edit it)", bar: "open"),
            bind(["x", .delete], .remove, "remove the action", bar: "remove", edits: true),
            bind(["K"], .earlier, "run it earlier", bar: "earlier", edits: true),
            bind(["J"], .later, "run it later", bar: "later", edits: true),
            bind([.escape, "q"], .back, "back", bar: "back"),
        ])

    public static let pipeline = KeyTable<PipelineCommand>(
        listSteps("stage", PipelineCommand.select) + [
            bind([.enter, "a"], .openActions, "automations of the stage", bar: "actions"),
            bind(["n", "+"], .add, "add a stage", bar: "add", edits: true),
            bind(["e"], .rename, "rename the stage", bar: "rename", edits: true),
            bind(["x", .delete], .remove, "remove the stage", bar: "remove", edits: true),
            bind(["K"], .moveLeft, "move the stage left", edits: true),
            bind(["J"], .moveRight, "move the stage right", edits: true),
            bind([.tab], .switchPipeline, "this job / the default template", bar: "job/template"),
            bind(["N"], .newJob, "new job (copies the default template)", edits: true),
            bind(["o"], .toggleJobStatus, "close or reopen the job", edits: true),
            bind(["<"], .jobEarlier, "move the job earlier (Tab order)", edits: true),
            bind([">"], .jobLater, "move the job later (Tab order)", edits: true),
            bind(["t"], .expectedTime, "how long candidates are expected to stay", bar: "expected", edits: true),
            bind([.escape, "q"], .back, "back", bar: "back"),
        ])

    public static let templates = KeyTable<TemplateListCommand>(
        listSteps("template", TemplateListCommand.select) + [
            bind(["n", "+"], .add, "new template", bar: "add", edits: true),
            bind([.enter, "e"], .open, "open the template (to read or edit it)", bar: "open"),
            bind(["x", .delete], .remove, "remove the template", bar: "remove", edits: true),
            bind([.escape, "q"], .back, "back", bar: "back"),
        ])

    public static let reasons = KeyTable<ReasonListCommand>(
        listSteps("reason", ReasonListCommand.select) + [
            bind([.enter, "a"], .openActions, "actions of the reason", bar: "actions"),
            bind(["n", "+"], .add, "add a reason", bar: "add", edits: true),
            bind(["e"], .rename, "rename the reason", bar: "rename", edits: true),
            bind(["x", .delete], .remove, "remove the reason", bar: "remove", edits: true),
            bind([.escape, "q"], .back, "back", bar: "back"),
        ])

    public static let confirm = KeyTable<ConfirmCommand>([
        bind(["y"], .yes, "yes, do it", bar: "yes"),
        bind(["n", .escape, .enter], .no, "no, keep it (the safe choice)", bar: "no"),
    ])

    /// Printable keys type into the focused text field; these do the rest.
    public static let form = KeyTable<FormCommand>([
        bind([.tab], .nextField, "next field (completes a name first)", bar: "next field"),
        bind([.backTab], .previousField, "previous field"),
        bind([.down: .down, .up: .up], "next / previous field (in Body: a line)"),
        bind([.left: .left, .right: .right], "choose, or move the cursor in text", bar: "choose", edits: true),
        bind([.enter], .saveOrNewLine, "save (in Body and Note: a new line)", bar: "save", edits: true),
        bind([.control("s")], .save, "save from any field", bar: "save", edits: true),
        bind([.escape], .cancel, "cancel (asks first once you typed)", bar: "cancel"),
    ] + lineEditing(FormCommand.edit, edits: true))

    /// The keys every text field shares, as readline and shells have them.
    static func lineEditing<Command>(_ command: (TextEdit) -> Command, edits: Bool = false) -> [KeyBinding<Command>] {
        [
            bind([.home, .control("a")], command(.lineStart), "start of the line", edits: edits),
            bind([.end, .control("e")], command(.lineEnd), "end of the line", edits: edits),
            bind([.backspace], command(.deleteBack), "delete before the cursor", edits: edits),
            bind([.delete], command(.deleteForward), "delete under the cursor", edits: edits),
            bind([.control("w")], command(.deleteWordBack), "delete the word before the cursor", edits: edits),
            bind([.control("u")], command(.deleteToLineStart), "delete to the start of the line", edits: edits),
            bind([.control("k")], command(.deleteToLineEnd), "delete to the end of the line", edits: edits),
        ]
    }
}

/// The modes keys are read in, each with its table. `?` lists them in this order.
public enum KeyMode: CaseIterable, Sendable {
    case board, filter, finder, carrying, moveDialog, profile, myWork, scheduled, disqualifyPicker
    case runList, insights, actionList, pipeline, templates, reasons, form, confirm, help, tooSmall, screens, anywhere

    public var title: String {
        switch self {
        case .board: "Board"
        case .filter: "Filtering (/)"
        case .finder: "Finding (f)"
        case .carrying: "Carrying a card (m)"
        case .moveDialog: "Move dialogs"
        case .profile: "Profile (Enter)"
        case .myWork: "My work (i)"
        case .scheduled: "Scheduled emails and timed actions (s)"
        case .disqualifyPicker: "Disqualifying (d)"
        case .runList: "What ran (o)"
        case .insights: "Insights (I)"
        case .actionList: "Automations (a)"
        case .pipeline: "Pipeline (p)"
        case .templates: "Email templates (e)"
        case .reasons: "Reasons (r)"
        case .form: "Forms"
        case .confirm: "Questions"
        case .help: "This help"
        case .tooSmall: "Terminal too small"
        case .screens: "Every list and page"
        case .anywhere: "Anywhere"
        }
    }

    public var rows: [KeyRow] {
        switch self {
        case .board: KeyMap.board.rows
        case .filter: KeyMap.filter.rows
        case .finder: KeyMap.finder.rows
        case .carrying: KeyMap.carrying.rows
        case .moveDialog: KeyMap.moveDialog.rows
        case .profile: KeyMap.profile.rows
        case .myWork: KeyMap.myWork.rows
        case .scheduled: KeyMap.scheduled.rows
        case .disqualifyPicker: KeyMap.disqualifyPicker.rows
        case .runList: KeyMap.runList.rows
        case .insights: KeyMap.insights.rows
        case .actionList: KeyMap.actionList.rows
        case .pipeline: KeyMap.pipeline.rows
        case .templates: KeyMap.templates.rows
        case .reasons: KeyMap.reasons.rows
        case .form: KeyMap.form.rows
        case .confirm: KeyMap.confirm.rows
        case .help: KeyMap.help.rows
        case .tooSmall: KeyMap.tooSmall.rows
        case .screens: KeyMap.screens.rows
        case .anywhere: KeyMap.anywhere.rows
        }
    }
}

extension KeyMode {
    /// Whether `?` opens the help here: on the lists and pages, which have no text
    /// field to type it into. The board binds it in its own table.
    public var opensHelp: Bool {
        switch self {
        case .carrying, .moveDialog, .profile, .myWork, .scheduled, .disqualifyPicker, .runList, .insights, .actionList, .pipeline,
            .templates, .reasons:
            true
        default: false
        }
    }
}
