import Foundation
import ArgumentParser
import StagehandBoard
import StagehandCore

struct AutomationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "automations", abstract: "List, add, remove or reorder a stage's automatic actions.",
        discussion: "Changing actions needs both the manageAutomations and editJobs permissions.",
        subcommands: [List.self, Add.self, Remove.self, Move.self])
}

/// Which stage of which pipeline a command is about.
struct StageSelection: ParsableArguments {
    @Option(help: "The job whose pipeline to use (id or part of the title).") var job: String?
    @Flag(name: .customLong("default"), help: "Use the default pipeline template (affects jobs created afterwards).")
    var defaultTemplate = false
    @Option(help: "The stage (id, part of the name, or its number).") var stage: String?

    func pipeline(in workspace: Workspace) throws -> (PipelineRef, [Stage]) {
        if defaultTemplate {
            guard job == nil else { throw ValidationError("Use either --job or --default, not both.") }
            return (.defaultTemplate, workspace.setup.defaultPipeline)
        }
        guard let job else { throw ValidationError("Say which pipeline: --job JOB or --default.") }
        let found = try workspace.findJob(job)
        return (.job(found.id), found.pipeline)
    }

    func stage(in workspace: Workspace) throws -> (PipelineRef, Stage) {
        let (ref, pipeline) = try pipeline(in: workspace)
        guard let stage else { throw ValidationError("Say which stage with --stage.") }
        let holder = Job(id: "pipeline", title: workspace.pipelineName(ref), pipeline: pipeline)
        return (ref, try workspace.findStage(stage, in: holder))
    }
}

