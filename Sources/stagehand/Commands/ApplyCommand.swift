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
        try reportingErrors {
            let session = try Session(global)
            let workspace = try session.store.load()
            let member = try session.member(in: workspace)
            let job = try workspace.findJob(self.job)
            let now = session.clock.now
            let person = NewCandidate(name: name, email: email, source: source)
            let origin: CandidateOrigin = source.lowercased().contains("referr") ? .referral : .application
            let outcome = try session.store.update { workspace in
                let outcome = try workspace.addCandidate(person, to: job.id, origin: origin, by: member.id, now: now)
                if let run = outcome.run { workspace.advanceRuns(now: now, only: [run]) }
                return outcome
            }
            if let run = outcome.run {
                let immediate = session.store.workspace.emailsDue(from: [run], now: now)
                try session.sendNow(immediate)
            }
            let final = session.store.workspace
            let stage = job.firstStage?.name ?? ""
            TextOutput.print("Added \(final.candidates[outcome.candidate]?.name ?? name) [\(outcome.candidate)] to \(job.title) (\(stage)).")
            let symbols = Symbols.forLocale(ProcessInfo.processInfo.environment)
            for step in outcome.run.flatMap({ final.actionRuns[$0] })?.steps ?? [] {
                TextOutput.print("  \(symbols.bolt) \(final.summary(of: step.action)): \(StepText.describe(step, in: final))")
            }
        }
    }
}
