import Foundation
import ArgumentParser
import StagehandBoard
import StagehandCore

struct AutomationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "automations",
        abstract: "List, add, remove or reorder the automatic actions of a stage or a disqualification reason.",
        discussion: "Changing actions needs both the manageAutomations and editJobs permissions.",
        subcommands: [List.self, Add.self, Remove.self, Move.self], defaultSubcommand: List.self)
}

/// Which list of actions a command is about: a stage of a pipeline, or a disqualification reason.
struct StageSelection: ParsableArguments {
    @OptionGroup var pipeline: PipelineSelection
    @Option(help: "The stage (id, part of the name, or its number).") var stage: String?
    @Option(help: "A disqualification reason instead of a stage (id or part of the name).") var reason: String?

    func owner(in workspace: Workspace) throws -> ActionOwner {
        if let reason {
            guard !pipeline.isGiven, stage == nil else {
                throw ValidationError("Use either --reason or --job/--default with --stage, not both.")
            }
            return .reason(try workspace.findReason(reason).id)
        }
        let (ref, _) = try pipeline.resolve(in: workspace)
        guard let stage else { throw ValidationError("Say which stage with --stage (or a reason with --reason).") }
        return .stage(ref, try PipelineSelection.stage(stage, of: ref, in: workspace).id)
    }
}

