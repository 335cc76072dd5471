import StagehandCore

extension Board {
    /// The reason picker `d` opens: choosing a reason disqualifies the candidate with it.
    static func disqualifyPickerCommand(
        _ command: DisqualifyPickerCommand, _ candidate: CandidateID, _ selected: Int, over: Mode, _ state: inout BoardState
    ) -> [Effect] {
        let reasons = state.workspace.setup.disqualificationReasons
        switch command {
        case .select(let step):
            state.mode = .disqualifying(candidate, selected: step.apply(to: selected, count: reasons.count, page: pageRoom(state)), over: over)
        case .choose:
            state.mode = over
            guard reasons.indices.contains(selected), let job = state.job else { break }
            let change = CandidateChange.disqualify(candidate, job: job.id, reason: reasons[selected].id)
            guard allowed(change, &state) else { break }
            return [.change(change, grace: state.workspace.setup.settings.gracePeriodSeconds)]
        case .cancel:
            state.mode = over
            state.status = StatusLine(kind: .info, text: "Nobody was disqualified")
        }
        return []
    }
}
