import Foundation
import ArgumentParser
import StagehandBoard
import StagehandCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a candidate's profile and timeline (automatic entries marked ⚡).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The candidate (id or part of the name).") var candidate: String
    @Flag(help: "Print JSON (documented in the README).") var json = false

    func run() throws {
        try reportingErrors {
            let session = try Session(global)
            let workspace = try session.store.load()
            let found = try workspace.findCandidate(candidate)
            let report = CandidateReport(found, in: workspace)
            if json {
                try JSONOutput.print(report)
            } else {
                TextOutput.print(report.text(in: workspace, symbols: .forLocale(ProcessInfo.processInfo.environment)))
            }
        }
    }
}
