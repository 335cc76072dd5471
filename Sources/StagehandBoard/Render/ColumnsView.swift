import Foundation
import StagehandCore

extension Board {
    static func drawColumns(_ state: BoardState, layout: Layout, on frame: inout Frame) {
        guard let job = state.job else {
            frame.put(" No jobs yet.", x: 0, y: 2, style: state.theme[.muted])
            return
        }
        let theme = state.theme
        let symbols = state.symbols
        // Made once per frame: a card's age and expected time are counted in the workspace's time zone.
        let calendar = state.workspace.setup.settings.calendar
        var carry: Carry?
        if case .carrying(let c) = state.mode { carry = c }
        for stageIndex in layout.visibleStages {
            guard let x = layout.columnX(stageIndex) else { continue }
            let width = layout.width(ofColumn: stageIndex)
            let inner = width - 2
            let stage = job.pipeline[stageIndex]
            let cards = state.cards(inStage: stageIndex)
            let isTarget = carry.map { $0.targetStage == stageIndex && $0.targetStage != $0.fromStage } ?? false
            let titleStyle =
                isTarget ? theme[.dropTarget] : (stageIndex == state.stageIndex ? theme[.columnTitleFocused] : theme[.columnTitle])
            frame.fill(x: x, y: 1, width: width - 1, height: 1, style: titleStyle)
            let count = " \(cards.count)"
            let bolt = stage.marks(bolt: symbols.bolt, timer: symbols.timer)
            let name = DisplayWidth.truncate("\(stageIndex + 1) \(stage.name)", to: inner - DisplayWidth.of(bolt) - DisplayWidth.of(count))
            var cursor = x + 1
            cursor += frame.put(name, x: cursor, y: 1, style: titleStyle)
            cursor += frame.put(bolt, x: cursor, y: 1, style: isTarget ? titleStyle : theme[.bolt].over(titleStyle))
            frame.put(count, x: cursor, y: 1, style: titleStyle)
            frame.put(String(repeating: symbols.horizontal, count: max(0, width - 1)), x: x, y: 2, style: theme[.separator])
            drawColumnNote(stage, x: x, width: width - 1, state: state, calendar: calendar, on: &frame)
            if stageIndex < layout.visibleStages.upperBound - 1 {
                for row in 1..<layout.cardsBottom {
                    frame.put(symbols.vertical, x: x + width - 1, y: row, style: theme[.separator])
                }
            }
            let focusedIndex = stageIndex == state.stageIndex ? state.focusedCardIndex : nil
            let first = layout.firstCard(focusedIndex: focusedIndex, count: cards.count)
            let shown = cards.dropFirst(first).prefix(layout.cardCapacity)
            for (offset, candidate) in shown.enumerated() {
                let y = layout.cardsTop + offset * Layout.cardHeight
                drawCard(candidate, job: job, x: x + 1, y: y, width: inner, state: state, carry: carry, calendar: calendar, on: &frame)
            }
            if first > 0 {
                // Right-aligned within the column, whatever its digits: never over the divider,
                // nor under the "N more ▸" of stages hidden to the right, drawn on this line too.
                let above = "\(symbols.arrowDown == "↓" ? "↑" : "^") \(first) more"
                let hidden = stageIndex == layout.visibleStages.upperBound - 1 ? hiddenRightLabel(layout, symbols) : nil
                let right = hidden.map { min(x + 1 + inner, frame.width - DisplayWidth.of($0) - 2) } ?? x + 1 + inner
                let labelX = max(x + 1, right - DisplayWidth.of(above))
                frame.put(above, x: labelX, y: layout.cardsTop - 1, style: theme[.overflow], maxWidth: max(0, right - labelX))
            }
            let below = cards.count - first - shown.count
            if below > 0 {
                frame.put("\(symbols.arrowDown) \(below) more", x: x + 1, y: layout.cardsBottom - 1, style: theme[.overflow])
            }
            if isTarget, let carry { drawDropPreview(carry, stage: stage, x: x + 1, width: inner, state: state, layout: layout, on: &frame) }
        }
        drawHiddenStages(layout, state: state, on: &frame)
    }

