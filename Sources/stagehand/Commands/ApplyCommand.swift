import Foundation
import ArgumentParser
import StagehandBoard
import StagehandCore

struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply", abstract: "Add an applicant to a job's first stage, running that stage's actions.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The job (id or part of the title).") var job: String
    @Option(help: "The applicant's full name.") var name: String
    @Option(help: "The applicant's email address.") var email: String
    @Option(help: "Where they came from (LinkedIn, Referral, Career page…).") var source = "Career page"

    func run() throws {
        let session = try Session(global)
        let workspace = try session.load()
        let member = try session.member(in: workspace)
        let job = try workspace.findJob(self.job)
        let person = NewCandidate(name: name, email: email, source: source)
        let origin: CandidateOrigin = source.lowercased().contains("referr") ? .referral : .application
        let outcome = try session.perform(.add(person, job: job.id, origin: origin), by: member.id)
        let final = session.store.workspace
        let added = outcome.added.first.flatMap { final.candidates[$0] }
        TextOutput.print("Added \(added?.name ?? name) [\(added?.id.rawValue ?? "")] to \(job.title) (\(job.firstStage?.name ?? "")).")
        let symbols = Symbols.forLocale(ProcessInfo.processInfo.environment)
        for step in outcome.runs.first.flatMap({ final.actionRuns[$0] })?.steps ?? [] {
            TextOutput.print("  \(symbols.bolt) \(final.summary(of: step.action)): \(StepText.describe(step, in: final))")
        }
    }
}
