import StagehandCore

extension BoardState {
    /// The columns `A` asked for by age: longest in the stage first — the order they
    /// came in already is — with the disqualified, who wait for nothing, after the rest.
    func ordered(_ columns: [StageID: [CandidateID]], of job: JobID) -> [StageID: [CandidateID]] {
        guard !ageOrdered.isEmpty else { return columns }
        var ordered = columns
        for key in ageOrdered where key.job == job {
            guard let ids = columns[key.stage] else { continue }
            let waiting = ids.filter { workspace.candidates[$0]?.placement(in: job)?.disqualification == nil }
            let shown = Set(waiting)
            ordered[key.stage] = waiting + ids.filter { !shown.contains($0) }
        }
        return ordered
    }

    public func isAgeOrdered(_ stage: StageID) -> Bool {
        guard let job else { return false }
        return ageOrdered.contains(StageKey(job: job.id, stage: stage))
    }
}
