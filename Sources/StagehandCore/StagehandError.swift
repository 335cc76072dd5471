import Foundation

/// Refusals of the rules themselves: unknown names, missing permissions, moves that need a choice.
///
/// A sentence here says what went wrong and what to do in the recruiter's words,
/// wherever it is read. How to do it with a particular client — a command-line
/// flag, a key — is that client's to add: the command line words its own advice
/// from `problem` (see its error reporting), so the board never shows a flag.
public enum StagehandError: UserFacingError, Equatable {
    case invalidDuration(String)
    case notFound(kind: String, name: String)
    /// `more` matches beyond those named.
    case ambiguous(kind: String, name: String, matches: [String], more: Int = 0)
    case notAMember(login: String)
    case missingPermission(member: String, missing: [Permission], doing: String)
    case candidateNotInJob(candidate: String, job: String)
    case candidateInSeveralJobs(candidate: String, jobs: [String])
    case alreadyInStage(candidate: String, stage: String)
    case revisitNeedsChoice(stage: String, candidates: [String])
    case bulkNeedsChoice(count: Int)
    case disqualified(candidate: String, job: String)
    case alreadyDisqualified(candidate: String, job: String)
    case jobClosed(String)
    case invalidAction(String)
    case emptyPipeline(job: String)
    /// An email asked to be sent now or cancelled that no longer waits.
    case emailNotWaiting(subject: String, status: EmailStatus)

    public var sentence: String {
        switch self {
        case .invalidAction(let why): why
        default: "\(problem): \(advice)."
        }
    }

    /// What went wrong, without what to do about it.
    public var problem: String {
        switch self {
        case .invalidDuration(let text): "'\(text)' is not a duration"
        case .notFound(let kind, let name): "No \(kind) matches '\(name)'"
        case .ambiguous(let kind, let name, let matches, let more):
            "'\(name)' matches several \(Self.plural(kind)) (\((matches + (more > 0 ? ["and \(more) more"] : [])).joined(separator: ", ")))"
        case .notAMember(let login): "The login '\(login)' is not a member of this workspace"
        case .missingPermission(let member, _, let doing): "\(member) may not \(doing)"
        case .candidateNotInJob(let candidate, let job): "\(candidate) is not in the job \(job)"
        case .candidateInSeveralJobs(let candidate, let jobs): "\(candidate) is in several jobs (\(jobs.joined(separator: ", ")))"
        case .alreadyInStage(let candidate, let stage): "\(candidate) is already in \(stage)"
        case .revisitNeedsChoice(let stage, let candidates): "\(candidates.joined(separator: ", ")) already passed through \(stage)"
        case .bulkNeedsChoice(let count): "Moving \(count) candidates at once needs a choice"
        case .disqualified(let candidate, let job): "\(candidate) is disqualified from \(job)"
        case .alreadyDisqualified(let candidate, let job): "\(candidate) is already disqualified from \(job)"
        case .jobClosed(let job): "The job \(job) is closed"
        case .invalidAction(let why): why
        case .emptyPipeline(let job): "The job \(job) has no stages"
        case .emailNotWaiting(let subject, let status):
            switch status {
            case .failed, .unknown: "The email '\(subject)' did not go out (\(status.rawValue))"
            case .sending: "The email '\(subject)' is being sent right now"
            default: "The email '\(subject)' was already \(status.rawValue)"
            }
        }
    }

    /// "stage of Onsite" → "stages of Onsite", "team member" → "team members".
    private static func plural(_ kind: String) -> String {
        guard let of = kind.range(of: " of ") else { return kind + "s" }
        return kind[..<of.lowerBound] + "s" + kind[of.lowerBound...]
    }

    /// What to do about it, in words any client can show.
    public var advice: String {
        switch self {
        case .invalidDuration: "use a number and a unit, such as 90m, 36h, 10d, 1w or 3bd (business days)"
        case .notFound: "check the spelling"
        case .ambiguous: "use more of the name or the id"
        case .notAMember: "ask an admin to add you"
        case .missingPermission(_, let missing, _): "that needs \(Permission.named(missing)); ask an admin"
        case .candidateNotInJob: "pick another job"
        case .candidateInSeveralJobs: "say which job"
        case .alreadyInStage: "nothing to move"
        case .revisitNeedsChoice: "choose whether to run its actions again or to move without them"
        case .bulkNeedsChoice: "choose whether to run the stage's actions or to move without them"
        case .disqualified: "they cannot be moved there"
        case .alreadyDisqualified: "nothing to do"
        case .jobClosed: "reopen it first"
        case .invalidAction: ""
        case .emptyPipeline: "add a stage to its pipeline first"
        case .emailNotWaiting(_, let status):
            switch status {
            case .failed, .unknown: "retry it instead"
            case .sending: "it can no longer be sent early or cancelled"
            default: "nothing to do"
            }
        }
    }
}