    /// Says that more stages lie left or right of the ones that fit.
    static func drawHiddenStages(_ layout: Layout, state: BoardState, on frame: inout Frame) {
        let style = state.theme[.overflow]
        if let text = hiddenRightLabel(layout, state.symbols) {
            frame.put(text, x: frame.width - DisplayWidth.of(text) - 1, y: 2, style: style)
        }
        if let text = hiddenLeftLabel(layout, state.symbols) { frame.put(text, x: 1, y: 2, style: style) }
    }

    /// " 5 more ▸ ", under the titles at the right edge, when stages lie right of those shown.
    static func hiddenRightLabel(_ layout: Layout, _ symbols: Symbols) -> String? {
        let hidden = layout.stageCount - layout.visibleStages.upperBound
        return hidden > 0 ? " \(hidden) more \(symbols.isUnicode ? "▸" : ">") " : nil
    }

    /// " ◂ 2 more ", under the titles at the left edge, when stages lie left of those shown.
    static func hiddenLeftLabel(_ layout: Layout, _ symbols: Symbols) -> String? {
        let hidden = layout.visibleStages.lowerBound
        return hidden > 0 ? " \(symbols.isUnicode ? "◂" : "<") \(hidden) more " : nil
    }

    static func drawCard(
        _ candidate: Candidate, job: Job, x: Int, y: Int, width: Int, state: BoardState, carry: Carry?, calendar: Calendar,
        on frame: inout Frame
    ) {
        let theme = state.theme
        let placement = candidate.placement(in: job.id)
        let isFocused = candidate.id == state.focused && state.job?.id == job.id
            && placement?.stage == state.stage?.id
        let isSelected = state.selection.contains(candidate.id)
        let isCarried = carry?.candidates.contains(candidate.id) ?? false
        var nameStyle = isSelected ? theme[.cardSelected] : theme[.card]
        var detailStyle = theme[.cardDetail]
        if isCarried {
            nameStyle = theme[.cardCarried]
            detailStyle = theme[.cardCarried]
        }
        if isFocused {
            nameStyle = theme[.cardFocused]
            detailStyle = theme[.cardFocused]
            frame.fill(x: x, y: y, width: width, height: 2, style: theme[.cardFocused])
        }
        let marker = isSelected ? state.symbols.selected + " " : (isFocused ? "> " : "  ")
        let disqualified = placement?.disqualification != nil ? " (dq)" : ""
        frame.put(
            DisplayWidth.truncate(marker + candidate.name + disqualified, to: width), x: x, y: y, style: nameStyle, maxWidth: width)
        let stage = placement.flatMap { job.stage($0.stage) }
        let stageAge = placement.flatMap { stage?.age(enteredAt: $0.enteredAt, now: state.now, calendar: calendar) }
        // Past the expected time: a marker that shows without colour, in the warning style.
        let overdue = placement.map { stage?.isOverdue($0, now: state.now, calendar: calendar) == true } ?? false
        let age = stageAge.map { (overdue ? state.symbols.overdue : "") + $0.shortText } ?? ""
        let tags = candidate.tags.prefix(2).map { "#\($0)" }.joined(separator: " ")
        // Open tasks about the candidate in this job: where work is waiting, and whether it is late.
        let open = state.workspace.tasks.records(of: candidate.id).filter { !$0.done && ($0.job == nil || $0.job == job.id) }
        let late = open.contains { $0.isOverdue(at: state.now) }
        // Without UTF-8 a late task is "T!", since a bare "!" there marks an aging card.
        let mark = state.symbols.isUnicode ? (late ? "!" : "☐") : (late ? "T!" : "T")
        let tasks = open.isEmpty ? "" : mark + "\(open.count) "
        // When the next action on time in this stage falls due: "⏱2d".
        let next = state.workspace.waitingTimedRuns(of: candidate.id, in: job.id).first.map {
            "\(state.symbols.timer)\(TimeInStage.describe(from: state.now, to: $0.startsAt)) "
        } ?? ""
        let room = width - DisplayWidth.of(age) - DisplayWidth.of(tasks) - DisplayWidth.of(next) - 3
        frame.put("  " + DisplayWidth.truncate(tags, to: max(0, room)), x: x, y: y + 1, style: detailStyle, maxWidth: width)
        let tasksX = x + width - DisplayWidth.of(age) - DisplayWidth.of(tasks)
        frame.put(next, x: tasksX - DisplayWidth.of(next), y: y + 1, style: detailStyle)
        frame.put(tasks, x: tasksX, y: y + 1, style: late && !isFocused ? theme[.statusError] : detailStyle)
        frame.put(age, x: x + width - DisplayWidth.of(age), y: y + 1, style: overdue && !isFocused ? theme[.overdue] : detailStyle)
    }

