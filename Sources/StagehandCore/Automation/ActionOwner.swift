/// Which pipeline an edit is about: one job's own, or the default template that
/// new jobs copy.
public enum PipelineRef: Sendable, Equatable, Hashable {
    case job(JobID)
    case defaultTemplate
}

/// What holds a list of automatic actions: a stage of a pipeline, or a
/// disqualification reason. Both are edited the same way.
public enum ActionOwner: Sendable, Equatable, Hashable {
    case stage(PipelineRef, StageID)
    case reason(ReasonID)
}

extension Workspace {
    public func pipeline(_ ref: PipelineRef) -> [Stage]? {
        switch ref {
        case .job(let id): job(id)?.pipeline
        case .defaultTemplate: setup.defaultPipeline
        }
    }

    public func pipelineName(_ ref: PipelineRef) -> String {
        switch ref {
        case .job(let id): job(id)?.title ?? id.rawValue
        case .defaultTemplate: "the default pipeline"
        }
    }

    /// The actions the owner runs, in order; `nil` when it no longer exists.
    public func actions(of owner: ActionOwner) -> [AutomaticAction]? {
        switch owner {
        case .stage(let ref, let stage): pipeline(ref)?.first { $0.id == stage }?.actions
        case .reason(let id): reason(id)?.actions
        }
    }

    /// "Interview (iOS Engineer)", "Interview (the default pipeline)", "the reason Not a fit".
    public func ownerName(_ owner: ActionOwner) -> String {
        switch owner {
        case .stage(let ref, let stage):
            let name = pipeline(ref)?.first { $0.id == stage }?.name ?? stage.rawValue
            return "\(name) (\(pipelineName(ref)))"
        case .reason(let id):
            return "the reason \(reason(id)?.name ?? id.rawValue)"
        }
    }

    mutating func editActions(of owner: ActionOwner, _ change: (inout [AutomaticAction], String) throws -> Void) throws {
        switch owner {
        case .stage(let ref, let stageID):
            try editPipeline(ref) { pipeline, title in
                guard let index = pipeline.firstIndex(where: { $0.id == stageID }) else {
                    throw StagehandError.invalidAction("That stage is no longer part of \(title): someone removed it meanwhile.")
                }
                try change(&pipeline[index].actions, pipeline[index].name)
            }
        case .reason(let id):
            guard let index = setup.disqualificationReasons.firstIndex(where: { $0.id == id }) else {
                throw StagehandError.notFound(kind: "disqualification reason", name: id.rawValue)
            }
            try change(&setup.disqualificationReasons[index].actions, setup.disqualificationReasons[index].name)
        }
    }

    mutating func editPipeline(_ ref: PipelineRef, _ change: (inout [Stage], String) throws -> Void) throws {
        switch ref {
        case .job(let jobID):
            guard let index = jobIndex(jobID) else { throw StagehandError.notFound(kind: "job", name: jobID.rawValue) }
            try change(&setup.jobs[index].pipeline, setup.jobs[index].title)
        case .defaultTemplate:
            try change(&setup.defaultPipeline, "the default pipeline")
        }
    }
}
