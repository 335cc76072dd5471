import ArgumentParser
import StagehandCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate the state file (or database) and report what it holds; never changes it.",
        discussion: "Exits 0 when the file loads and adds up, 1 when it loads with inconsistencies, 65 when it is damaged.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = try Session(global)
        let report = try session.store.check()
        TextOutput.print("\(report.path): schema \(report.schemaVersion), \(report.isConsistent ? "OK" : "loads, with problems")")
        var counts = [
            counted(report.jobs, "job"), counted(report.candidates, "candidate"), counted(report.emailsWaiting, "email") + " waiting",
            counted(session.store.workspace.waitingTimedRuns.count, "timed action") + " waiting",
        ]
        // A database has no journal: its changes are rows.
        if case .file = session.location { counts.append(counted(report.journalRecords, "journal record")) }
        TextOutput.print("  " + counts.joined(separator: ", "))
        for problem in report.problems { TextOutput.print("  problem: \(problem)") }
        if !report.isConsistent { throw ExitCode(1) }
    }
}