extension AutomationsCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the automatic actions of a pipeline's stages.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: StageSelection

        func run() throws {
            try reportingErrors {
                let workspace = try Session(global).store.load()
                let (ref, pipeline) = try selection.pipeline(in: workspace)
                let stages = try selection.stage.map { _ in [try selection.stage(in: workspace).1] } ?? pipeline
                let symbols = Symbols.forLocale(ProcessInfo.processInfo.environment)
                TextOutput.print("Automatic actions of \(workspace.pipelineName(ref))")
                for stage in stages {
                    TextOutput.print("\(stage.name) [\(stage.id)]\(stage.hasActions ? " " + symbols.bolt : ""): \(stage.actions.isEmpty ? "none" : "")")
                    for (index, action) in stage.actions.enumerated() {
                        TextOutput.print("  \(index + 1). \(symbols.bolt) \(workspace.summary(of: action))")
                    }
                }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an automatic action to a stage (one kind per call).",
            discussion: """
                Examples:
                  stagehand automations add --job ios --stage interview --email "Interview invitation" --delay 1h
                  stagehand automations add --job ios --stage offer --subject "Hi {{candidate.first_name}}" --body "…"
                  stagehand automations add --job ios --stage offer --task "Prepare offer" --assignee ana --due 3d
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: StageSelection
        @Option(help: "Send this email template (id or part of its name).") var email: String?
        @Option(help: "Send a new email with this subject (with --body); saved as a template.") var subject: String?
        @Option(help: "The new email's body (placeholders such as {{candidate.first_name}} allowed).") var body: String?
        @Option(help: "Who the email is from: mover, or a team member.") var sender = "mover"
        @Option(help: "Send this long after the stage entry: 30m, 1h, 4h, 1d, 2d, 3d, 1w, 2bd, or any such as 90m, 36h, 10d, 3bd.")
        var delay: String?
        @Option(help: "Add a note with this text.") var note: String?
        @Option(help: "Add a task with this title (with --assignee and --due).") var task: String?
        @Option(help: "Who the task is for.") var assignee: String?
        @Option(help: "When the task is due: a duration after the move (3d) or a date (2026-12-01).") var due = "3d"
        @Option(help: "Add these tags (comma separated).") var tags: String?
        @Option(help: "Request an evaluation from these team members (comma separated).") var evaluation: String?
        @Option(help: "Add these team members as followers (comma separated).") var followers: String?
        @Option(help: "Assign the candidate to this job's first stage (without running its actions).") var assignJob: String?
        @Option(help: "Add the candidate to this talent pool.") var assignPool: String?
        @Option(help: "Insert at this position (1 = first) instead of last.") var position: Int?

        func run() throws {
            try reportingErrors {
                let session = try Session(global)
                let workspace = try session.store.load()
                let member = try session.member(in: workspace)
                try workspace.require(Workspace.automationPermissions, of: member.id, toDo: "change automatic actions")
                let (ref, stage) = try selection.stage(in: workspace)
                let newTemplate = subject.map { (name: $0, subject: $0, body: body ?? "") }
                let action = try makeAction(in: workspace)
                let summary = try session.store.update { workspace in
                    var action = action
                    if let newTemplate, case .sendEmail(var email) = action {
                        email.template = try workspace.addTemplate(
                            name: newTemplate.name, subject: newTemplate.subject, body: newTemplate.body, by: member.id)
                        action = .sendEmail(email)
                    }
                    try workspace.addAction(action, to: stage.id, of: ref, at: position.map { $0 - 1 }, by: member.id)
                    return workspace.summary(of: action)
                }
                TextOutput.print("Added to \(stage.name) (\(session.store.workspace.pipelineName(ref))): \(Symbols.forLocale(ProcessInfo.processInfo.environment).bolt) \(summary)")
            }
        }

        private func makeAction(in workspace: Workspace) throws -> AutomaticAction {
            let given = [email ?? subject, note, task, tags, evaluation, followers, assignJob, assignPool].compactMap { $0 }
            guard given.count == 1 else {
                throw ValidationError(
                    "Give exactly one kind of action: --email (or --subject/--body), --note, --task, --tags, --evaluation, --followers, --assign-job or --assign-pool.")
            }
            func members(_ list: String) throws -> [MemberID] {
                try list.split(separator: ",").map { try workspace.findMember($0.trimmingCharacters(in: .whitespaces)).id }
            }
            if email != nil || subject != nil {
                let template: EmailTemplateID = try email.map { try workspace.findTemplate($0).id } ?? "new"
                let from: Sender = sender == "mover" ? .mover : .member(try workspace.findMember(sender).id)
                return .sendEmail(.init(template: template, sender: from, delay: try delay.map(RelativeDuration.init(parsing:))))
            }
            if let note { return .addNote(.init(text: note)) }
            if let task {
                guard let assignee else { throw ValidationError("A task needs --assignee.") }
                return .addTask(.init(title: task, assignee: try workspace.findMember(assignee).id, due: try TaskDue(parsing: due)))
            }
            if let tags { return .addTags(.init(tags: tags.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })) }
            if let evaluation { return .requestEvaluation(.init(members: try members(evaluation))) }
            if let followers { return .addFollowers(.init(members: try members(followers))) }
            if let assignJob { return .assign(.init(job: try workspace.findJob(assignJob).id)) }
            return .assign(.init(talentPool: try workspace.findTalentPool(assignPool ?? "").id))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a stage's automatic action by its number in the list.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: StageSelection
        @Option(help: "The action's number, as `automations list` shows it.") var number: Int

        func run() throws {
            try reportingErrors {
                let session = try Session(global)
                let workspace = try session.store.load()
                let member = try session.member(in: workspace)
                let (ref, stage) = try selection.stage(in: workspace)
                try session.store.update { try $0.removeAction(at: number - 1, from: stage.id, of: ref, by: member.id) }
                TextOutput.print("Removed action \(number) from \(stage.name) (\(workspace.pipelineName(ref))).")
            }
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change the order in which a stage's actions run.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: StageSelection
        @Option(help: "The action's number, as `automations list` shows it.") var number: Int
        @Option(help: "Its new position (1 = runs first).") var toPosition: Int

        func run() throws {
            try reportingErrors {
                let session = try Session(global)
                let workspace = try session.store.load()
                let member = try session.member(in: workspace)
                let (ref, stage) = try selection.stage(in: workspace)
                try session.store.update {
                    try $0.moveAction(from: number - 1, to: toPosition - 1, in: stage.id, of: ref, by: member.id)
                }
                TextOutput.print("Moved action \(number) of \(stage.name) to position \(toPosition).")
            }
        }
    }
}
