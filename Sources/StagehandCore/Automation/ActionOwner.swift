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

    /// The owner's actions as the editors number them: on entry, then after a time.
    public func stageActions(of owner: ActionOwner) -> [StageAction]? {
        switch owner {
        case .stage(let ref, let stage): pipeline(ref)?.first { $0.id == stage }?.stageActions
        case .reason(let id): reason(id)?.actions.map { StageAction($0) }
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

    /// Changes the owner's numbered list (`stageActions`) and stores it back: a
    /// stage keeps those on entry and those after a time apart, in their order.
    mutating func editActions(of owner: ActionOwner, _ change: (inout [StageAction], String) throws -> Void) throws {
        switch owner {
        case .stage(let ref, let stageID):
            try editPipeline(ref) { pipeline, title in
                guard let index = pipeline.firstIndex(where: { $0.id == stageID }) else {
                    throw StagehandError.invalidAction("That stage is no longer part of \(title): someone removed it meanwhile.")
                }
                var list = pipeline[index].stageActions
                try change(&list, pipeline[index].name)
                pipeline[index].actions = list.filter { $0.after == nil }.map(\.action)
                pipeline[index].timedActions = list.compactMap { item in item.after.map { TimedAction(after: $0, action: item.action) } }
            }
        case .reason(let id):
            guard let index = setup.disqualificationReasons.firstIndex(where: { $0.id == id }) else {
                throw StagehandError.notFound(kind: "disqualification reason", name: id.rawValue)
            }
            var list = setup.disqualificationReasons[index].actions.map { StageAction($0) }
            try change(&list, setup.disqualificationReasons[index].name)
            guard list.allSatisfy({ $0.after == nil }) else { throw StagehandError.invalidAction(Self.reasonsRunAtOnce) }
            setup.disqualificationReasons[index].actions = list.map(\.action)
        }
    }

    static let reasonsRunAtOnce =
        "A reason's actions run when someone is disqualified, not after a time in a stage: leave the time out (an email can wait with a delay)."

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
