import Foundation

/// Changing the stages of a job's pipeline or of the default template. The template
/// reaches only jobs created afterwards; a job's pipeline is its own.
extension Workspace {
    @discardableResult
    public mutating func addStage(named name: String, to ref: PipelineRef, at position: Int? = nil, by member: MemberID) throws
        -> StageID
    {
        try require(Self.automationPermissions, of: member, toDo: "change pipelines")
        let name = try checkedStageName(name, in: ref, renaming: nil)
        let id: StageID = makeID("stage")
        try editPipeline(ref) { pipeline, _ in
            pipeline.insert(Stage(id: id, name: name), at: min(max(position ?? pipeline.count, 0), pipeline.count))
        }
        return id
    }

    public mutating func renameStage(_ id: StageID, in ref: PipelineRef, to name: String, by member: MemberID) throws {
        try require(Self.automationPermissions, of: member, toDo: "change pipelines")
        let name = try checkedStageName(name, in: ref, renaming: id)
        try editPipeline(ref) { pipeline, title in
            pipeline[try Self.stageIndex(id, in: pipeline, of: title)].name = name
        }
    }

    /// Moves a stage to another place in the pipeline (0 = first).
    public mutating func moveStage(_ id: StageID, in ref: PipelineRef, to position: Int, by member: MemberID) throws {
        try require(Self.automationPermissions, of: member, toDo: "change pipelines")
        let sentenceStart = pipelineNameStartingSentence(ref)
        try editPipeline(ref) { pipeline, title in
            let index = try Self.stageIndex(id, in: pipeline, of: title)
            guard pipeline.indices.contains(position) else {
                throw StagehandError.invalidAction(
                    "\(sentenceStart) has \(pipeline.count) stages; there is no position \(position + 1).")
            }
            pipeline.insert(pipeline.remove(at: index), at: position)
        }
    }

    /// The candidates (disqualified ones too) whose card sits in a stage of a job.
    public func occupants(of stage: StageID, in ref: PipelineRef) -> [CandidateID] {
        guard case .job(let job) = ref else { return [] }
        return candidates.filter { $0.placement(in: job)?.stage == stage }.map(\.id)
    }

    /// How many cards each stage of a pipeline holds, counted in one pass over the
    /// candidates (a pipeline listing would otherwise pass over them once per stage).
    public func cardCounts(in ref: PipelineRef) -> [StageID: Int] {
        guard case .job(let job) = ref else { return [:] }
        var counts: [StageID: Int] = [:]
        for candidate in candidates {
            if let stage = candidate.placement(in: job)?.stage { counts[stage, default: 0] += 1 }
        }
        return counts
    }

    /// Removes a stage. Candidates still in it go to `destination`, without running
    /// its actions; whatever was still pending for them is cancelled, as for any move.
    /// - Returns: how many candidates moved.
    @discardableResult
    public mutating func removeStage(
        _ id: StageID, from ref: PipelineRef, movingCandidatesTo destination: StageID?, by member: MemberID, now: Date
    ) throws -> Int {
        try require(Self.automationPermissions, of: member, toDo: "change pipelines")
        guard let pipeline = pipeline(ref) else { throw StagehandError.notFound(kind: "pipeline", name: pipelineName(ref)) }
        let title = pipelineName(ref)
        let index = try Self.stageIndex(id, in: pipeline, of: title)
        guard pipeline.count > 1 else {
            throw StagehandError.invalidAction("\(pipeline[index].name) is the only stage of \(title): a pipeline needs at least one.")
        }
        let occupants = occupants(of: id, in: ref)
        if !occupants.isEmpty {
            guard let destination else {
                throw StagehandError.invalidAction(
                    "\(occupants.count) candidate\(occupants.count == 1 ? " is" : "s are") still in \(pipeline[index].name): say which stage they go to.")
            }
            guard destination != id, let target = pipeline.first(where: { $0.id == destination }) else {
                throw StagehandError.invalidAction("Candidates of a removed stage must go to another stage of \(title).")
            }
            guard case .job(let job) = ref else { return 0 }
            for candidate in occupants {
                relocate(candidate, in: job, from: pipeline[index], to: target, by: member, now: now)
            }
        }
        try editPipeline(ref) { pipeline, _ in pipeline.remove(at: index) }
        if case .job(let job) = ref { forgetPassage(through: id, in: job) }
        return occupants.count
    }

    /// A removed stage cannot be visited again, so nobody "passed through" it any more;
    /// keeping it would leave `stagehand check` a reference that leads nowhere.
    private mutating func forgetPassage(through stage: StageID, in job: JobID) {
        let passed = candidates.filter { $0.placement(in: job)?.passedThrough.contains(stage) == true }.map(\.id)
        for id in passed {
            candidates.modify(id) { candidate in
                guard let index = candidate.placementIndex(in: job) else { return }
                candidate.placements[index].passedThrough.removeAll { $0 == stage }
            }
        }
    }

    private mutating func relocate(_ id: CandidateID, in job: JobID, from removed: Stage, to target: Stage, by member: MemberID, now: Date) {
        cancelPendingWork(for: id, in: job, by: member, now: now)
        let activityID: ActivityID = makeID("act")
        candidates.modify(id) { candidate in
            guard let index = candidate.placementIndex(in: job) else { return }
            candidate.placements[index].stage = target.id
            candidate.placements[index].enteredAt = now
            candidate.placements[index].entry += 1
            candidate.timeline.append(
                Activity(
                    id: activityID, at: now, kind: .moved, author: member, automatic: false,
                    text: "Moved from \(removed.name) to \(target.name) (\(removed.name) was removed; no actions ran)", job: job))
        }
    }

    private func checkedStageName(_ name: String, in ref: PipelineRef, renaming id: StageID?) throws -> String {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StagehandError.invalidAction("A stage needs a name.") }
        try TextLimit.check(name, "A stage's name", limit: TextLimit.name)
        guard let pipeline = pipeline(ref) else { throw StagehandError.notFound(kind: "pipeline", name: pipelineName(ref)) }
        if let other = pipeline.first(where: { $0.id != id && NameLookup.fold($0.name) == NameLookup.fold(name) }) {
            throw StagehandError.invalidAction(
                "\(pipelineNameStartingSentence(ref)) already has a stage called \(other.name): choose another name.")
        }
        return name
    }

    /// A job's title as it is ("iOS Engineer"), but "The default pipeline" at the start of a sentence.
    private func pipelineNameStartingSentence(_ ref: PipelineRef) -> String {
        ref == .defaultTemplate ? "The default pipeline" : pipelineName(ref)
    }

    private static func stageIndex(_ id: StageID, in pipeline: [Stage], of title: String) throws -> Int {
        guard let index = pipeline.firstIndex(where: { $0.id == id }) else {
            throw StagehandError.notFound(kind: "stage of \(title)", name: id.rawValue)
        }
        return index
    }
}
