import ArgumentParser
import StagehandCore

struct ReasonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reasons", abstract: "List, add, rename or remove disqualification reasons.",
        discussion: """
            A reason's actions run when a candidate is disqualified with it; change them with \
            'stagehand automations add|remove|move --reason REASON'. Changing reasons needs both the \
            manageAutomations and editJobs permissions.
            """,
        subcommands: [List.self, Add.self, Rename.self, Remove.self], defaultSubcommand: List.self)
}

extension ReasonsCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the disqualification reasons with the actions each one runs (⚡).")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let workspace = try Session(global).load()
            let symbols = TextOutput.symbols
            for reason in workspace.setup.disqualificationReasons {
                let bolt = reason.actions.isEmpty ? "" : " \(symbols.bolt)"
                TextOutput.print("\(reason.name)\(bolt) [\(reason.id)]\(reason.actions.isEmpty ? ": no actions" : "")")
                AutomationsCommand.List.printActions(reason.actions.map { StageAction($0) }, reason: true, in: workspace, symbols: symbols)
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a disqualification reason (with no actions yet).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The reason's name, as people will pick it.") var name: String

        func run() throws {
            let said = try Session(global).changeSetup { _, _ in
                .addReason(name: name)
            }
            TextOutput.print(said)
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rename",
            abstract: "Rename a disqualification reason (candidates disqualified with it keep it).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The reason (id or part of its name).") var reason: String
        @Option(help: ArgumentHelp("Its new name.", valueName: "name")) var to: String

        func run() throws {
            let said = try Session(global).changeSetup { workspace, _ in
                .renameReason(try workspace.findReason(reason).id, name: to)
            }
            TextOutput.print(said)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a disqualification reason nobody was disqualified with (else rename it).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The reason (id or part of its name).") var reason: String

        func run() throws {
            let said = try Session(global).changeSetup { workspace, _ in
                .removeReason(try workspace.findReason(reason).id)
            }
            TextOutput.print(said)
        }
    }
}
