import StagehandCore

extension Board {
    static func profileCommand(_ command: ProfileCommand, _ id: CandidateID, _ scroll: Int, _ state: inout BoardState) -> [Effect] {
        switch command {
        case .scroll(let step):
            state.mode = .profile(id, scroll: scrolled(scroll, by: step, through: profileLines(id, state), state))
        case .moveRight, .moveLeft:
            guard let job = state.job, let stage = state.workspace.candidates[id]?.placement(in: job.id)?.stage,
                let index = job.stageIndex(stage)
            else { break }
            let target = index + (command == .moveRight ? 1 : -1)
            guard job.pipeline.indices.contains(target) else {
                state.status = StatusLine(kind: .info, text: "No stage \(command == .moveRight ? "after" : "before") this one")
                break
            }
            let effects = drop([id], on: target, &state)
            // Without a question to answer, the profile stays open on the moved candidate.
            if state.mode == .board { state.mode = .profile(id, scroll: scroll) }
            return effects
        case .disqualify:
            startDisqualifying(id, &state)
        case .retryEmails:
            let failed = state.workspace.emailsToRetry.filter { $0.candidate == id }.map(\.id)
            guard !failed.isEmpty else {
                state.status = StatusLine(kind: .info, text: "No failed email to retry for this candidate")
                break
            }
            guard allowed(.retryEmails(failed), &state) else { break }
            return [.change(.retryEmails(failed), grace: nil)]
        case .cancelRun:
            return cancelShownRun(&state)
        case .close:
            state.mode = .board
        }
        return []
    }

    /// The scroll offset a step leads to on a page of these lines, kept within the page.
    static func scrolled(_ scroll: Int, by step: ListStep, through lines: [(String, Style)], _ state: BoardState) -> Int {
        let room = pageRoom(state)
        let wrapped = lines.reduce(0) { $0 + wrap($1.0, width: state.width - 3).count }
        let positions = max(1, wrapped - room + 1)
        return step.apply(to: min(scroll, positions - 1), count: positions, page: room)
    }
}