    /// While carrying: what dropping here would run, from the core's plan.
    static func drawDropPreview(
        _ carry: Carry, stage: Stage, x: Int, width: Int, state: BoardState, layout: Layout, on frame: inout Frame
    ) {
        guard let job = state.job, let me = state.me else { return }
        let request = MoveRequest(candidates: carry.candidates, job: job.id, target: stage.id, mover: me, letsSomeStay: true)
        let theme = state.theme
        var lines: [(String, Style)] = []
        let noun = carry.candidates.count == 1 ? "card" : "\(carry.candidates.count) cards"
        lines.append(("Drop \(noun) here (Enter)", theme[.dropTarget]))
        switch Result(catching: { try state.workspace.planMove(request) }) {
        case .success(let plan):
            if !plan.hasActions {
                lines.append(("No actions will run", theme[.muted]))
            } else if !plan.actions.isEmpty {
                lines.append(("\(state.symbols.bolt) will run:", theme[.bolt]))
                for (index, action) in plan.actions.enumerated() {
                    let skipped = plan.moves.filter { !$0.actions[index].willRun }
                    var text = "\(index + 1). \(summary(of: action, plan, state))"
                    if let reason = skipped.first?.actions[index].skipReason {
                        text += plan.isBulk ? " (skipped for \(skipped.count): \(reason))" : " (skipped: \(reason))"
                    }
                    lines.append((text, theme[.pane]))
                }
                if plan.needsRevisitChoice { lines.append(("Been here before: you will be asked", theme[.muted])) }
            }
            lines += timedLines(plan, state).map { ($0, $0.hasPrefix(" ") ? theme[.pane] : theme[.bolt]) }
            let cancels = plan.cancelCount
            if cancels > 0 { lines.append(("Cancels \(cancels) pending action\(cancels == 1 ? "" : "s")", theme[.muted])) }
            if !plan.staying.isEmpty { lines.append(("\(plan.staying.count) stay where they are", theme[.muted])) }
        case .failure(let error):
            lines.append((String(describing: error), theme[.statusError]))
        }
        var rows = lines.flatMap { text, style in wrap(text, width: width - 1).map { ($0, style) } }
        var y = layout.cardsTop
        let maxY = layout.cardsBottom - 1
        let room = max(0, maxY - y)
        // A plan longer than the column says how much it leaves out, rather than stopping mid-sentence.
        if rows.count > room, room > 0 {
            let hidden = rows.count - (room - 1)
            rows = Array(rows.prefix(room - 1)) + [("\(state.symbols.ellipsis) \(hidden) more line\(hidden == 1 ? "" : "s")", theme[.muted])]
        }
        // Whole cards: covering the top of one would leave its second line under nobody's name.
        let covering = min(max(lines.count * 2, rows.count), room)
        frame.fill(
            x: x, y: y, width: width,
            height: min(room, (covering + Layout.cardHeight - 1) / Layout.cardHeight * Layout.cardHeight), style: theme[.pane])
        for (line, style) in rows where y < maxY {
            frame.fill(x: x, y: y, width: width, height: 1, style: theme[.pane])
            frame.put(line, x: x, y: y, style: style, maxWidth: width)
            y += 1
        }
    }
}

extension Style {
    /// This style's colour and emphasis on another style's background.
    func over(_ base: Style) -> Style {
        var style = self
        if style.background == .terminalDefault { style.background = base.background }
        return style
    }
}

/// "5m", "3h", "2d", "6w": short enough for a card.
public enum TimeInStage {
    public static func describe(from start: Date, to now: Date) -> String {
        let seconds = max(0, now.timeIntervalSince(start))
        switch seconds {
        case ..<3600: return "\(Int(seconds / 60))m"
        case ..<86400: return "\(Int(seconds / 3600))h"
        case ..<(86400 * 14): return "\(Int(seconds / 86400))d"
        default: return "\(Int(seconds / (86400 * 7)))w"
        }
    }
}
