import StagehandCore

extension Board {
    /// `o`: everything the progress pane shows, and what it had to cut, on a page.
    static func listShownRun(_ state: inout BoardState) {
        guard let batch = state.shownBatch else {
            state.status = StatusLine(kind: .info, text: "No actions have run from this board yet")
            return
        }
        state.mode = .runList(batch, top: 0, back: state.mode)
    }

    static func runListCommand(_ command: PageCommand, _ batch: RunBatch, top: Int, back: Mode, _ state: inout BoardState) -> [Effect] {
        switch command {
        case .scroll(let step):
            let rows = pageRows(runListLines(batch, state), state)
            let room = pageRoom(state)
            let positions = max(1, rows - room + 1)
            state.mode = .runList(batch, top: step.apply(to: min(top, positions - 1), count: positions, page: room), back: back)
        case .close:
            state.mode = back
        }
        return []
    }
}
