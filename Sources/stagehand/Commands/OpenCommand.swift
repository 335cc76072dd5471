import ArgumentParser
import Foundation

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the board on a job.",
        discussion: """
            Without --job, on the job you last had open on this workspace, as `stagehand` alone does. The job on screen when \
            you quit is remembered for next time. For a colour theme: stagehand --theme NAME open --job JOB.
            """)

    @ParentCommand var root: Stagehand
    @OptionGroup var global: GlobalOptions
    @Option(help: "The job (id or part of the title).") var job: String?

    func run() throws {
        let session = try Session(global)
        try MainActor.assumeIsolated {
            try BoardLauncher.open(session, themeName: root.theme, jobName: job, environment: ProcessInfo.processInfo.environment)
        }
    }
}
