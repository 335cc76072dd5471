import Foundation
import ArgumentParser
import StagehandBoard
import StagehandCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a candidate's profile and timeline (automatic entries marked ⚡).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The candidate (id or part of the name).") var candidate: String
    @Flag(help: "Also show every email exactly as it was or will be sent (subject and body).") var emails = false
    @Flag(help: "Print JSON (documented in the README); it always holds the emails' subjects and bodies.") var json = false

    func run() throws {
        let session = try Session(global)
        let workspace = try session.load(candidatesNamed: [candidate])
        let found = try workspace.findCandidate(candidate)
        let report = try CandidateReport(found, in: workspace)
        if json {
            try JSONOutput.print(report)
        } else {
            TextOutput.print(report.text(in: workspace, symbols: .forLocale(ProcessInfo.processInfo.environment), emails: emails))
        }
    }
}
