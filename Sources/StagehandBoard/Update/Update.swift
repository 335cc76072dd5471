import Foundation
import StagehandCore

/// The board's only way to change: a pure function of state and message that
/// returns the work to do. No terminal, no file, no clock in here.
public enum Board {
    /// How long the green pane stays after its run finished.
    static let paneLinger: TimeInterval = 4
    /// How many moves `u` can take back.
    static let undoDepth = 50
    /// Candidates a bulk move commits at a time, each batch durable on its own.
    public static let bulkBatch = 20

    public static func update(_ state: inout BoardState, _ msg: Msg) -> [Effect] {
        let effects = respond(to: msg, &state)
        state.pinShownBatch()
        return effects
    }

    static func respond(to msg: Msg, _ state: inout BoardState) -> [Effect] {
        switch msg {
        case .input(.resize(let width, let height)):
            state.width = width
            state.height = height
            return []
        case .input(.hangup):
            state.quitting = true
            return [.quit]
        case .input(.key(let key)):
            return handle(key, &state)
        case .input(.mouse(let event)):
            return state.layout.isTooSmall ? [] : handleMouse(event, &state)
        case .tick(let now):
            state.now = now
            return tick(&state)
        case .workspaceChanged(let workspace):
            let before = state
            state.workspace = workspace
            state.mode = anchoringPageCursors(state.mode, before: before, after: state)
            state.clampIndices()
            state.selection = state.selection.filter { workspace.candidates[$0] != nil }
            followFocusedCandidate(&state)
            refreshEditors(&state)
            refreshInsights(&state)
            if case .finding = state.mode { state.candidateIndex = CandidateIndex(workspace) } else { state.candidateIndex = nil }
            return []
        case .changed(let change, let outcome):
            return changed(change, outcome, &state)
        case .mailProblem(let problem):
            state.mailProblem = problem
            return []
        case .storeProblem(let problem):
            state.storeProblem = problem
            return []
        case .bulkProgressed(let done, let total):
            state.bulkProgress = BulkProgress(done: done, total: total)
            return []
        case .info(let text):
            state.status = StatusLine(kind: .info, text: text)
            return []
        case .failed(let text):
            state.bulkProgress = nil
            state.status = StatusLine(kind: .error, text: text)
            switch state.mode {
            case .editing(let screens):
                guard case .form(var form) = screens.last else { break }
                form.saveError = text
                replaceEditorScreen(.form(form), &state)
            case .form(var form, let over):
                // The form stays open with what was typed: nothing is lost to a refusal.
                form.saveError = text
                form.saving = nil
                state.mode = .form(form, over: over)
            default:
                break
            }
            return []
        case .setupChanged(let text):
            setupChanged(text, &state)
            return []
        }
    }

    /// The core made a change the board asked for: its runs go to the progress pane,
    /// a move can be undone, and the status line says what happened.
    static func changed(_ change: CandidateChange, _ outcome: CandidateChangeOutcome, _ state: inout BoardState) -> [Effect] {
        state.bulkProgress = nil
        // A move, a disqualification or a reinstatement can be taken back with u.
        if let undo = outcome.undo, !undo.previous.isEmpty {
            state.undoStack.append(undo)
            if state.undoStack.count > undoDepth { state.undoStack.removeFirst() }
        }
        if case .move = change { state.selection.subtract(outcome.moved) }
        state.status = outcome.mailProblem.map { StatusLine(kind: .error, text: $0) } ?? StatusLine(kind: .info, text: outcome.sentence)
        if case .form(let form, let over) = state.mode, form.saving == change { state.mode = over }
        let started = outcome.runs.filter { !state.startedRuns.contains($0) }
        guard !started.isEmpty else { return [] }
        state.batches.append(RunBatch(started))
        state.paneClosesAt = nil
        return [.advance(started)]
    }

    /// Keeps runs moving and closes the finished pane after a while.
    static func tick(_ state: inout BoardState) -> [Effect] {
        var effects: [Effect] = []
        let waiting = state.startedRuns.filter { id in
            guard let run = state.workspace.actionRuns[id] else { return false }
            return !run.isFinished && run.startsAt <= state.now
        }
        if !waiting.isEmpty { effects.append(.advance(waiting)) }
        if let shown = state.shownBatch, !state.isInFlight(shown) {
            if state.paneClosesAt == nil { state.paneClosesAt = state.now.addingTimeInterval(paneLinger) }
            // A failure, or an email not sent yet, stays until a key: it must be read.
            if let closes = state.paneClosesAt, state.now >= closes, !state.needsReading(shown) { closePane(&state) }
        }
        return effects
    }