extension AutomationsCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the automatic actions of a pipeline's stages, or of a reason.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: StageSelection

        func run() throws {
            let workspace = try Session(global).load()
            let symbols = Symbols.forLocale(ProcessInfo.processInfo.environment)
            if selection.reason != nil {
                let owner = try selection.owner(in: workspace)
                TextOutput.print("Automatic actions of \(workspace.ownerName(owner)), run on disqualification:")
                Self.printActions(workspace.stageActions(of: owner) ?? [], reason: true, in: workspace, symbols: symbols)
                return
            }
            let (ref, pipeline) = try selection.pipeline.resolve(in: workspace)
            let stages = try selection.stage.map { _ -> [Stage] in
                guard case .stage(_, let id) = try selection.owner(in: workspace) else { return [] }
                return pipeline.filter { $0.id == id }
            } ?? pipeline
            TextOutput.print("Automatic actions of \(workspace.pipelineName(ref))")
            for stage in stages {
                let marks = stage.marks(bolt: symbols.bolt, timer: symbols.timer)
                TextOutput.print("\(stage.name) [\(stage.id)]\(marks)\(stage.stageActions.isEmpty ? ": none" : "")")
                Self.printActions(stage.stageActions, reason: false, in: workspace, symbols: symbols)
            }
        }

        static func printActions(_ actions: [StageAction], reason: Bool, in workspace: Workspace, symbols: Symbols) {
            for (index, item) in actions.enumerated() {
                let mark = item.after == nil ? symbols.bolt : symbols.timer
                TextOutput.print("  \(index + 1). \(mark) \(workspace.summary(of: item, forDisqualification: reason))")
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an automatic action to a stage or a reason (one kind per call).",
            discussion: """
                Examples:
                  stagehand automations add --job ios --stage interview --email "Interview invitation" --delay 1h
                  stagehand automations add --job ios --stage offer --subject "Hi {{candidate.first_name}}" --body "…"
                  stagehand automations add --job ios --stage offer --task "Prepare offer" --assignee ana --due 3d
                  stagehand automations add --reason "not a fit" --email Rejection --delay 2d
                  stagehand automations add --job ios --stage interview --after 5bd --tags stale
                  stagehand automations add --job ios --stage offer --after 3d --email "Offer nudge" --sender ana
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: StageSelection
        @Option(help: "Send this email template (id or part of its name).") var email: String?
        @Option(help: "Send a new email with this subject (with --body); saved as a template.") var subject: String?
        @Option(help: "The new email's body (placeholders such as {{candidate.first_name}} allowed).") var body: String?
        @Option(help: "Who the email is from: mover, or a team member.") var sender = "mover"
        @Option(help: "Send this long after the stage entry: 30m, 1h, 4h, 1d, 2d, 3d, 1w, 2bd, or any such as 90m, 36h, 10d, 3bd.")
        var delay: String?
        @Option(help: "Run it once the candidate has been in the stage this long (5d, 3bd, 36h) instead of on entry.")
        var after: String?
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
            let session = try Session(global)
            let workspace = try session.load()
            let member = try session.member(in: workspace)
            try workspace.require(Workspace.automationPermissions, of: member.id, toDo: "change automatic actions")
            let owner = try selection.owner(in: workspace)
            var draft = try makeDraft(in: workspace)
            if let after, after.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("--after needs a time in the stage, such as 5d, 3bd or 36h; leave it out to run the action on entry.")
            }
            draft.when = after ?? ""
            let now = session.clock.now
            let said = try session.store.update { workspace in
                let said = try workspace.apply(.saveAction(draft, owner: owner, replacing: nil), by: member.id, now: now)
                if let position, let last = workspace.stageActions(of: owner).map({ $0.count - 1 }), position - 1 < last {
                    try workspace.moveAction(from: last, to: max(0, position - 1), of: owner, by: member.id)
                }
                return said
            }
            TextOutput.print(said)
        }

        /// The flags, as the board's form would hold them.
        private func makeDraft(in workspace: Workspace) throws -> ActionDraft {
            let given = [email ?? subject, note, task, tags, evaluation, followers, assignJob, assignPool].compactMap { $0 }
            guard given.count == 1 else {
                throw ValidationError(
                    "Give exactly one kind of action: --email (or --subject/--body), --note, --task, --tags, --evaluation, --followers, --assign-job or --assign-pool.")
            }
            if email != nil || subject != nil {
                var draft = ActionDraft(kind: .sendEmail, in: workspace)
                if let email {
                    draft.useTemplate(try workspace.findTemplate(email).id, in: workspace)
                } else {
                    draft.useTemplate(nil, in: workspace)
                    draft.templateName = subject ?? ""
                    draft.subject = subject ?? ""
                    draft.body = body ?? ""
                }
                draft.sender = sender
                draft.delay = delay ?? ""
                return draft
            }
            if let note { return with(.addNote) { $0.note = note } }
            if let task {
                guard let assignee else { throw ValidationError("A task needs --assignee.") }
                return with(.addTask) {
                    $0.title = task
                    $0.assignee = assignee
                    $0.due = due
                }
            }
            if let tags { return with(.addTags) { $0.tags = tags } }
            if let evaluation { return with(.requestEvaluation) { $0.members = evaluation } }
            if let followers { return with(.addFollowers) { $0.members = followers } }
            if let assignJob { return with(.assign) { $0.target = (try? workspace.findJob(assignJob).id.rawValue) ?? assignJob } }
            let pool = assignPool ?? ""
            return with(.assign) { $0.target = (try? workspace.findTalentPool(pool).id.rawValue) ?? pool }

            func with(_ kind: AutomaticAction.Kind, _ fill: (inout ActionDraft) -> Void) -> ActionDraft {
                var draft = ActionDraft(kind: kind, in: workspace)
                fill(&draft)
                return draft
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an automatic action of a stage or a reason by its number in the list.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: StageSelection
        @Option(help: "The action's number, as `automations list` shows it.") var number: Int

        func run() throws {
            let said = try Session(global).changeSetup { workspace, _ in
                .removeAction(owner: try selection.owner(in: workspace), index: number - 1)
            }
            TextOutput.print(said)
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "move", abstract: "Change the order in which the actions of a stage or a reason run.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: StageSelection
        @Option(help: "The action's number, as `automations list` shows it.") var number: Int
        // Unconditional, so that "-1" reaches the range check instead of reading as an option.
        @Option(parsing: .unconditional, help: "Its new position (1 = runs first).") var toPosition: Int

        func run() throws {
            let said = try Session(global).changeSetup { workspace, _ in
                .moveAction(owner: try selection.owner(in: workspace), from: number - 1, to: toPosition - 1)
            }
            TextOutput.print(said)
        }
    }
}
