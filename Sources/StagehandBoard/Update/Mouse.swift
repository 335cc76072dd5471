import StagehandCore

extension Board {
    /// Click focuses a card; press, drag and release carry it to another column
    /// through the same dialogs as the keyboard.
    static func handleMouse(_ event: MouseEvent, _ state: inout BoardState) -> [Effect] {
        let layout = state.layout
        switch (event.action, state.mode) {
        case (.press, .board):
            guard let hit = layout.hit(x: event.x, y: event.y) else { return [] }
            let cards = state.cards(inStage: hit.stage)
            let first = layout.firstCard(focusedIndex: hit.stage == state.stageIndex ? state.focusedCardIndex : nil, count: cards.count)
            state.stageIndex = hit.stage
            if let row = hit.row, cards.indices.contains(first + row) {
                state.focused = cards[first + row].id
                if state.canMove {
                    state.mode = .carrying(Carry(candidates: [cards[first + row].id], fromStage: hit.stage, targetStage: hit.stage))
                    state.mouseCarry = true
                }
            } else {
                state.focusFirstCard()
            }
        case (.drag, .carrying(var carry)) where state.mouseCarry:
            guard let hit = layout.hit(x: event.x, y: event.y) else { return [] }
            carry.targetStage = hit.stage
            state.mode = .carrying(carry)
        case (.release, .carrying(var carry)) where state.mouseCarry:
            state.mouseCarry = false
            if let hit = layout.hit(x: event.x, y: event.y) { carry.targetStage = hit.stage }
            guard carry.targetStage != carry.fromStage else {
                state.mode = .board
                return []
            }
            return drop(carry.candidates, on: carry.targetStage, &state)
        case (.scrollDown, .board):
            focusCard(by: 1, &state)
        case (.scrollUp, .board):
            focusCard(by: -1, &state)
        default:
            break
        }
        return []
    }
}
