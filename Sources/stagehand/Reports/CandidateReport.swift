import Foundation
import StagehandBoard
import StagehandCore

/// `stagehand show --json`: a candidate's profile and timeline (oldest first).
struct CandidateReport: Encodable {
    struct PlacementEntry: Encodable {
        var job: String
        var jobTitle: String
        var stage: String
        var stageName: String
        var enteredAt: Date
        var passedThrough: [String]
        var disqualification: DisqualificationEntry?
    }

    struct DisqualificationEntry: Encodable {
        var reason: String
        var at: Date
        var by: String?
    }

    struct TimelineEntry: Encodable {
        var id: String
        var at: Date
        var kind: String
        var automatic: Bool
        var author: String?
        var status: String?
        var text: String
        var job: String?
    }

    struct TaskEntry: Encodable {
        struct CandidateName: Encodable {
            var id: String
            var name: String
        }

        var id: String
        var title: String
        var assignee: String
        var due: Date
        var done: Bool
        var doneAt: Date?
        var automatic: Bool
        var job: String?
        /// "candidate moved on" or "candidate disqualified", for an automatic task left behind.
        var leftBehind: String?
        /// In `tasks --json` only, where a task stands on its own.
        var candidate: CandidateName?
        var overdue: Bool?

        /// - Parameter listedAt: for `tasks --json`: the time overdue is judged at, and the candidate named.
        init(_ task: CandidateTask, in workspace: Workspace, listedAt now: Date? = nil) {
            id = task.id.rawValue
            title = task.title
            assignee = task.assignee.rawValue
            due = task.due
            done = task.done
            doneAt = task.doneAt
            automatic = task.automatic
            job = task.job?.rawValue
            leftBehind = workspace.leftBehind(task)
            guard let now else { return }
            overdue = task.isOverdue(at: now)
            candidate = CandidateName(id: task.candidate.rawValue, name: workspace.candidates[task.candidate]?.name ?? "")
        }
    }

    struct EvaluationEntry: Encodable {
        var id: String
        var evaluator: String
        /// The evaluator, as earlier versions called it.
        var member: String
        var job: String
        var status: String
        var rating: Int?
        var ratingWords: String?
        var comment: String?
        var requestedAt: Date
        var submittedAt: Date?
        var automatic: Bool
    }

    struct EmailEntry: Encodable {
        var id: String
        var status: String
        var subject: String
        var body: String
        var to: String
        var toName: String
        var from: String
        var fromName: String
        var template: String
        var dueAt: Date
        var sentAt: Date?
        var attempts: Int
        var messageID: String?
        var failure: String?
    }

    /// An action waiting for the candidate's time in a stage.
    struct TimedEntry: Encodable {
        var id: String
        var job: String
        var stage: String
        var stageName: String
        var kind: String
        var summary: String
        var dueAt: Date
    }

    var id: String
    var name: String
    var email: String?
    var doNotEmail: Bool
    var source: String
    var tags: [String]
    var followers: [String]
    var talentPools: [String]
    var placements: [PlacementEntry]
    var tasks: [TaskEntry]
    var evaluationRequests: [EvaluationEntry]
    var emails: [EmailEntry]
    var timedActions: [TimedEntry]
    var timeline: [TimelineEntry]

    init(_ candidate: Candidate, in workspace: Workspace) throws {
        id = candidate.id.rawValue
        name = candidate.name
        email = candidate.email
        doNotEmail = candidate.doNotEmail
        source = candidate.source
        tags = candidate.tags
        followers = candidate.followers.map(\.rawValue)
        talentPools = candidate.talentPools.map(\.rawValue)
        placements = candidate.placements.map { placement in
            let job = workspace.job(placement.job)
            return PlacementEntry(
                job: placement.job.rawValue, jobTitle: job?.title ?? "", stage: placement.stage.rawValue,
                stageName: job?.stage(placement.stage)?.name ?? "", enteredAt: placement.enteredAt,
                passedThrough: placement.passedThrough.map(\.rawValue),
                disqualification: placement.disqualification.map {
                    DisqualificationEntry(reason: $0.reason.rawValue, at: $0.at, by: $0.by?.rawValue)
                })
        }
        tasks = workspace.tasks.records(of: candidate.id).map { TaskEntry($0, in: workspace) }
        evaluationRequests = workspace.evaluationRequests.records(of: candidate.id).map {
            EvaluationEntry(
                id: $0.id.rawValue, evaluator: $0.member.rawValue, member: $0.member.rawValue, job: $0.job.rawValue,
                status: $0.status.rawValue, rating: $0.rating?.rawValue, ratingWords: $0.rating?.words, comment: $0.comment,
                requestedAt: $0.requestedAt, submittedAt: $0.submittedAt, automatic: $0.automatic)
        }
        emails = workspace.emails.records(of: candidate.id).map {
            EmailEntry(
                id: $0.id.rawValue, status: $0.status.rawValue, subject: $0.subject, body: $0.body, to: $0.toAddress,
                toName: $0.toName, from: $0.fromAddress, fromName: $0.fromName, template: $0.template.rawValue,
                dueAt: $0.dueAt, sentAt: $0.sentAt, attempts: $0.attempts, messageID: $0.messageID, failure: $0.failure)
        }
        timedActions = workspace.waitingTimedRuns(of: candidate.id).flatMap { run in
            run.steps.map { step in
                TimedEntry(
                    id: run.id.rawValue, job: run.job.rawValue, stage: run.stage.rawValue,
                    stageName: workspace.job(run.job)?.stage(run.stage)?.name ?? run.stage.rawValue, kind: step.action.kind.rawValue,
                    summary: workspace.summary(of: step.action, in: run), dueAt: run.startsAt)
            }
        }
        timeline = try candidate.readTimeline().map {
            TimelineEntry(
                id: $0.id.rawValue, at: $0.at, kind: $0.kind.rawValue, automatic: $0.automatic,
                author: $0.author?.rawValue, status: $0.status?.rawValue, text: $0.text, job: $0.job?.rawValue)
        }
    }

