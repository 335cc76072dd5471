import Foundation
import StagehandCore

extension Board {
    /// `I`: the current job's insights over the last 30 days.
    static func openInsights(_ state: inout BoardState) {
        guard let page = insightsPage(state, top: 0) else {
            state.status = StatusLine(kind: .info, text: "No jobs yet: nothing to show")
            return
        }
        state.mode = .insights(page)
    }

    static func insightsPage(_ state: BoardState, top: Int) -> InsightsPage? {
        guard let job = state.job else { return nil }
        let calendar = state.workspace.setup.settings.calendar
        let period = InsightPeriod.lastDays(30, before: state.now, calendar: calendar)
        guard let insights = state.workspace.insights(for: [job.id], period: period, now: state.now).jobs.first else { return nil }
        return InsightsPage(insights: insights, period: period, top: top)
    }

    /// Someone changed the workspace while the page is open: its figures follow.
    static func refreshInsights(_ state: inout BoardState) {
        guard case .insights(let page) = state.mode else { return }
        if let fresh = insightsPage(state, top: page.top) { state.mode = .insights(fresh) } else { state.mode = .board }
    }

    static func insightsCommand(_ command: PageCommand, _ page: InsightsPage, _ state: inout BoardState) -> [Effect] {
        switch command {
        case .scroll(let step):
            let rows = pageRows(insightsLines(page, state), state)
            let room = pageRoom(state)
            let positions = max(1, rows - room + 1)
            var next = page
            next.top = step.apply(to: min(page.top, positions - 1), count: positions, page: room)
            state.mode = .insights(next)
        case .close:
            state.mode = .board
        }
        return []
    }

    /// `A`: the focused column by age in stage, or back to the order its cards came.
    static func toggleAgeOrder(_ state: inout BoardState) {
        guard let job = state.job, let stage = state.stage else { return }
        let key = StageKey(job: job.id, stage: stage.id)
        if state.ageOrdered.contains(key) {
            state.ageOrdered.remove(key)
            state.status = StatusLine(kind: .info, text: "\(stage.name): in the order the cards came")
        } else {
            state.ageOrdered.insert(key)
            state.status = StatusLine(kind: .info, text: "\(stage.name) by age: longest first, disqualified last")
        }
    }
}