    /// Someone else moved the focused candidate: focus follows them to their new stage.
    static func followFocusedCandidate(_ state: inout BoardState) {
        if let focused = state.focused, let job = state.job,
            let stage = state.workspace.candidates[focused]?.placement(in: job.id)?.stage,
            let index = job.stageIndex(stage), state.row(of: focused, inStage: index) != nil
        {
            state.stageIndex = index
            return
        }
        state.focusFirstCard()
    }

    /// Forgets finished batches so the pane closes (or shows the next one in flight).
    static func closePane(_ state: inout BoardState) {
        let shown = state
        state.batches.removeAll { !shown.isInFlight($0) }
        state.paneClosesAt = nil
    }

    /// Hands a key to the table of the mode that reads it, and that mode's handler.
    static func handle(_ key: Key, _ state: inout BoardState) -> [Effect] {
        if let command = KeyMap.anywhere.command(for: key) {
            switch command {
            case .quit: return quit(&state)
            }
        }
        let mode = state.keyMode
        if mode.opensHelp, let command = KeyMap.screens.command(for: key) {
            switch command {
            case .help: state.mode = .help(scroll: 0, over: state.mode)
            }
            return []
        }
        if mode == .board || mode == .profile, key != "c", key != "o", let shown = state.shownBatch, !state.isInFlight(shown) {
            closePane(&state)
        }
        if mode == .board { state.status = nil }
        switch (mode, state.mode) {
        case (.tooSmall, _):
            // `q` there would end the board and lose what is being typed: it waits for the size instead.
            guard !state.isTypingText, let command = KeyMap.tooSmall.command(for: key) else { return [] }
            switch command {
            case .quit: return quit(&state)
            }
        case (.board, _):
            return KeyMap.board.command(for: key).map { boardCommand($0, &state) } ?? []
        case (.filter, _):
            return filterKey(key, &state)
        case (.carrying, .carrying(let carry)):
            return KeyMap.carrying.command(for: key).map { carryCommand($0, carry, &state) } ?? []
        case (.moveDialog, .moveDialog(let dialog, let over)):
            return KeyMap.moveDialog.command(for: key).map { moveDialogCommand($0, dialog, over: over, &state) } ?? []
        case (.profile, .profile(let id, let cursor, let back)):
            return KeyMap.profile.command(for: key).map { profileCommand($0, id, cursor, back: back, &state) } ?? []
        case (.help, .help(let scroll, let over)):
            return KeyMap.help.command(for: key).map { helpCommand($0, scroll, over: over, &state) } ?? []
        case (.myWork, .myWork(let cursor)):
            return KeyMap.myWork.command(for: key).map { myWorkCommand($0, cursor, &state) } ?? []
        case (.finder, .finding(let finder)):
            return finderKey(key, finder, &state)
        case (.scheduled, .scheduled(let selected)):
            return KeyMap.scheduled.command(for: key).map { scheduledCommand($0, selected, &state) } ?? []
        case (.disqualifyPicker, .disqualifying(let candidate, let selected, let over)):
            return KeyMap.disqualifyPicker.command(for: key).map { disqualifyPickerCommand($0, candidate, selected, over: over, &state) } ?? []
        case (_, .editing(let screens)):
            return editorKey(key, screens, &state)
        case (.form, .form(let form, _)):
            state.status = nil
            return formKey(key, form, &state)
        case (.runList, .runList(let batches, let top, let back)):
            return KeyMap.runList.command(for: key).map { runListCommand($0, batches, top: top, back: back, &state) } ?? []
        case (.insights, .insights(let page)):
            return KeyMap.insights.command(for: key).map { insightsCommand($0, page, &state) } ?? []
        case (.confirm, .question(let confirmation, _)):
            return KeyMap.confirm.command(for: key).map { confirmCommand($0, confirmation, &state) } ?? []
        default:
            return []
        }
    }

    static func quit(_ state: inout BoardState) -> [Effect] {
        state.quitting = true
        return [.quit]
    }
}
