import StagehandCore

extension Board {
    /// Every candidate of the listed batches and each of their actions, with whole
    /// reasons: what the pane cuts to fit, and the runs behind its "+N more".
    static func drawRunList(_ batches: [RunBatch], top: Int, _ state: BoardState, on frame: inout Frame) {
        let people = Set(batches.flatMap { state.runs(of: $0) }.map(\.candidate))
        let whom = people.count == 1 ? people.first.map { state.workspace.name(of: $0) } ?? "" : counted(people.count, "candidate")
        drawPage("Actions run from this board: \(whom)", lines: runListLines(batches, state), top: top, state: state, on: &frame)
    }

    static func runListLines(_ batches: [RunBatch], _ state: BoardState) -> [PageLine] {
        let workspace = state.workspace
        let theme = state.theme
        var lines: [PageLine] = []
        for run in batches.flatMap({ state.runs(of: $0) }) {
            let place =
                if let reason = run.reason.flatMap({ workspace.reason($0) }) {
                    "disqualified: \(reason.name)"
                } else {
                    "\(state.symbols.arrowRight) \(workspace.job(run.job)?.stage(run.stage)?.name ?? "")"
                }
            let job = workspace.job(run.job)?.title ?? ""
            if !lines.isEmpty { lines.append(PageLine("", .plain)) }
            let standing = standing(of: run, now: state.now, workspace: workspace, mailProblem: state.mailProblem)
            lines.append(PageLine("\(workspace.name(of: run.candidate)) \(place) (\(job)): \(standing.word)", theme[.columnTitle]))
            for step in run.steps {
                let said = stepText(step, workspace: workspace, mailProblem: state.mailProblem, whole: true)
                let troubled = stepGlyphState(step, workspace: workspace, mailProblem: state.mailProblem)
                let style = if case .failed = troubled { theme[.statusError] } else { theme[.card] }
                lines.append(
                    PageLine("  \(glyph(for: troubled, state.symbols)) \(workspace.summary(of: step.action, in: run)) — \(said)", style, hang: "    "))
            }
        }
        return lines
    }

    /// The screen rows `lines` take on a page, wrapped as `drawPage` wraps them.
    static func pageRows(_ lines: [PageLine], _ state: BoardState) -> Int {
        lines.reduce(0) { $0 + wrap($1.text, width: pageWidth(state), hang: $1.hang).count }
    }
}
