import StagehandCore

extension Board {
    /// The current job's insights as bar charts, a page like the others.
    static func drawInsights(_ page: InsightsPage, _ state: BoardState, on frame: inout Frame) {
        let title = "Insights: \(page.insights.title), last \(page.period.days) days (since \(state.workspace.day(page.period.start)))"
        drawPage(title, lines: insightsLines(page, state), top: page.top, state: state, on: &frame)
    }

    static func insightsLines(_ page: InsightsPage, _ state: BoardState) -> [PageLine] {
        InsightsChart.lines(page.insights, period: page.period, width: pageWidth(state), symbols: state.symbols, workspace: state.workspace)
            .map { PageLine($0.text, state.theme[$0.role]) }
    }
}
