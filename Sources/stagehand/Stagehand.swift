import ArgumentParser
import Foundation
import StagehandBoard
import StagehandCore

@main
struct Stagehand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stagehand",
        abstract: "A keyboard-driven kanban board for hiring pipelines, with automatic actions.",
        discussion: """
            With no command, opens the board on the state file (the sample workspace when there is none yet), on the job you last had open there; `stagehand open --job JOB` opens it on another.
            The state file is --state PATH, else $STAGEHAND_STATE, else $XDG_DATA_HOME/stagehand/state.json.
            $STAGEHAND_NOW (ISO 8601) sets the clock for tests and demos.
            """,
        subcommands: [
            OpenCommand.self, DemoCommand.self, BoardCommand.self, MoveCommand.self, ShowCommand.self, ApplyCommand.self,
            ImportCommand.self, DisqualifyCommand.self, AutomationsCommand.self, PipelineCommand.self, JobsCommand.self,
            ReasonsCommand.self, TemplatesCommand.self, ScheduledCommand.self, DispatchCommand.self, MailCommand.self,
            CheckCommand.self, MembersCommand.self, TasksCommand.self, EvaluateCommand.self, NoteCommand.self, TagCommand.self,
            FollowCommand.self, UnfollowCommand.self, EditCommand.self, ReinstateCommand.self, MigrateCommand.self, CopyCommand.self, ReportCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Colour theme: dark, light, high-contrast, monochrome, or any file NAME.json in Themes/.")
    var theme: String?

    /// ArgumentParser's own, except that every command's errors are reported here,
    /// once (`ErrorReporting`), and that what it prints passes through
    /// `TextOutput.visible`: an error quotes the arguments back, and those may hold
    /// control characters the terminal would obey.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if let message = ErrorReporting.message(for: error), let status = ErrorReporting.exitStatus(for: error) {
                printError(message)
                Foundation.exit(status)
            }
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { TextOutput.print(message) }
            } else if !message.isEmpty {
                printError(message)
            }
            Foundation.exit(code.rawValue)
        }
    }

    func run() throws {
        let session = try Session(global)
        // The command line runs on the main thread, which is where the terminal driver lives.
        try MainActor.assumeIsolated {
            try BoardLauncher.open(session, themeName: theme, environment: ProcessInfo.processInfo.environment)
        }
    }
}
