import Foundation
import StagehandCore

extension Board {
    static func boardCommand(_ command: BoardCommand, _ state: inout BoardState) -> [Effect] {
        switch command {
        case .focusLeft: focusStage(state.stageIndex - 1, &state)
        case .focusRight: focusStage(state.stageIndex + 1, &state)
        case .focusUp: focusCard(by: -1, &state)
        case .focusDown: focusCard(by: 1, &state)
        case .firstCard: state.focused = state.cards(inStage: state.stageIndex).first?.id
        case .lastCard: state.focused = state.cards(inStage: state.stageIndex).last?.id
        case .jumpToStage(let n):
            guard let job = state.job, job.pipeline.indices.contains(n - 1) else {
                let count = state.job?.pipeline.count ?? 0
                state.status = StatusLine(kind: .info, text: "\(state.job?.title ?? "This job") has \(count) stage\(count == 1 ? "" : "s")")
                break
            }
            focusStage(n - 1, &state)
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
            guard let carried = pickUp(&state) else { break }
            state.mode = .carrying(Carry(candidates: carried.moving, fromStage: state.stageIndex, targetStage: state.stageIndex, staying: carried.staying))
        case .moveRight, .moveLeft:
            guard let job = state.job, let carried = pickUp(&state) else { break }
            // One stage on from where the cards are: cards spread over several stages
            // would each need their own next stage, so the key says so instead.
            let stages = Set(carried.moving.compactMap { state.workspace.candidates[$0]?.placement(in: job.id)?.stage })
            guard stages.count <= 1 else {
                let names = job.pipeline.filter { stages.contains($0.id) }.map(\.name)
                state.status = StatusLine(
                    kind: .info,
                    text: "The selected cards are in \(names.count) stages (\(names.joined(separator: ", "))): L and H move cards of one stage; carry them with m to one stage")
                break
            }
            let from = stages.first.flatMap { job.stageIndex($0) } ?? state.stageIndex
            let target = from + (command == .moveRight ? 1 : -1)
            guard job.pipeline.indices.contains(target) else {
                state.status = StatusLine(kind: .info, text: "No stage \(command == .moveRight ? "after" : "before") \(job.pipeline[from].name)")
                break
            }
            return drop(carried.moving, staying: carried.staying, on: target, &state)
        case .cancelRun:
            return cancelShownRun(&state)
        case .listRun:
            listShownRun(&state)
        case .openProfile:
            if let focused = state.focused { state.mode = .profile(focused, PageCursor(), back: .board) }
        case .openAutomations:
            if let job = state.job, let stage = state.stage { state.mode = .editing([.actions(.stage(.job(job.id), stage.id), selected: 0)]) }
        case .openPipeline:
            let ref: PipelineRef = state.job.map { .job($0.id) } ?? .defaultTemplate
            state.mode = .editing([.pipeline(ref, selected: state.job == nil ? 0 : state.stageIndex)])
        case .openTemplates: state.mode = .editing([.templates(selected: 0)])
        case .openReasons: state.mode = .editing([.reasons(selected: 0)])
        case .disqualify:
            guard let focused = state.focused else { break }
            startDisqualifying(focused, &state)
        case .myWork:
            let lines = myWorkLines(state)
            state.mode = .myWork(PageCursor.first(in: lines).keptInView(lines: lines, width: pageWidth(state), room: pageRoom(state)))
        case .scheduled: state.mode = .scheduled(selected: 0)
        case .filter:
            state.mode = .filtering
            state.filterCursor = nil
        case .find:
            state.candidateIndex = CandidateIndex(state.workspace)
            state.mode = .finding(Finder())
        case .addCandidate:
            guard let job = state.job else { break }
            let probe = NewCandidate(name: "-", email: nil, source: CandidateForms.sources[0])
            guard allowed(.add(probe, job: job.id, origin: .manualAdd), &state) else { break }
            openForm(CandidateForms.newCandidate(job.id, state: state), &state)
        case .undo:
            return undoLast(&state)
        case .help: state.mode = .help(scroll: 0, over: state.mode)
        case .reload: return [.reload]
        case .cycleTheme:
            guard !state.themes.isEmpty else { break }
            let current = state.themes.firstIndex { $0.name == state.theme.name } ?? -1
            state.theme = state.themes[(current + 1) % state.themes.count]
            state.status = StatusLine(kind: .info, text: "Theme: \(state.theme.name)")
        case .sortByAge: toggleAgeOrder(&state)
        case .insights: openInsights(&state)
        case .quit:
            return quit(&state)
        }
        return []
    }

    /// `c`: cancels what the progress pane shows (every candidate of a bulk move), or
    /// closes a finished pane.
    static func cancelShownRun(_ state: inout BoardState) -> [Effect] {
        guard let batch = state.shownBatch else {
            state.status = StatusLine(kind: .info, text: "No actions are running")
            return []
        }
        let unfinished = state.runs(of: batch).filter { !$0.isFinished }.map(\.id)
        guard !unfinished.isEmpty else {
            closePane(&state)
            return []
        }
        return [.change(.cancelRuns(unfinished), grace: nil)]
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
}

extension Board {
    /// `u`, on the board or in a profile: takes back the last move, disqualification or reinstatement made here.
    static func undoLast(_ state: inout BoardState) -> [Effect] {
        guard let last = state.undoStack.last else {
            state.status = StatusLine(kind: .info, text: "Nothing to undo")
            return []
        }
        guard allowed(.undo(last), &state) else { return [] }
        state.undoStack.removeLast()
        return [.change(.undo(last), grace: nil)]
    }
}
