import ArgumentParser
import StagehandCore

struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "List, create, rename, reorder, close or reopen job openings.",
        discussion: """
            A new job gets its own copy of the default pipeline (see 'stagehand pipeline --default'); later edits \
            to either do not reach the other. Changing jobs needs both the manageAutomations and editJobs permissions.
            """,
        subcommands: [List.self, Create.self, Rename.self, Move.self, Close.self, Reopen.self], defaultSubcommand: List.self)
}

extension JobsCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the jobs in their order (the one Tab walks on the board): title, id, status and number of stages.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let workspace = try Session(global).load()
            for (position, job) in workspace.setup.jobs.enumerated() {
                let stages = job.pipeline.count
                let count = "\(stages) stage\(stages == 1 ? "" : "s")"
                TextOutput.print("\(position + 1). \(job.title) [\(job.id)]: \(job.status.rawValue), \(count)")
            }
        }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a job with a copy of the default pipeline.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The job's title.") var title: String

        func run() throws {
            let said = try Session(global).changeSetup { _, _ in
                .createJob(title: title)
            }
            TextOutput.print(said)
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rename", abstract: "Change a job's title.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The job (id or part of the title).") var job: String
        @Option(help: ArgumentHelp("Its new title.", valueName: "title")) var to: String

        func run() throws {
            let said = try Session(global).changeSetup { workspace, _ in
                .renameJob(try workspace.findJob(job).id, title: to)
            }
            TextOutput.print(said)
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move",
            abstract: "Move a job to another place in the job order (the order Tab walks on the board).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The job (id or part of the title).") var job: String
        // Unconditional, so that "-1" reaches the range check instead of reading as an option.
        @Option(parsing: .unconditional, help: ArgumentHelp("Its new position (1 = first).", valueName: "n")) var toPosition: Int

        func run() throws {
            let said = try Session(global).changeSetup { workspace, _ in
                .moveJob(try workspace.findJob(job).id, to: toPosition - 1)
            }
            TextOutput.print(said)
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close",
            abstract: "Close a job: it takes no new applicants, and its board stays readable.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The job (id or part of the title).") var job: String

        func run() throws {
            let said = try Session(global).changeSetup { workspace, _ in
                .setJobStatus(try workspace.findJob(job).id, .closed)
            }
            TextOutput.print(said)
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen a closed job.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The job (id or part of the title).") var job: String

        func run() throws {
            let said = try Session(global).changeSetup { workspace, _ in
                .setJobStatus(try workspace.findJob(job).id, .open)
            }
            TextOutput.print(said)
        }
    }
}
