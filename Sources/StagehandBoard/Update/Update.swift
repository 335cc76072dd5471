import Foundation
import StagehandCore

/// The board's only way to change: a pure function of state and message that
/// returns the work to do. No terminal, no file, no clock in here.
public enum Board {
    /// How long the green pane stays after its run finished.
    static let paneLinger: TimeInterval = 4

    public static func update(_ state: inout BoardState, _ msg: Msg) -> [Effect] {
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
            return handleMouse(event, &state)
        case .tick(let now):
            state.now = now
            return tick(&state)
        case .workspaceChanged(let workspace):
            state.workspace = workspace
            state.clampIndices()
            state.selection = state.selection.filter { workspace.candidates[$0] != nil }
            followFocusedCandidate(&state)
            refreshEditors(&state)
            return []
        case .moved(let outcome, let undo):
            state.undoStack.append(undo)
            if state.undoStack.count > 50 { state.undoStack.removeFirst() }
            state.runs += outcome.runs.filter { !state.runs.contains($0) }
            state.paneClosesAt = nil
            state.bulkProgress = nil
            state.selection.subtract(outcome.moved)
            let names = outcome.moved.compactMap { state.workspace.candidates[$0]?.name }
            let target = state.job?.stage(undo.target)?.name ?? ""
            let what = names.count == 1 ? names[0] : "\(names.count) candidates"
            state.status = StatusLine(kind: .info, text: "Moved \(what) to \(target)")
            return outcome.runs.isEmpty ? [] : [.advance(outcome.runs)]
        case .bulkProgressed(let done, let total):
            state.bulkProgress = BulkProgress(done: done, total: total)
            return []
        case .disqualified(let candidate, let outcome):
            if let run = outcome.run { state.runs.append(run) }
            state.paneClosesAt = nil
            let name = state.workspace.candidates[candidate]?.name ?? ""
            state.status = StatusLine(kind: .info, text: "Disqualified \(name)")
            return outcome.run.map { [.advance([$0])] } ?? []
        case .info(let text):
            state.status = StatusLine(kind: .info, text: text)
            return []
        case .failed(let text):
            state.bulkProgress = nil
            state.status = StatusLine(kind: .error, text: text)
            if case .editing(let screens) = state.mode, case .form(var form) = screens.last {
                form.saveError = text
                replaceEditorScreen(.form(form), &state)
            }
            return []
        case .setupChanged(let text):
            setupChanged(text, &state)
            return []
        }
    }

    /// Keeps runs moving and closes the finished pane after a while.
    static func tick(_ state: inout BoardState) -> [Effect] {
        var effects: [Effect] = []
        let waiting = state.runs.filter { id in
            guard let run = state.workspace.actionRuns[id] else { return false }
            return !run.isFinished && run.startsAt <= state.now
        }
        if !waiting.isEmpty { effects.append(.advance(waiting)) }
        if let shown = state.shownRun, shown.isFinished {
            if state.paneClosesAt == nil { state.paneClosesAt = state.now.addingTimeInterval(paneLinger) }
            if let closes = state.paneClosesAt, state.now >= closes, !shown.hasFailures { closePane(&state) }
        }
        return effects
    }

    /// Someone else moved the focused candidate: focus follows them to their new stage.
    static func followFocusedCandidate(_ state: inout BoardState) {
        if let focused = state.focused, let job = state.job,
            let stage = state.workspace.candidates[focused]?.placement(in: job.id)?.stage,
            let index = job.stageIndex(stage), state.cards(inStage: index).contains(where: { $0.id == focused })
        {
            state.stageIndex = index
            return
        }
        state.focusFirstCard()
    }

    /// Forgets finished runs so the pane closes (or shows the next one in flight).
    static func closePane(_ state: inout BoardState) {
        state.runs.removeAll { state.workspace.actionRuns[$0]?.isFinished ?? true }
        state.paneClosesAt = nil
    }

    static func handle(_ key: Key, _ state: inout BoardState) -> [Effect] {
        // Ctrl-C quits from anywhere, as it does in any terminal program.
        if key == .control("c") {
            state.quitting = true
            return [.quit]
        }
        if key != .character("c"), let shown = state.shownRun, shown.isFinished, state.mode == .board {
            closePane(&state)
        }
        if state.mode == .board { state.status = nil }
        switch state.mode {
        case .board: return boardKey(key, &state)
        case .filtering: return filterKey(key, &state)
        case .carrying(let carry): return carryKey(key, carry, &state)
        case .dialog(let dialog): return dialogKey(key, dialog, &state)
        case .profile, .help, .myWork: return readingKey(key, &state)
        case .editing(let screens): return editorKey(key, screens, &state)
        case .scheduled(let selected): return scheduledKey(key, selected, &state)
        case .disqualifying(let candidate, let selected): return reasonKey(key, candidate, selected, &state)
        }
    }
}

extension BoardState {
    /// The run the progress pane shows: the newest one still running, so that `c`
    /// always reaches what can still be cancelled; else the newest finished one.
    public var shownRun: ActionRun? {
        let known = runs.reversed().compactMap { workspace.actionRuns[$0] }
        return known.first { !$0.isFinished } ?? known.first
    }

    /// Runs in flight besides the shown one.
    public var otherRunsInFlight: Int {
        max(0, runs.compactMap { workspace.actionRuns[$0] }.filter { !$0.isFinished }.count - (shownRun?.isFinished == false ? 1 : 0))
    }
}
