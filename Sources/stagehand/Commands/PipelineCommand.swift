import ArgumentParser
import StagehandCore

struct PipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline", abstract: "List, add, rename, reorder or remove the stages of a pipeline.",
        discussion: """
            Works on one job's pipeline (--job JOB) or on the default template (--default). Editing the default \
            template affects only jobs created afterwards; every existing job keeps its own pipeline. Changing a \
            pipeline needs both the manageAutomations and editJobs permissions.
            """,
        subcommands: [List.self, Add.self, Edit.self, Rename.self, Move.self, Remove.self], defaultSubcommand: List.self)

    /// Said after every change to the default template, so nobody expects the open jobs to follow.
    static let templateNote = "Only jobs created from now on get this; existing jobs keep their own pipelines."

    static func print(_ said: String, about pipeline: PipelineSelection) {
        TextOutput.print(pipeline.defaultTemplate ? "\(said)\n\(templateNote)" : said)
    }
}

extension PipelineCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List a pipeline's stages in order, with ⚡ on stages with actions and a job's card counts.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var pipeline: PipelineSelection

        func run() throws {
            let workspace = try Session(global).load()
            let (ref, stages) = try pipeline.resolve(in: workspace)
            let bolt = TextOutput.symbols.bolt
            switch ref {
            case .job(let id): TextOutput.print("Pipeline of \(workspace.pipelineName(ref)) [\(id)]:")
            case .defaultTemplate: TextOutput.print("The default pipeline, copied by jobs created from now on:")
            }
            let counts = workspace.cardCounts(in: ref)
            for (index, stage) in stages.enumerated() {
                let count = counts[stage.id] ?? 0
                let cards = ref == .defaultTemplate ? "" : ": \(count) candidate\(count == 1 ? "" : "s")"
                let marker = stage.marks(bolt: bolt, timer: TextOutput.symbols.timer)
                let expected = stage.expected.map { ", expected \($0)" } ?? ""
                TextOutput.print("  \(index + 1). \(stage.name)\(marker) [\(stage.id)]\(cards)\(expected)")
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a stage to a pipeline, last or at a position.",
            discussion: "Example: stagehand pipeline add --job ios \"Culture chat\" --position 3")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var pipeline: PipelineSelection
        @Argument(help: "The new stage's name.") var name: String
        @Option(help: ArgumentHelp("Its position (1 = first) instead of last.", valueName: "n")) var position: Int?
        @Option(help: ArgumentHelp("How long candidates are expected to stay: 5d, 3bd (business days), 36h.", valueName: "duration"))
        var expected: String?

        func run() throws {
            // Checked before anything changes, so that a bad duration adds no stage.
            let expected = try expected.map(RelativeDuration.init(parsing:))
            var ref: PipelineRef?
            let said = try Session(global).changeSetup { workspace, _ in
                let resolved = try pipeline.resolve(in: workspace).0
                ref = resolved
                return .addStage(resolved, name: name)
            } then: { workspace in
                // A stage is added last: the one at the end is the new one.
                guard let ref, let added = workspace.pipeline(ref)?.last else { return [] }
                return (position.map { [.moveStage(ref, added.id, to: $0 - 1)] } ?? [])
                    + (expected.map { [.setExpectedTime(ref, added.id, $0)] } ?? [])
            }
            PipelineCommand.print(said, about: pipeline)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Set or clear how long candidates are expected to stay in a stage.",
            discussion: """
                Past the expected time a card is overdue: the board marks it and counts it in the column's header, \
                and `stagehand report` counts it. Example: stagehand pipeline edit --job ios --stage Interview --expected 3bd
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var pipeline: PipelineSelection
        @Option(help: "The stage (id, part of the name, or its number).") var stage: String
        @Option(
            help: ArgumentHelp(
                "How long candidates are expected to stay: 5d, 3bd (business days), 36h; 'none' clears it.", valueName: "duration"))
        var expected: String

        func run() throws {
            let duration = ["none", "off", ""].contains(expected.lowercased()) ? nil : try RelativeDuration(parsing: expected)
            let said = try Session(global).changeSetup { workspace, _ in
                let ref = try pipeline.resolve(in: workspace).0
                return .setExpectedTime(ref, try PipelineSelection.stage(stage, of: ref, in: workspace).id, duration)
            }
            PipelineCommand.print(said, about: pipeline)
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a stage of a pipeline.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var pipeline: PipelineSelection
        @Option(help: "The stage (id, part of the name, or its number).") var stage: String
        @Option(help: ArgumentHelp("Its new name.", valueName: "name")) var to: String

        func run() throws {
            let said = try Session(global).changeSetup { workspace, _ in
                let ref = try pipeline.resolve(in: workspace).0
                return .renameStage(ref, try PipelineSelection.stage(stage, of: ref, in: workspace).id, name: to)
            }
            PipelineCommand.print(said, about: pipeline)
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "move", abstract: "Move a stage to another position in its pipeline.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var pipeline: PipelineSelection
        @Option(help: "The stage (id, part of the name, or its number).") var stage: String
        // Unconditional, so that "-1" reaches the range check instead of reading as an option.
        @Option(parsing: .unconditional, help: ArgumentHelp("Its new position (1 = first).", valueName: "n")) var toPosition: Int

        func run() throws {
            let said = try Session(global).changeSetup { workspace, _ in
                let ref = try pipeline.resolve(in: workspace).0
                return .moveStage(ref, try PipelineSelection.stage(stage, of: ref, in: workspace).id, to: toPosition - 1)
            }
            PipelineCommand.print(said, about: pipeline)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a stage from a pipeline.",
            discussion: """
                Candidates still in the stage must go somewhere: name another stage with --move-candidates-to. \
                They move there without running its actions, and whatever was still pending for them is cancelled.
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var pipeline: PipelineSelection
        @Option(help: "The stage (id, part of the name, or its number).") var stage: String
        @Option(help: ArgumentHelp("Where its candidates go (another stage of the same pipeline).", valueName: "stage"))
        var moveCandidatesTo: String?

        func run() throws {
            let said = try Session(global).changeSetup { workspace, member in
                let ref = try pipeline.resolve(in: workspace).0
                let removed = try PipelineSelection.stage(stage, of: ref, in: workspace)
                let destination = try moveCandidatesTo.map { try PipelineSelection.stage($0, of: ref, in: workspace).id }
                // The core refuses too, but cannot name this option; permissions are said first, as the core does.
                try workspace.require(Workspace.automationPermissions, of: member.id, toDo: "change pipelines")
                let occupants = workspace.occupants(of: removed.id, in: ref).count
                if destination == nil, occupants > 0 {
                    throw StagehandError.invalidAction(
                        "\(occupants) candidate\(occupants == 1 ? " is" : "s are") still in \(removed.name): "
                            + "pass --move-candidates-to STAGE to say where they go. Nothing was removed.")
                }
                return .removeStage(ref, removed.id, movingTo: destination)
            }
            PipelineCommand.print(said, about: pipeline)
        }
    }
}
