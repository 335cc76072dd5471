import Foundation
import StagehandCore

extension Board {
    /// The lower-right pane: the newest run, one row per action, a bar and Cancel.
    static func drawProgressPane(_ state: BoardState, on frame: inout Frame) {
        guard let run = state.shownRun else { return }
        let theme = state.theme
        let symbols = state.symbols
        let workspace = state.workspace
        let width = min(56, frame.width - 2)
        let height = min(run.steps.count + 4, frame.height - 4)
        let box = Box(x: frame.width - width - 1, y: frame.height - 1 - height, width: width, height: height)
        let cancelled = run.cancelledCount > 0
        // Green says the actions did their work: a cancelled run, or one where every
        // action was skipped, is not green.
        let nothingWorked = run.workedCount == 0
        let finishedStyle = run.hasFailures ? theme[.paneFailed] : (cancelled || nothingWorked ? theme[.paneCancelled] : theme[.paneDone])
        let style = run.isFinished ? finishedStyle : theme[.pane]
        let border = run.isFinished ? finishedStyle : theme[.paneBorder]
        let name = workspace.candidates[run.candidate]?.name ?? run.candidate.rawValue
        let place =
            run.reason.flatMap { workspace.reason($0)?.name }
            ?? workspace.job(run.job)?.stage(run.stage)?.name ?? ""
        let others = state.otherRunsInFlight
        box.draw(
            on: &frame, symbols: symbols, style: style, border: border, title: "\(symbols.bolt) \(name) \(symbols.arrowRight) \(place)",
            right: others > 0 ? "+\(others) more" : "")
        for (index, step) in run.steps.enumerated() where index < height - 4 {
            let text = "\(glyph(for: step.state, symbols)) \(workspace.summary(of: step.action, forDisqualification: run.reason != nil))"
            let detail = stateText(step.state, workspace: workspace)
            let room = box.innerWidth - DisplayWidth.of(detail) - 1
            box.line(index, DisplayWidth.truncate(text, to: room), on: &frame, style: style)
            frame.put(detail, x: box.innerX + box.innerWidth - DisplayWidth.of(detail), y: box.y + 1 + index, style: style)
        }
        let footerRow = height - 3
        // The bar fills with what ran, so a cancelled run does not look complete.
        let done = run.settledCount
        let total = max(run.steps.count, 1)
        let barWidth = max(4, min(20, box.innerWidth / 3))
        let filled = barWidth * done / total
        let bar = String(repeating: symbols.barFull, count: filled) + String(repeating: symbols.barEmpty, count: barWidth - filled)
        var footer = "\(bar) \(done)/\(run.steps.count)"
        if run.isFinished {
            if run.hasFailures {
                let reason = run.steps.compactMap { if case .failed(let why) = $0.state { why } else { nil } }.first ?? ""
                footer += "  Failed: \(reason)"
            } else if cancelled {
                footer += "  Cancelled"
            } else {
                footer += nothingWorked ? "  Nothing to do: all skipped" : "  Done"
            }
        } else {
            let wait = Int(ceil(run.startsAt.timeIntervalSince(state.now)))
            footer += wait > 0 ? "  starts in \(wait)s" : "  running"
        }
        box.line(footerRow, footer, on: &frame, style: run.isFinished ? style : theme[.progressBar])
        if !run.isFinished {
            let cancel = "[c] Cancel"
            frame.put(cancel, x: box.innerX + box.innerWidth - DisplayWidth.of(cancel), y: box.y + 1 + footerRow, style: theme[.bottomKey])
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

    static func stateText(_ state: StepState, workspace: Workspace) -> String {
        switch state {
        case .scheduled(let at): "at \(workspace.shortMoment(at))"
        case .skipped: "skipped"
        default: state.name
        }
    }
}
