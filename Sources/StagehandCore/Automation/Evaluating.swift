import Foundation

extension Workspace {
    /// Records `member`'s evaluation of a candidate for a job: it answers their open
    /// request if they have one, else it is an evaluation nobody asked for. Needs the
    /// permission for evaluating candidates.
    @discardableResult
    public mutating func evaluate(
        _ candidateID: CandidateID, job jobID: JobID, rating: EvaluationRating, comment: String, by member: MemberID, now: Date
    ) throws -> EvaluationRequestID {
        try requireMember(member)
        try require([.evaluate], of: member, toDo: "evaluate candidates")
        guard let candidate = candidates[candidateID] else { throw StagehandError.notFound(kind: "candidate", name: candidateID.rawValue) }
        guard let job = job(jobID) else { throw StagehandError.notFound(kind: "job", name: jobID.rawValue) }
        guard candidate.placement(in: jobID) != nil else { throw StagehandError.candidateNotInJob(candidate: candidate.name, job: job.title) }
        let comment = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        try TextLimit.check(comment, "A comment", limit: TextLimit.body)
        let open = evaluationRequests.records(of: candidateID).first { $0.member == member && $0.job == jobID && $0.status == .requested }
        let id: EvaluationRequestID = open?.id ?? makeID("eval")
        if open != nil {
            evaluationRequests.modify(id) {
                $0.status = .submitted
                $0.rating = rating
                $0.comment = comment
                $0.submittedAt = now
            }
        } else {
            evaluationRequests.upsert(
                EvaluationRequest(
                    id: id, member: member, candidate: candidateID, job: jobID, status: .submitted, requestedAt: now, automatic: false,
                    rating: rating, comment: comment, submittedAt: now))
        }
        let activityID: ActivityID = makeID("act")
        let name = self.member(member)?.name ?? member.rawValue
        candidates.modify(candidateID) {
            $0.timeline.append(
                Activity(
                    id: activityID, at: now, kind: .evaluated, author: member, automatic: false,
                    text: "Evaluation by \(name) for \(job.title): \(rating.description)", job: jobID))
        }
        return id
    }
}
