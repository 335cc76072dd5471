import StagehandCore

extension Board {
    /// Typing a filter: printable keys go in at the cursor, the filter table does the
    /// rest, and any other key is ignored rather than read as a board key.
    static func filterKey(_ key: Key, _ state: inout BoardState) -> [Effect] {
        var typed = TypedText(state.filter, cursor: state.filterCursor)
        if let command = KeyMap.filter.command(for: key) {
            switch command {
            case .keep: state.mode = .board
            case .clear:
                typed = TypedText("")
                state.mode = .board
            case .edit(let edit): typed.apply(edit)
            }
        } else if case .character(let character) = key {
            typed.insert(character)
        }
        state.filter = typed.text
        state.filterCursor = typed.isAtEnd ? nil : typed.cursor
        state.focusFirstCard()
        return []
    }
}
