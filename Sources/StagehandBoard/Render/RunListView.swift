import StagehandCore

extension Board {
    /// Every candidate of the pane's batch and each of their actions, with whole
    /// reasons: what the pane cuts to fit.
    static func drawRunList(_ batch: RunBatch, top: Int, _ state: BoardState, on frame: inout Frame) {
        let runs = state.runs(of: batch)
        let who = runs.count == 1 ? runs.first.map { state.workspace.name(of: $0.candidate) } ?? "" : counted(runs.count, "candidate")
        drawPage("What ran: \(who)", lines: runListLines(batch, state), top: top, state: state, on: &frame)
    }

    static func runListLines(_ batch: RunBatch, _ state: BoardState) -> [PageLine] {
        let workspace = state.workspace
        let theme = state.theme
        var lines: [PageLine] = []
        for run in state.runs(of: batch) {
            let place =
                if let reason = run.reason.flatMap({ workspace.reason($0) }) {
                    "disqualified: \(reason.name)"
                } else {
                    "\(state.symbols.arrowRight) \(workspace.job(run.job)?.stage(run.stage)?.name ?? "")"
                }
            let job = workspace.job(run.job)?.title ?? ""
            if !lines.isEmpty { lines.append(PageLine("", .plain)) }
            lines.append(PageLine("\(workspace.name(of: run.candidate)) \(place) (\(job)): \(standing(of: run, now: state.now).name)", theme[.columnTitle]))
            for step in run.steps {
                let said: String
                switch step.state {
                case .failed(let why): said = "failed: \(why)"
                case .skipped(let why): said = "skipped: \(why)"
                default: said = stateText(step.state, workspace: workspace)
                }
                let style = if case .failed = step.state { theme[.statusError] } else { theme[.card] }
                lines.append(PageLine("  \(glyph(for: step.state, state.symbols)) \(workspace.summary(of: step.action, in: run)) — \(said)", style, hang: "    "))
            }
        }
        return lines
    }

    /// The screen rows `lines` take on a page, wrapped as `drawPage` wraps them.
    static func pageRows(_ lines: [PageLine], _ state: BoardState) -> Int {
        lines.reduce(0) { $0 + wrap($1.text, width: pageWidth(state), hang: $1.hang).count }
    }
}
