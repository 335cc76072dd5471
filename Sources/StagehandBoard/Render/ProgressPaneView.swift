import Foundation
import StagehandCore

extension Board {
    /// The lower-right pane: what the shown batch is doing — one card's actions row by
    /// row, or a bulk move's candidates with counts — a bar, and Cancel.
    static func drawProgressPane(_ state: BoardState, on frame: inout Frame) {
        guard let batch = state.shownBatch else { return }
        let runs = state.runs(of: batch)
        guard let first = runs.first else { return }
        let theme = state.theme
        let symbols = state.symbols
        let workspace = state.workspace
        var rows = runs.count == 1 ? stepRows(first, state) : candidateRows(runs, state, room: max(1, frame.height - 10))
        let steps = runs.flatMap(\.steps)
        // An email that did not go out gets a row of its own for why: the footer has no room.
        let retrying = steps.compactMap(workspace.retryReason)
        let waiting = state.mailProblem != nil && steps.contains { workspace.trouble(of: $0) == .notTakenToSend }
        if let why = retrying.first {
            rows.append(PaneRow(text: "Not sent yet: \(continuing(why))", detail: ""))
        } else if waiting, let problem = state.mailProblem {
            rows.append(PaneRow(text: "Not sent from here: \(continuing(problem))", detail: ""))
        }
        let width = min(56, frame.width - 2)
        let height = min(rows.count + 4, frame.height - 4)
        let box = Box(x: frame.width - width - 1, y: frame.height - 1 - height, width: width, height: height)
        let finished = steps.allSatisfy(\.state.isFinished)
        let failed = runs.filter(\.hasFailures)
        let cancelled = steps.contains { $0.state == .cancelled }
        // Green says the actions did their work: a cancelled run, or one where every
        // action was skipped, is not green.
        let nothingWorked = !steps.contains { $0.state.didWork }
        let troubled = !failed.isEmpty || !retrying.isEmpty
        let finishedStyle = troubled ? theme[.paneFailed] : (cancelled || nothingWorked ? theme[.paneCancelled] : theme[.paneDone])
        let style = finished ? finishedStyle : theme[.pane]
        let border = finished ? finishedStyle : theme[.paneBorder]
        let places = Set(runs.map { run in run.reason.flatMap { workspace.reason($0)?.name } ?? workspace.job(run.job)?.stage(run.stage)?.name ?? "" })
        let who = runs.count == 1 ? workspace.name(of: first.candidate) : counted(runs.count, "candidate")
        let place = places.count == 1 ? " \(symbols.arrowRight) \(places.first ?? "")" : ""
        let others = state.otherBatchesInFlight
        box.draw(
            on: &frame, symbols: symbols, style: style, border: border, title: "\(symbols.bolt) \(who)\(place)",
            right: others > 0 ? "+\(others) more" : "")
        for (index, row) in rows.enumerated() where index < height - 4 {
            let room = box.innerWidth - DisplayWidth.of(row.detail) - 1
            box.line(index, DisplayWidth.truncate(row.text, to: room), on: &frame, style: style)
            frame.put(row.detail, x: box.innerX + box.innerWidth - DisplayWidth.of(row.detail), y: box.y + 1 + index, style: style)
        }
        let footerRow = height - 3
        // The bar fills with what ran, so a cancelled run does not look complete.
        let done = steps.filter { $0.state.isFinished && $0.state != .cancelled }.count
        let total = max(steps.count, 1)
        let barWidth = max(4, min(20, box.innerWidth / 3))
        let filled = barWidth * done / total
        let bar = String(repeating: symbols.barFull, count: filled) + String(repeating: symbols.barEmpty, count: barWidth - filled)
        var footer = "\(bar) \(done)/\(steps.count)"
        if !failed.isEmpty {
            let reason = runs.count == 1 ? (firstFailure(first) ?? "") : "for \(counted(failed.count, "candidate"))"
            footer += finished ? "  Failed: \(reason)" : "  running; failed \(reason)"
        } else if !retrying.isEmpty {
            footer += "  Email not sent yet"
        } else if finished {
            footer += cancelled ? "  Cancelled" : nothingWorked ? "  Nothing to do: all skipped" : "  Done"
        } else if waiting {
            footer += "  Waiting for mail"
        } else {
            let wait = Int(ceil((runs.map(\.startsAt).min() ?? state.now).timeIntervalSince(state.now)))
            footer += wait > 0 ? "  starts in \(wait)s" : "  running"
        }
        let keys = finished ? "" : "[c] Cancel"
        box.line(
            footerRow, DisplayWidth.truncate(footer, to: box.innerWidth - (keys.isEmpty ? 0 : DisplayWidth.of(keys) + 1)), on: &frame,
            style: finished ? style : theme[.progressBar])
        if !keys.isEmpty {
            frame.put(keys, x: box.innerX + box.innerWidth - DisplayWidth.of(keys), y: box.y + 1 + footerRow, style: theme[.bottomKey])
        }
        // Whatever the pane had to cut is one key away, in full.
        let list = " [o] all of it "
        frame.put(list, x: box.x + box.width - 1 - DisplayWidth.of(list), y: box.y + box.height - 1, style: border)
    }

    /// A line of the pane: what, and its state at the right edge.
    struct PaneRow {
        var text: String
        var detail: String
    }

