import ArgumentParser
import Foundation
import StagehandCore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import candidates from a CSV file into a job's first stage. Never runs actions.",
        discussion: "Columns: name (required), email, source, tags (separated by ;). One bad row imports nothing.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The CSV file.") var file: String
    @Option(help: "The job (id or part of the title).") var job: String

    func run() throws {
        let session = try Session(global)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CandidateImportError(file: file, row: nil, problem: "the file cannot be read (check the path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CandidateImportError(file: file, row: nil, problem: "it is not UTF-8 text (save it as CSV UTF-8)")
        }
        let workspace = try session.load()
        let member = try session.member(in: workspace)
        let job = try workspace.findJob(self.job)
        let outcome = try session.perform(.importCandidates(csv: text, file: file, job: job.id), by: member.id)
        TextOutput.print(outcome.sentence + ".")
    }
}
