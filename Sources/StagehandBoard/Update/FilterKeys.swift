import StagehandCore

extension Board {
    /// Typing a filter: printable keys add to it, the filter table does the rest,
    /// and any other key is ignored rather than read as a board key.
    static func filterKey(_ key: Key, _ state: inout BoardState) -> [Effect] {
        if let command = KeyMap.filter.command(for: key) {
            switch command {
            case .keep: state.mode = .board
            case .clear:
                state.filter = ""
                state.mode = .board
            case .deleteBack:
                if !state.filter.isEmpty { state.filter.removeLast() }
            }
        } else if case .character(let character) = key {
            state.filter.append(character)
        }
        state.focusFirstCard()
        return []
    }
}
