import StagehandCore

extension Board {
    /// `o`: everything the progress pane shows, what it had to cut, and the runs
    /// behind its "+N more", on a page: the pane's first, then the newest.
    static func listShownRun(_ state: inout BoardState) {
        guard let shown = state.shownBatch else {
            state.status = StatusLine(kind: .info, text: "No actions have run from this board yet")
            return
        }
        let batches = [shown] + state.batches.reversed().filter { $0 != shown }
        state.mode = .runList(batches, top: 0, back: state.mode)
    }

    static func runListCommand(_ command: PageCommand, _ batches: [RunBatch], top: Int, back: Mode, _ state: inout BoardState) -> [Effect] {
        switch command {
        case .scroll(let step):
            let rows = pageRows(runListLines(batches, state), state)
            let room = pageRoom(state)
            let positions = max(1, rows - room + 1)
            state.mode = .runList(batches, top: step.apply(to: min(top, positions - 1), count: positions, page: room), back: back)
        case .close:
            state.mode = back
        }
        return []
    }
}
