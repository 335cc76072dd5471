import ArgumentParser
import StagehandCore

@main
struct Stagehand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stagehand",
        abstract: "A keyboard-driven kanban board for hiring pipelines, with automatic actions.",
        discussion: """
            With no command, shows the board of the state file (the sample workspace when there is none yet).
            The state file is --state PATH, else $STAGEHAND_STATE, else $XDG_DATA_HOME/stagehand/state.json.
            $STAGEHAND_NOW (ISO 8601) sets the clock for tests and demos.
            """,
        subcommands: [
            DemoCommand.self, BoardCommand.self, MoveCommand.self, ShowCommand.self, ApplyCommand.self,
            ImportCommand.self, DisqualifyCommand.self, AutomationsCommand.self, DispatchCommand.self,
            CheckCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingErrors {
            let session = try Session(global)
            if !session.store.exists {
                try session.writeSample(replacing: false)
                printError("Started a sample workspace at \(session.statePath.path).")
            }
            let workspace = try session.store.load()
            print(BoardText.render(workspace, jobs: workspace.setup.jobs, symbols: Symbols.forEnvironment()), terminator: "")
        }
    }
}
