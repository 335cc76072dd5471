import StagehandCore

extension Board {
    static func helpCommand(_ command: PageCommand, _ scroll: Int, over: Mode, _ state: inout BoardState) -> [Effect] {
        switch command {
        case .scroll(let step):
            let layout = HelpLayout(state)
            let positions = max(1, layout.perColumn - layout.rows + 1)
            state.mode = .help(scroll: step.apply(to: min(scroll, positions - 1), count: positions, page: layout.rows), over: over)
        case .close:
            state.mode = over
        }
        return []
    }
}
