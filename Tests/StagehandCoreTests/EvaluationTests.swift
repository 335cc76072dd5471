import Foundation
import Testing
@testable import StagehandCore

/// Evaluations: a request answered by its evaluator, or one nobody asked for.
@Suite struct EvaluationTests {
    typealias T = TestWorkspace

    @Test func theEvaluatorAnswersTheRequestWithARatingAndAComment() throws {
        var ws = T.make()
        try ws.moveTo(T.interview, T.alice)
        ws.advanceRuns(now: T.now)
        let request = try #require(ws.evaluationRequests.first { $0.candidate == T.alice })
        #expect(request.run != nil && request.status == .requested)
        let id = try ws.evaluate(T.alice, job: T.backend, rating: .yes, comment: " Clear thinker.\nGood tests. ", by: T.hugo, now: T.now)
        #expect(id == request.id, "the request is answered, not a second evaluation")
        let answered = try #require(ws.evaluationRequests[id])
        #expect(answered.status == .submitted && answered.rating == .yes && answered.comment == "Clear thinker.\nGood tests.")
        #expect(answered.submittedAt == T.now && ws.work(of: T.hugo).evaluations.isEmpty, "it leaves My work")
        #expect(ws.timeline(of: T.alice, .evaluated).last?.text == "Evaluation by Hugo Hiring for Backend Engineer: 4 (yes)")
    }

    @Test func someoneWithTheEvaluatePermissionMayAddOneNobodyAskedFor() throws {
        var ws = T.make()
        let id = try ws.evaluate(T.bruno, job: T.backend, rating: .strongNo, comment: "", by: T.rita, now: T.now)
        let evaluation = try #require(ws.evaluationRequests[id])
        #expect(evaluation.status == .submitted && !evaluation.automatic && evaluation.member == T.rita)
    }

    @Test func evaluatingNeedsThePermissionAndTheCandidateInTheJob() throws {
        var ws = T.make()
        #expect(throws: StagehandError.missingPermission(member: "Cora Coordinator", missing: [.evaluate], doing: "evaluate candidates")) {
            try ws.evaluate(T.alice, job: T.backend, rating: .yes, comment: "", by: T.cora, now: T.now)
        }
        #expect(throws: StagehandError.candidateNotInJob(candidate: "Eve Martin", job: "Backend Engineer")) {
            try ws.evaluate(T.eve, job: T.backend, rating: .yes, comment: "", by: T.hugo, now: T.now)
        }
    }

    @Test func theScaleHasWords() {
        #expect(EvaluationRating.allCases.map(\.description) == ["1 (strong no)", "2 (no)", "3 (mixed)", "4 (yes)", "5 (strong yes)"])
    }
}
