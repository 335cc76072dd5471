import StagehandCore

/// A job's pipeline or the default template: stages, new jobs, closing a job, the job order.
extension Board {
    static func pipelineCommand(_ command: PipelineCommand, _ ref: PipelineRef, _ selected: Int, _ state: inout BoardState) -> [Effect] {
        let workspace = state.workspace
        let stages = workspace.pipeline(ref) ?? []
        let stage = stages.indices.contains(selected) ? stages[selected] : nil
        let title = workspace.pipelineName(ref)
        switch command {
        case .select(let step):
            replaceEditorScreen(.pipeline(ref, selected: select(selected, by: step, count: stages.count, state)), &state)
        case .openActions:
            guard let stage else { break }
            openEditorScreen(.actions(.stage(ref, stage.id), selected: 0), &state)
        case .add:
            guard mayEditSetup(&state) else { break }
            openEditorScreen(.form(Forms.name(.newStage(ref), title: "New stage for \(title)", label: "Stage name", state: state)), &state)
        case .rename:
            guard let stage, mayEditSetup(&state) else { break }
            let form = Forms.name(.renameStage(ref, stage.id), title: "Rename \(stage.name) (\(title))", label: "Stage name", value: stage.name, state: state)
            openEditorScreen(.form(form), &state)
        case .remove:
            guard let stage, mayEditSetup(&state) else { break }
            let occupants = workspace.occupants(of: stage.id, in: ref).count
            if occupants > 0 {
                openEditorScreen(.form(Forms.removeStage(ref, stage, occupants: occupants, state: state)), &state)
            } else {
                let actions = stage.actions.count
                let note = actions == 0 ? "" : " Its \(actions) automatic action\(actions == 1 ? " goes" : "s go") with it."
                ask("Remove the stage \(stage.name) from \(title)?\(note)", change: .removeStage(ref, stage.id, movingTo: nil), &state)
            }
        case .moveLeft, .moveRight:
            let target = selected + (command == .moveLeft ? -1 : 1)
            guard let stage, stages.indices.contains(target), mayEditSetup(&state) else { break }
            replaceEditorScreen(.pipeline(ref, selected: target), &state)
            return [.changeSetup(.moveStage(ref, stage.id, to: target))]
        case .switchPipeline:
            let other: PipelineRef? =
                switch ref {
                case .job: .defaultTemplate
                case .defaultTemplate: state.job.map { .job($0.id) }
                }
            if let other { replaceEditorScreen(.pipeline(other, selected: 0), &state) }
        case .newJob:
            guard mayEditSetup(&state) else { break }
            let form = Forms.name(.newJob, title: "New job (its pipeline is a copy of the default template)", label: "Job title", state: state)
            openEditorScreen(.form(form), &state)
        case .toggleJobStatus:
            guard case .job(let id) = ref, let job = workspace.job(id), mayEditSetup(&state) else { break }
            return [.changeSetup(.setJobStatus(id, job.status == .open ? .closed : .open))]
        case .jobEarlier, .jobLater:
            guard case .job(let id) = ref, let index = workspace.jobIndex(id) else {
                state.status = StatusLine(kind: .info, text: "The default template is no job: Tab back to a job to move it in the job order.")
                break
            }
            guard mayEditSetup(&state) else { break }
            let target = index + (command == .jobEarlier ? -1 : 1)
            guard workspace.setup.jobs.indices.contains(target) else {
                let edge = command == .jobEarlier ? "first" : "last"
                state.status = StatusLine(kind: .info, text: "\(title) is already the \(edge) job.")
                break
            }
            return [.changeSetup(.moveJob(id, to: target))]
        case .expectedTime:
            guard let stage, mayEditSetup(&state) else { break }
            openEditorScreen(.form(Forms.expectedTime(ref, stage, state: state)), &state)
        case .back: closeEditorScreen(&state)
        }
        return []
    }
}