    /// The profile for people: details first, then (with `emails`) every email exactly as
    /// it was or will be sent, then the timeline newest first.
    func text(in workspace: Workspace, symbols: Symbols, emails showingEmails: Bool = false) -> String {
        var out = "\(name) [\(id)]\n"
        out += "  Email: \(email ?? "none")\(doNotEmail ? " (do not email)" : "")\n"
        out += "  Source: \(source)\n"
        if !tags.isEmpty { out += "  Tags: \(tags.joined(separator: ", "))\n" }
        if !followers.isEmpty {
            out += "  Followers: \(followers.map { workspace.member(MemberID($0))?.name ?? $0 }.joined(separator: ", "))\n"
        }
        if !talentPools.isEmpty {
            out += "  Talent pools: \(talentPools.map { workspace.talentPool(TalentPoolID($0))?.name ?? $0 }.joined(separator: ", "))\n"
        }
        for placement in placements {
            let dq = placement.disqualification.map { " — disqualified (\(workspace.reason(ReasonID($0.reason))?.name ?? $0.reason))" } ?? ""
            out += "  \(placement.jobTitle): \(placement.stageName) since \(workspace.moment(placement.enteredAt))\(dq)\n"
        }
        if !tasks.isEmpty {
            out += "Tasks\n"
            for task in tasks {
                let who = workspace.member(MemberID(task.assignee))?.name ?? task.assignee
                let left = task.leftBehind.map { " (\($0))" } ?? ""
                out += "  [\(task.done ? "x" : " ")] \(task.automatic ? symbols.bolt + " " : "")\(task.title) — \(who), due \(workspace.day(task.due))\(left) [\(task.id)]\n"
            }
        }
        if !evaluationRequests.isEmpty {
            out += "Evaluations\n"
            for request in evaluationRequests {
                let who = workspace.member(MemberID(request.evaluator))?.name ?? request.evaluator
                let mark = request.automatic ? symbols.bolt + " " : ""
                if let rating = request.rating, let words = request.ratingWords {
                    out += "  \(mark)\(who), \(request.submittedAt.map(workspace.moment) ?? ""): \(rating) (\(words))\n"
                    for line in (request.comment ?? "").split(separator: "\n") { out += "    \(line)\n" }
                } else {
                    out += "  \(mark)\(who): \(request.status), asked \(workspace.day(request.requestedAt))\n"
                }
            }
        }
        if !timedActions.isEmpty {
            out += "Waiting for their time in the stage\n"
            for timed in timedActions {
                out += "  \(symbols.timer) \(timed.summary) — \(timed.stageName), due \(workspace.moment(timed.dueAt)) [\(timed.id)]\n"
            }
        }
        if showingEmails { out += emailsText(in: workspace) }
        out += "Timeline (newest first)\n"
        for entry in timeline.reversed() {
            let mark = entry.automatic ? symbols.bolt : " "
            let author = entry.author.map { workspace.member(MemberID($0))?.name ?? $0 }
            let by = author.map { " — \($0)" } ?? ""
            let status = entry.status.map { " [\($0)]" } ?? ""
            let stamp = "  \(workspace.moment(entry.at)) \(mark) "
            // A note of several lines keeps them under its text, not at the left margin.
            let text = entry.text.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: DisplayWidth.of(stamp)))
            out += "\(stamp)\(text)\(status)\(by)\n"
        }
        return out
    }

    private func emailsText(in workspace: Workspace) -> String {
        guard !emails.isEmpty else { return "Emails: none\n" }
        var out = "Emails (\(emails.count))\n"
        for email in emails {
            let when =
                switch email.status {
                case "sent": "sent \(email.sentAt.map(workspace.moment) ?? "")"
                case "scheduled": "due \(workspace.moment(email.dueAt))"
                default: "\(email.status), was due \(workspace.moment(email.dueAt))"
                }
            out += "  [\(email.id)] \(when)\(email.failure.map { " — \($0)" } ?? "")\n"
            out += "    From: \(email.fromName) <\(email.from)>\n"
            out += "    To: \(email.toName) <\(email.to)>\n"
            out += "    Subject: \(email.subject)\n"
            out += email.body.split(separator: "\n", omittingEmptySubsequences: false).map { "    | \($0)\n" }.joined()
        }
        return out
    }
}
