import Foundation
import StagehandCore

extension Board {
    static func boardKey(_ key: Key, _ state: inout BoardState) -> [Effect] {
        guard let command = KeyMap.command(for: key, in: .board) else { return [] }
        switch command {
        case .focusLeft: focusStage(state.stageIndex - 1, &state)
        case .focusRight: focusStage(state.stageIndex + 1, &state)
        case .focusUp: focusCard(by: -1, &state)
        case .focusDown: focusCard(by: 1, &state)
        case .firstCard: state.focused = state.cards(inStage: state.stageIndex).first?.id
        case .lastCard: state.focused = state.cards(inStage: state.stageIndex).last?.id
        case .jumpToStage(let n): focusStage(n - 1, &state)
        case .nextJob: switchJob(by: 1, &state)
        case .previousJob: switchJob(by: -1, &state)
        case .toggleSelection:
            guard let focused = state.focused else { break }
            if state.selection.contains(focused) { state.selection.remove(focused) } else { state.selection.insert(focused) }
            focusCard(by: 1, &state)
        case .selectColumn:
            state.selection.formUnion(state.cards(inStage: state.stageIndex).map(\.id))
        case .clearSelection:
            state.selection = []
            state.filter = ""
            state.focusFirstCard()
        case .pickUp:
            guard requireMovePermission(&state) else { break }
            let carried = carriedCandidates(state)
            guard !carried.isEmpty else { break }
            noteLeftBehind(carried, &state)
            state.mode = .carrying(Carry(candidates: carried, fromStage: state.stageIndex, targetStage: state.stageIndex))
        case .moveRight, .moveLeft:
            guard requireMovePermission(&state) else { break }
            let target = state.stageIndex + (command == .moveRight ? 1 : -1)
            guard let job = state.job, job.pipeline.indices.contains(target) else { break }
            let carried = carriedCandidates(state)
            guard !carried.isEmpty else { break }
            noteLeftBehind(carried, &state)
            return drop(carried, on: target, &state)
        case .cancelRun:
            if let run = state.shownRun, !run.isFinished { return [.cancelRun(run.id)] }
            if state.shownRun != nil { closePane(&state) }
        case .openProfile:
            if let focused = state.focused { state.mode = .profile(focused, scroll: 0) }
        case .openAutomations:
            if let job = state.job, let stage = state.stage { state.mode = .editing([.actions(.stage(.job(job.id), stage.id), selected: 0)]) }
        case .openPipeline:
            let ref: PipelineRef = state.job.map { .job($0.id) } ?? .defaultTemplate
            state.mode = .editing([.pipeline(ref, selected: state.job == nil ? 0 : state.stageIndex)])
        case .openTemplates: state.mode = .editing([.templates(selected: 0)])
        case .openReasons: state.mode = .editing([.reasons(selected: 0)])
        case .disqualify:
            guard requireMovePermission(&state), let focused = state.focused else { break }
            state.mode = .disqualifying(focused, selected: 0)
        case .myWork: state.mode = .myWork(scroll: 0)
        case .scheduled: state.mode = .scheduled(selected: 0)
        case .filter: state.mode = .filtering
        case .undo:
            guard let last = state.undoStack.popLast() else {
                state.status = StatusLine(kind: .info, text: "Nothing to undo")
                break
            }
            return [.undo(last)]
        case .help: state.mode = .help(scroll: 0)
        case .reload: return [.reload]
        case .cycleTheme:
            guard !state.themes.isEmpty else { break }
            let current = state.themes.firstIndex { $0.name == state.theme.name } ?? -1
            state.theme = state.themes[(current + 1) % state.themes.count]
            state.status = StatusLine(kind: .info, text: "Theme: \(state.theme.name)")
        case .quit:
            state.quitting = true
            return [.quit]
        default: break
        }
        return []
    }

    static func requireMovePermission(_ state: inout BoardState) -> Bool {
        if state.canMove { return true }
        let who = state.me.flatMap { state.workspace.member($0)?.name } ?? "You"
        state.status = StatusLine(kind: .error, text: "\(who) may not move candidates: that needs the moveCandidates permission")
        return false
    }

