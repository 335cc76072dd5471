import Foundation
import ArgumentParser
import StagehandBoard
import StagehandCore

struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board", abstract: "Print the board: every stage of a job with its candidates.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this job (id or part of the title).") var job: String?
    @Flag(help: "Print JSON (documented in the README).") var json = false

    func run() throws {
        let session = try Session(global)
        let workspace = try session.load()
        let jobs = try job.map { [try workspace.findJob($0)] } ?? workspace.setup.jobs
        if json {
            try JSONOutput.print(BoardReport(workspace, jobs: jobs, now: session.clock.now))
        } else {
            TextOutput.print(BoardText.render(workspace, jobs: jobs, symbols: .forLocale(ProcessInfo.processInfo.environment), now: session.clock.now))
        }
    }
}
