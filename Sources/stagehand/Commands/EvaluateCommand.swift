import ArgumentParser
import Foundation
import StagehandCore

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate", abstract: "Evaluate a candidate: answers your evaluation request, or adds an evaluation of your own.",
        discussion: "Ratings: " + EvaluationRating.allCases.map(\.description).joined(separator: ", ") + ".")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The candidate (id or part of the name).") var candidate: String
    @Option(help: "The job (needed when the candidate is in several jobs).") var job: String?
    @Option(help: "1 strong no, 2 no, 3 mixed, 4 yes, 5 strong yes.") var rating: Int
    @Option(help: "What you think, in your words ('-' reads it from standard input).") var comment = ""

    func validate() throws {
        guard EvaluationRating(rawValue: rating) != nil else {
            throw ValidationError("A rating is 1 to 5: " + EvaluationRating.allCases.map(\.description).joined(separator: ", ") + ".")
        }
    }

    func run() throws {
        try Session(global).change(candidate) { workspace, person in
            let job = try workspace.jobForCandidate(person, named: self.job)
            return .evaluate(person.id, job: job.id, rating: EvaluationRating(rawValue: rating) ?? .mixed, comment: StandardInput.or(comment))
        }
    }
}
