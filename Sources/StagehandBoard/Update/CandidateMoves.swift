import StagehandCore

/// Moving cards and asking the core first: whether a key may act is the core's
/// answer (a dry run), never a rule restated here.
extension Board {
    /// The cards `m`, `L` and `H` take: the selection, else the focused card, less
    /// those the core says cannot move (the status says how many stay, and the
    /// move's dialog names them). Nil, with the core's refusal on the status line,
    /// when nobody can.
    /// The selected cards of a job stage by stage, as the columns show them; looked
    /// for only when something is selected, as it means walking every candidate.
    private static func selectedInColumnOrder(_ state: BoardState, job: Job) -> [CandidateID] {
        let columns = state.workspace.columns(of: job.id) { state.selection.contains($0.id) }
        return job.pipeline.flatMap { columns[$0.id] ?? [] }
    }

    static func pickUp(_ state: inout BoardState) -> (moving: [CandidateID], staying: [CandidateID])? {
        guard let job = state.job else { return nil }
        // In the order the columns show them, so that the dialog names them as the board does.
        let asked =
            state.selection.isEmpty
            ? state.focused.map { [$0] } ?? []
            : selectedInColumnOrder(state, job: job)
        guard !asked.isEmpty, let me = member(&state) else { return nil }
        do {
            let movable = try state.workspace.movable(asked, in: job.id, by: me)
            let staying = asked.filter { !movable.contains($0) }
            if !staying.isEmpty {
                let names = listed(staying.map { state.workspace.name(of: $0) })
                state.status = StatusLine(kind: .info, text: "\(names) cannot move and stay\(staying.count == 1 ? "s" : "") where they are")
            }
            return (movable, staying)
        } catch {
            refuse(error, &state)
            return nil
        }
    }

    /// Asks the core what the move would do; commits at once only when the plan
    /// has no question to ask. The board, or the screen the move was made from,
    /// comes back once it is answered.
    static func drop(
        _ candidates: [CandidateID], staying: [CandidateID] = [], on target: Int, from screen: Mode = .board, _ state: inout BoardState
    ) -> [Effect] {
        state.mode = screen
        guard let job = state.job, job.pipeline.indices.contains(target), let me = member(&state) else { return [] }
        // Those who cannot move go in the request too, so that the plan says who stays and why.
        let request = MoveRequest(candidates: candidates + staying, job: job.id, target: job.pipeline[target].id, mover: me, letsSomeStay: true)
        let plan: MovePlan
        do {
            plan = try state.workspace.planMove(request)
        } catch {
            refuse(error, &state)
            return []
        }
        if let question = plan.question {
            // Enter takes the safe choice unless another is highlighted: it changes nothing.
            state.mode = .moveDialog(MoveDialog(question: question, plan: plan, highlighted: .cancel), over: screen)
            return []
        }
        follow(plan.moves.first?.candidate, to: target, &state)
        return [.change(.move(request, choice: nil), grace: state.workspace.setup.settings.gracePeriodSeconds)]
    }

    /// Focus goes with the moved card, as a person carrying it expects.
    static func follow(_ candidate: CandidateID?, to stage: Int, _ state: inout BoardState) {
        state.stageIndex = stage
        state.focused = candidate
    }

    /// Opens the reason picker, unless the core says the candidate cannot be
    /// disqualified; someone disqualified already is offered reinstating instead.
    static func startDisqualifying(_ candidate: CandidateID, _ state: inout BoardState) {
        guard let job = state.job, let me = member(&state) else { return }
        if let person = state.workspace.candidates[candidate], let disqualification = person.placement(in: job.id)?.disqualification {
            guard allowed(.reinstate(candidate, job: job.id), &state) else { return }
            let reason = state.workspace.reason(disqualification.reason)?.name ?? ""
            let question = "\(person.name) is disqualified from \(job.title) already (\(reason)). Reinstate them, back in their stage, with no actions run?"
            state.mode = .question(Confirmation(question: question, effect: .change(.reinstate(candidate, job: job.id), grace: nil)), over: state.mode)
            return
        }
        do {
            try state.workspace.checkDisqualifying(candidate, from: job.id, by: me)
            state.mode = .disqualifying(candidate, selected: 0, over: state.mode)
        } catch {
            refuse(error, &state)
        }
    }

    /// Whether the core would make the change; if not, its refusal is on the status line.
    static func allowed(_ change: CandidateChange, _ state: inout BoardState) -> Bool {
        guard let me = member(&state) else { return false }
        do {
            try state.workspace.check(change, by: me)
            return true
        } catch {
            refuse(error, &state)
            return false
        }
    }

    /// The member using the board; someone not on the team is told the board is read-only.
    static func member(_ state: inout BoardState) -> MemberID? {
        if let me = state.me { return me }
        state.status = StatusLine(kind: .error, text: guestRefusal)
        return nil
    }

    static let guestRefusal = "You are not a member of this workspace, so the board is read-only: ask an admin to add you."

    static func refuse(_ error: any Error, _ state: inout BoardState) {
        state.status = StatusLine(kind: .error, text: (error as? any UserFacingError)?.sentence ?? String(describing: error))
    }
}
