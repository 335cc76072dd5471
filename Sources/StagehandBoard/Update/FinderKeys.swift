import StagehandCore

extension Board {
    /// The finder: printable keys type what to look for among every job's candidates;
    /// Enter goes to the highlighted one's card.
    static func finderKey(_ key: Key, _ finder: Finder, _ state: inout BoardState) -> [Effect] {
        var finder = finder
        if let command = KeyMap.finder.command(for: key) {
            switch command {
            case .select(let step):
                finder.selected = step.apply(to: finder.selected, count: state.found(finder).count, page: pageRoom(state))
            case .edit(let edit):
                let before = finder.text
                finder.typed.apply(edit)
                if finder.text != before { finder.selected = 0 }
            case .jump:
                let found = state.found(finder)
                guard found.indices.contains(finder.selected) else {
                    state.status = StatusLine(kind: .info, text: finder.text.isEmpty ? "Type part of a name, email, tag or source" : "Nobody matches '\(finder.text)'")
                    break
                }
                let person = found[finder.selected]
                // Someone only in a talent pool has no card to go to: their profile is where they are.
                guard !person.placements.isEmpty else {
                    state.mode = .profile(person.id, PageCursor(), back: .finding(finder))
                    state.status = StatusLine(kind: .info, text: "\(person.name) is in no job, only in a talent pool")
                    return []
                }
                state.mode = .board
                goToCard(of: person.id, &state)
                return []
            case .close:
                state.mode = .board
                return []
            }
        } else if case .character(let character) = key {
            finder.typed.insert(character)
            finder.selected = 0
        } else {
            return []
        }
        state.mode = .finding(finder)
        return []
    }

    /// Switches to the candidate's job — the one preferred, else the current one if
    /// they are in it — and focuses their card.
    static func goToCard(of candidate: CandidateID, preferring job: JobID? = nil, _ state: inout BoardState) {
        guard let person = state.workspace.candidates[candidate] else { return }
        let placement = job.flatMap { person.placement(in: $0) } ?? state.job.flatMap { person.placement(in: $0.id) } ?? person.placements.first
        guard let placement, let jobIndex = state.workspace.jobIndex(placement.job) else {
            state.status = StatusLine(kind: .info, text: "\(person.name) is in no job, only in a talent pool")
            return
        }
        if jobIndex != state.jobIndex { switchJob(by: jobIndex - state.jobIndex, &state) }
        state.filter = ""
        if let stage = state.job?.stageIndex(placement.stage) { follow(candidate, to: stage, &state) }
        state.status = StatusLine(kind: .info, text: "\(person.name): \(state.job?.title ?? "")")
    }
}

extension BoardState {
    /// What the finder finds for its text, by name.
    public func found(_ finder: Finder) -> [Candidate] {
        (candidateIndex ?? CandidateIndex(workspace)).find(CardFilter(finder.text)).compactMap { workspace.candidates[$0] }
    }
}
