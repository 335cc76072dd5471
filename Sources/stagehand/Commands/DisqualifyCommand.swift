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
        try reportingErrors {
            let session = try Session(global)
            let workspace = try session.store.load()
            let member = try session.member(in: workspace)
            let person = try workspace.findCandidate(candidate)
            let job = try workspace.jobForCandidate(person, named: self.job)
            let reason = try workspace.findReason(self.reason)
            let now = session.clock.now
            let outcome = try session.store.update { workspace in
                let outcome = try workspace.disqualify(person.id, from: job.id, reason: reason.id, by: member.id, now: now)
                if let run = outcome.run { workspace.advanceRuns(now: now, only: [run]) }
                return outcome
            }
            let final = session.store.workspace
            if let run = outcome.run {
                let immediate = final.emailsDue(from: [run], now: now)
                try session.sendNow(immediate)
            }
            let symbols = Symbols.forLocale(ProcessInfo.processInfo.environment)
            TextOutput.print("Disqualified \(person.name) [\(person.id)] from \(job.title): \(reason.name).")
            for item in outcome.cancelled { TextOutput.print("  Cancelled: \(item.summary)") }
            for step in outcome.run.flatMap({ session.store.workspace.actionRuns[$0] })?.steps ?? [] {
                TextOutput.print("  \(symbols.bolt) \(final.summary(of: step.action, forDisqualification: true)): \(StepText.describe(step, in: final))")
            }
        }
    }
}
