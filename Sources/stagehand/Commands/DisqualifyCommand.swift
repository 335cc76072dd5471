import Foundation
import ArgumentParser
import StagehandBoard
import StagehandCore

struct DisqualifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disqualify", abstract: "Disqualify a candidate with a reason, running the reason's actions.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The candidate (id or part of the name).") var candidate: String
    @Option(help: "The reason (id or part of its name).") var reason: String
    @Option(help: "The job (needed when the candidate is in several jobs).") var job: String?

    func run() throws {
        let session = try Session(global)
        let workspace = try session.load()
        let member = try session.member(in: workspace)
        let person = try workspace.findCandidate(candidate)
        let job = try workspace.jobForCandidate(person, named: self.job)
        let reason = try workspace.findReason(self.reason)
        let outcome = try session.perform(.disqualify(person.id, job: job.id, reason: reason.id), by: member.id)
        let final = session.store.workspace
        let symbols = Symbols.forLocale(ProcessInfo.processInfo.environment)
        TextOutput.print("Disqualified \(person.name) [\(person.id)] from \(job.title): \(reason.name).")
        for item in outcome.cancelled { TextOutput.print("  Cancelled: \(item.summary)") }
        for step in outcome.runs.first.flatMap({ final.actionRuns[$0] })?.steps ?? [] {
            TextOutput.print("  \(symbols.bolt) \(final.summary(of: step.action, forDisqualification: true)): \(StepText.describe(step, in: final))")
        }
    }
}
