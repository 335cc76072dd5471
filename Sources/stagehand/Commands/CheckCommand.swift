import ArgumentParser
import StagehandCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate the state file and report what it holds; never changes it.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingErrors {
            let session = try Session(global)
            let report = try session.store.check()
            print("\(session.statePath.path): OK")
            print(report.description)
            if !report.problems.isEmpty { throw ExitCode(1) }
        }
    }
}
