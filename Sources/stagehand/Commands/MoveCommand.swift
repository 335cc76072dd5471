import ArgumentParser
import Foundation
import StagehandBoard
import StagehandCore

enum ActionChoiceFlag: String, EnumerableFlag {
    case runActions, withoutActions

    var choice: MoveChoice { self == .runActions ? .runActions : .withoutActions }

    static func help(for value: ActionChoiceFlag) -> ArgumentHelp? {
        switch value {
        case .runActions: "Run the target stage's actions (needed for bulk moves and moves back to a stage already passed through)."
        case .withoutActions: "Move without running the target stage's actions."
        }
    }
}

struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move candidates to a stage, running its automatic actions.",
        discussion: """
            Moving one candidate forward runs the target stage's actions at once. Moving several at once, \
            or back to a stage a candidate already passed through, needs --run-actions or --without-actions. \
            A move cancels every action still pending for the candidate in that job, delayed emails included.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Candidates (id or part of the name).") var candidates: [String]
    @Option(help: "The target stage (id, part of the name, or its number 1–9).") var to: String
    @Option(help: "The job (needed when a candidate is in several jobs).") var job: String?
    @Flag var choice: ActionChoiceFlag?
    @Option(help: "Wait this many seconds before running the actions (the board's Cancel window).")
    var grace: Double?
    @Flag(help: "Print JSON (documented in the README).") var json = false

    func run() throws {
        let session = try Session(global)
        let workspace = try session.load(candidatesNamed: candidates)
        let mover = try session.member(in: workspace)
        let people = try candidates.map { try workspace.findCandidate($0) }
        let job = try commonJob(of: people, in: workspace)
        let stage = try workspace.findStage(to, in: job)
        let request = MoveRequest(candidates: people.map(\.id), job: job.id, target: stage.id, mover: mover.id)
        let wait = grace.map { max($0, 0) }
        let outcome = try session.perform(.move(request, choice: choice?.choice), by: mover.id, grace: wait)
        if let wait {
            Thread.sleep(forTimeInterval: wait)
            try session.engine.advance(outcome.runs)
        }
        let report = MoveReport(outcome, in: session.store.workspace)
        if json { try JSONOutput.print(report) } else { TextOutput.print(report.text(symbols: .forLocale(ProcessInfo.processInfo.environment), in: session.store.workspace)) }
    }

    private func commonJob(of people: [Candidate], in workspace: Workspace) throws -> Job {
        if let job { return try workspace.findJob(job) }
        let jobs = try people.map { try workspace.jobForCandidate($0, named: nil) }
        guard let first = jobs.first else { throw ValidationError("Name at least one candidate.") }
        guard jobs.allSatisfy({ $0.id == first.id }) else {
            throw StagehandError.invalidAction("These candidates are in different jobs: say which with --job.")
        }
        return first
    }
}
