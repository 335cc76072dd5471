/// What a key asks of each mode. One enum per mode, so that each mode's handler
/// is an exhaustive `switch`: a binding the handler forgot does not compile.

/// A step through a list or a page of text.
public enum ListStep: Sendable, Equatable {
    case previous, next, pageUp, pageDown, first, last

    /// The index this step leads to from `index`, in a list of `count` rows of which
    /// `page` show at once.
    public func apply(to index: Int, count: Int, page: Int) -> Int {
        let last = max(0, count - 1)
        let target =
            switch self {
            case .previous: index - 1
            case .next: index + 1
            case .pageUp: index - max(1, page)
            case .pageDown: index + max(1, page)
            case .first: 0
            case .last: last
            }
        return min(max(target, 0), last)
    }
}

public enum BoardCommand: Sendable, Equatable {
    case focusLeft, focusRight, focusUp, focusDown
    case nextJob, previousJob
    case toggleSelection, selectColumn, clearSelection
    case pickUp, moveRight, moveLeft
    case firstCard, lastCard, jumpToStage(Int)
    case cancelRun, listRun, openProfile, openAutomations, openPipeline, openTemplates, openReasons
    case disqualify, myWork, scheduled, filter, find, addCandidate, undo, help, reload, cycleTheme, quit
    case sortByAge, insights
}

/// The finder: printable keys type what to look for.
public enum FinderCommand: Sendable, Equatable {
    case select(ListStep), jump, close
    case edit(TextEdit)
}

public enum FilterCommand: Sendable, Equatable {
    case keep, clear
    case edit(TextEdit)
}

public enum CarryCommand: Sendable, Equatable {
    case left, right, drop, putBack
}

public enum MoveDialogCommand: Sendable, Equatable {
    case runActions, withoutActions, highlight(ListStep), choose, cancel
}

public enum ProfileCommand: Sendable, Equatable {
    case cursor(ListStep), open, toggleDone, evaluate, note, tags, follow, edit, addTask
    case moveRight, moveLeft, disqualify, undo, retryEmails, cancelRun, listRun, close
}

public enum MyWorkCommand: Sendable, Equatable {
    case cursor(ListStep), open, toggleDone, editTask, evaluate, closeLeftBehind, close
}

/// Help: a page to read.
public enum PageCommand: Sendable, Equatable {
    case scroll(ListStep), close
}

public enum ScheduledCommand: Sendable, Equatable {
    case select(ListStep), sendNow, cancelEmail, retryEmail, close
}

public enum DisqualifyPickerCommand: Sendable, Equatable {
    case select(ListStep), choose, cancel
}

public enum ActionListCommand: Sendable, Equatable {
    case select(ListStep), add, open, remove, earlier, later, back
}

public enum PipelineCommand: Sendable, Equatable {
    case select(ListStep), openActions, add, rename, remove, moveLeft, moveRight, switchPipeline, newJob, toggleJobStatus, back
    case expectedTime, jobEarlier, jobLater
}

public enum TemplateListCommand: Sendable, Equatable {
    case select(ListStep), add, open, remove, back
}

public enum ReasonListCommand: Sendable, Equatable {
    case select(ListStep), openActions, add, rename, remove, back
}

public enum ConfirmCommand: Sendable, Equatable {
    case yes, no
}

public enum FormCommand: Sendable, Equatable {
    /// Enter: saves, except in a field of several lines, where it starts a new one.
    case saveOrNewLine
    case nextField, previousField, save, cancel
    /// ↑ ↓: a line up or down in a text of several lines; from its first or last line
    /// (and in every other field) the previous or next field.
    case up, down
    /// ← →: a choice's options, or a field's presets while it shows one; else the cursor.
    case left, right
    case edit(TextEdit)
}

/// Below the smallest size the board draws in.
public enum TooSmallCommand: Sendable, Equatable {
    case quit
}

/// Keys that work in every mode.
public enum AnywhereCommand: Sendable, Equatable {
    case quit
}

public enum ScreenCommand: Sendable, Equatable {
    case help
}