    /// Disqualified candidates in the selection cannot move: say so rather than drop them silently.
    static func noteLeftBehind(_ carried: [CandidateID], _ state: inout BoardState) {
        let left = state.selection.count - carried.count
        guard !state.selection.isEmpty, left > 0 else { return }
        state.status = StatusLine(kind: .info, text: "\(left) disqualified candidate\(left == 1 ? " stays" : "s stay") where \(left == 1 ? "it is" : "they are")")
    }

    /// The selection when there is one, else the focused card.
    static func carriedCandidates(_ state: BoardState) -> [CandidateID] {
        guard let job = state.job else { return [] }
        if !state.selection.isEmpty {
            return state.workspace.candidates.filter {
                state.selection.contains($0.id) && $0.placement(in: job.id)?.disqualification == nil
                    && $0.placement(in: job.id) != nil
            }.map(\.id)
        }
        return state.focused.map { [$0] } ?? []
    }

    static func focusStage(_ index: Int, _ state: inout BoardState) {
        guard let job = state.job, job.pipeline.indices.contains(index) else { return }
        let oldRow = state.focusedCardIndex ?? 0
        state.stageIndex = index
        let cards = state.cards(inStage: index)
        state.focused = cards.isEmpty ? nil : cards[min(oldRow, cards.count - 1)].id
    }

    static func focusCard(by delta: Int, _ state: inout BoardState) {
        let cards = state.cards(inStage: state.stageIndex)
        guard !cards.isEmpty else { return }
        let current = state.focusedCardIndex ?? -delta
        state.focused = cards[min(max(current + delta, 0), cards.count - 1)].id
    }

    static func switchJob(by delta: Int, _ state: inout BoardState) {
        let count = state.workspace.setup.jobs.count
        guard count > 0 else { return }
        state.jobIndex = (state.jobIndex + delta + count) % count
        state.stageIndex = 0
        state.firstVisibleStage = 0
        state.selection = []
        state.focused = nil
        state.focusFirstCard()
    }

    /// Asks the core what the move would do; commits at once only when no
    /// question needs an answer.
    static func drop(_ candidates: [CandidateID], on target: Int, _ state: inout BoardState) -> [Effect] {
        state.mode = .board
        guard let job = state.job, let me = state.me, job.pipeline.indices.contains(target) else { return [] }
        let stage = job.pipeline[target]
        let moving = candidates.filter { state.workspace.candidates[$0]?.placement(in: job.id)?.stage != stage.id }
        guard !moving.isEmpty else { return [] }
        let request = MoveRequest(candidates: moving, job: job.id, target: stage.id, mover: me)
        let plan: MovePlan
        do {
            plan = try state.workspace.planMove(request)
        } catch {
            state.status = StatusLine(kind: .error, text: String(describing: error))
            return []
        }
        if plan.isBulk {
            state.mode = .dialog(Dialog(kind: .bulk, plan: plan, highlighted: 0))
            return []
        }
        if plan.needsRevisitChoice && !plan.actions.isEmpty {
            state.mode = .dialog(Dialog(kind: .revisit, plan: plan, highlighted: 0))
            return []
        }
        follow(moving.first, to: target, &state)
        return [.move(request, nil, grace: state.workspace.setup.settings.gracePeriodSeconds)]
    }

    /// Focus goes with the moved card, as a person carrying it expects.
    static func follow(_ candidate: CandidateID?, to stage: Int, _ state: inout BoardState) {
        state.stageIndex = stage
        state.focused = candidate
    }

    static func filterKey(_ key: Key, _ state: inout BoardState) -> [Effect] {
        switch key {
        case .escape:
            state.filter = ""
            state.mode = .board
        case .enter:
            state.mode = .board
        case .backspace, .delete:
            if !state.filter.isEmpty { state.filter.removeLast() }
        case .character(let c):
            state.filter.append(c)
        default:
            break
        }
        state.focusFirstCard()
        return []
    }
}
