import Foundation

/// Refusals of the rules themselves: unknown names, missing permissions, moves that need a choice.
public enum StagehandError: UserFacingError, Equatable {
    case invalidDuration(String)
    case notFound(kind: String, name: String)
    case ambiguous(kind: String, name: String, matches: [String])
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

    public var sentence: String {
        switch self {
        case .invalidDuration(let text):
            return "'\(text)' is not a duration: use a number and a unit, such as 90m, 36h, 10d, 1w or 3bd (business days)."
        case .notFound(let kind, let name):
            return "No \(kind) matches '\(name)': check the spelling\(Self.listing(kind))."
        case .ambiguous(let kind, let name, let matches):
            return "'\(name)' matches several \(kind)s (\(matches.joined(separator: ", "))): use more of the name or the id."
        case .notAMember(let login):
            return "The login '\(login)' is not a member of this workspace: pass --as MEMBER, or ask an admin to add you."
        case .missingPermission(let member, let missing, let doing):
            let names = missing.map(\.rawValue).joined(separator: " and ")
            return "\(member) may not \(doing): that needs the \(names) permission\(missing.count > 1 ? "s" : ""); ask an admin."
        case .candidateNotInJob(let candidate, let job):
            return "\(candidate) is not in the job \(job): pick another job with --job."
        case .candidateInSeveralJobs(let candidate, let jobs):
            return "\(candidate) is in several jobs (\(jobs.joined(separator: ", "))): say which with --job."
        case .alreadyInStage(let candidate, let stage):
            return "\(candidate) is already in \(stage): nothing to move."
        case .revisitNeedsChoice(let stage, let candidates):
            return "\(candidates.joined(separator: ", ")) already passed through \(stage): choose --run-actions to run its actions again or --without-actions to move without them."
        case .bulkNeedsChoice(let count):
            return "Moving \(count) candidates at once needs a choice: add --run-actions or --without-actions."
        case .disqualified(let candidate, let job):
            return "\(candidate) is disqualified from \(job): they cannot be moved there."
        case .alreadyDisqualified(let candidate, let job):
            return "\(candidate) is already disqualified from \(job): nothing to do."
        case .jobClosed(let job):
            return "The job \(job) is closed: reopen it before adding candidates."
        case .invalidAction(let why):
            return why
        case .emptyPipeline(let job):
            return "The job \(job) has no stages: add a stage to its pipeline first."
        }
    }

    /// Where the names of a kind of thing can be read.
    private static func listing(_ kind: String) -> String {
        let command: String? =
            switch kind {
            case "candidate", "job", "talent pool": "stagehand board"
            case "email template": "stagehand templates list"
            case "email": "stagehand scheduled"
            case "disqualification reason": "stagehand reasons list"
            case _ where kind.hasPrefix("stage"): "stagehand pipeline list"
            default: nil
            }
        return command.map { ", or list them with '\($0)'" } ?? ""
    }

    public var exitCode: Int32 {
        switch self {
        case .missingPermission, .notAMember: 3
        case .revisitNeedsChoice, .bulkNeedsChoice: 4
        default: 1
        }
    }
}
