import Foundation
import StagehandCore

extension Board {
    /// On the line under a column's title: how many of its cards are past the stage's
    /// expected time ("⚠2 overdue"), and whether the column is shown by age — the
    /// longest wording that fits the column.
    static func drawColumnNote(_ stage: Stage, x: Int, width: Int, state: BoardState, calendar: Calendar,
        on frame: inout Frame
    ) {
        let byAge = state.isAgeOrdered(stage.id)
        var overdue = 0
        if stage.expected != nil {
            overdue = stage.overdueCount(enteredAt: state.waitingEntries(inStage: stage.id), now: state.now, calendar: calendar)
        }
        guard overdue > 0 || byAge else { return }
        let mark = state.symbols.overdue
        let counts = overdue > 0 ? ["\(mark)\(overdue) overdue", "\(mark)\(overdue)"] : [""]
        let orders = byAge ? ["by age", "age"] : [""]
        let separator = state.symbols.isUnicode ? " · " : " - "
        let choices = counts.flatMap { count in orders.map { [count, $0].filter { !$0.isEmpty }.joined(separator: separator) } }
        // The "N more" of stages hidden left or right sits on this line too: the note keeps clear of it.
        let layout = state.layout
        let index = state.job?.stageIndex(stage.id) ?? 0
        let left = index == layout.visibleStages.lowerBound ? hiddenLeftLabel(layout, state.symbols) : nil
        let right = index == layout.visibleStages.upperBound - 1 ? hiddenRightLabel(layout, state.symbols) : nil
        let start = left.map { DisplayWidth.of($0) + 1 } ?? 1
        let end = right.map { DisplayWidth.of($0) + 1 } ?? 0
        let room = width - 2 - start - end
        let note = choices.sorted { DisplayWidth.of($0) > DisplayWidth.of($1) }.first { DisplayWidth.of($0) <= room }
            ?? DisplayWidth.truncate(choices.last ?? "", to: room)
        guard room > 2 else { return }
        frame.put(" \(note) ", x: x + start, y: 2, style: overdue > 0 ? state.theme[.overdue] : state.theme[.overflow])
    }
}