    /// One card's run: a row per action.
    static func stepRows(_ run: ActionRun, _ state: BoardState) -> [PaneRow] {
        run.steps.map { step in
            let shown = stepGlyphState(step, workspace: state.workspace, mailProblem: state.mailProblem)
            return PaneRow(
                text: "\(glyph(for: shown, state.symbols)) \(state.workspace.summary(of: step.action, in: run))",
                detail: stepText(step, workspace: state.workspace, mailProblem: state.mailProblem, whole: false))
        }
    }

    /// A bulk move: what its actions came to, then a row per candidate, those that
    /// failed first, as many as there is room for.
    static func candidateRows(_ runs: [ActionRun], _ state: BoardState, room: Int) -> [PaneRow] {
        let steps = runs.flatMap(\.steps)
        func count(_ word: String, _ matches: (StepState) -> Bool) -> String? {
            let n = steps.filter { matches($0.state) }.count
            return n > 0 ? "\(n) \(word)" : nil
        }
        let tally = [
            count("done") { $0 == .done },
            count("scheduled") { if case .scheduled = $0 { true } else { false } },
            count("skipped") { if case .skipped = $0 { true } else { false } },
            count("failed") { if case .failed = $0 { true } else { false } },
            count("cancelled") { $0 == .cancelled },
            count("to go") { !$0.isFinished },
        ].compactMap { $0 }
        var rows = [PaneRow(text: "\(counted(steps.count, "action")): " + tally.joined(separator: ", "), detail: "")]
        let ordered = runs.filter(\.hasFailures) + runs.filter { !$0.hasFailures }
        let shown = ordered.count <= room - 1 ? ordered : Array(ordered.prefix(max(0, room - 2)))
        for run in shown {
            let standing = standing(of: run, now: state.now, workspace: state.workspace, mailProblem: state.mailProblem)
            rows.append(PaneRow(text: "\(glyph(for: standing.state, state.symbols)) \(state.workspace.name(of: run.candidate))", detail: standing.word))
        }
        if shown.count < ordered.count {
            rows.append(PaneRow(text: "\(state.symbols.ellipsis) \(ordered.count - shown.count) more: o lists them all", detail: ""))
        }
        return rows
    }

    /// One candidate's run as a single state and word: failed if anything failed, an
    /// email not sent yet, cancelled, skipped when nothing did its work, else done
    /// (saying how many were skipped); running once it has started.
    static func standing(of run: ActionRun, now: Date, workspace: Workspace, mailProblem: String?) -> (state: StepState, word: String) {
        if let failure = firstFailure(run) { return (.failed(failure), "failed") }
        if run.steps.contains(where: { workspace.retryReason(of: $0) != nil }) { return (.failed(""), "not sent yet") }
        if run.isFinished {
            if run.cancelledCount > 0 { return (.cancelled, "cancelled") }
            if run.workedCount == 0 { return (.skipped(""), "skipped") }
            // A row reading only "done" would hide an email skipped for this person.
            return (.done, run.skippedCount > 0 ? "done, \(run.skippedCount) skipped" : "done")
        }
        if mailProblem != nil, run.steps.contains(where: { workspace.trouble(of: $0) == .notTakenToSend }) { return (.pending, "waiting to be sent") }
        return run.settledCount > 0 || run.startsAt <= now ? (.running, "running") : (.pending, "pending")
    }

    static func firstFailure(_ run: ActionRun) -> String? {
        run.steps.lazy.compactMap { if case .failed(let why) = $0.state { why } else { nil } }.first
    }

    /// The state a step's glyph shows: an email not sent yet after a failed attempt
    /// shows as failed, one waiting for a board that can send as pending.
    static func stepGlyphState(_ step: ActionStep, workspace: Workspace, mailProblem: String?) -> StepState {
        switch workspace.trouble(of: step) {
        case .retrying?: .failed("")
        case .notTakenToSend? where mailProblem != nil: .pending
        default: step.state
        }
    }

    /// What a step's state says: at the pane's right edge in a word or two, or
    /// `whole`, with its reason, where there is room (`o`).
    static func stepText(_ step: ActionStep, workspace: Workspace, mailProblem: String?, whole: Bool) -> String {
        switch (workspace.trouble(of: step), step.state) {
        case (.retrying(let at, let why)?, _):
            return whole ? "not sent yet: \(continuing(withoutFinalStop(why))); trying again at \(workspace.shortMoment(at))" : "retry \(workspace.shortMoment(at))"
        case (.notTakenToSend?, _) where mailProblem != nil:
            return whole ? "waiting to be sent: \(continuing(withoutFinalStop(mailProblem ?? ""))); it goes out from a board or dispatch that can send mail" : "waiting"
        case (_, .scheduled(let at)): return "at \(workspace.shortMoment(at))"
        case (_, .failed(let why)): return whole ? "failed: \(why)" : "failed"
        case (_, .skipped(let why)): return whole ? "skipped: \(why)" : "skipped"
        default: return step.state.name
        }
    }

    static func glyph(for state: StepState, _ symbols: Symbols) -> String {
        switch state {
        case .pending: symbols.isUnicode ? "·" : "."
        case .running: symbols.isUnicode ? "▸" : ">"
        case .done: symbols.isUnicode ? "✓" : "v"
        case .scheduled: symbols.isUnicode ? "◷" : "@"
        case .failed: symbols.isUnicode ? "✗" : "!"
        case .cancelled: symbols.isUnicode ? "⊘" : "-"
        case .skipped: symbols.isUnicode ? "↷" : "~"
        }
    }
}
