import ArgumentParser
import StagehandCore

/// Which pipeline a command is about: a job's own, or the default template that
/// jobs created afterwards copy.
struct PipelineSelection: ParsableArguments {
    @Option(help: "The job whose pipeline to use (id or part of the title).") var job: String?
    @Flag(name: .customLong("default"), help: "Use the default pipeline template (affects only jobs created afterwards).")
    var defaultTemplate = false

    var isGiven: Bool { job != nil || defaultTemplate }

    func resolve(in workspace: Workspace) throws -> (PipelineRef, [Stage]) {
        if defaultTemplate {
            guard job == nil else { throw ValidationError("Use either --job or --default, not both.") }
            return (.defaultTemplate, workspace.setup.defaultPipeline)
        }
        guard let job else { throw ValidationError("Say which pipeline: --job JOB or --default.") }
        let found = try workspace.findJob(job)
        return (.job(found.id), found.pipeline)
    }

    /// A stage of the pipeline by id, unambiguous part of its name, or number.
    static func stage(_ text: String, of ref: PipelineRef, in workspace: Workspace) throws -> Stage {
        // The look-up works on a job; the default template is given one to stand in.
        let holder = Job(id: "pipeline", title: workspace.pipelineName(ref), pipeline: workspace.pipeline(ref) ?? [])
        return try workspace.findStage(text, in: holder)
    }
}
