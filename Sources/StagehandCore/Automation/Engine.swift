import Foundation

/// How the emails a change made due at once leave.
public enum DueEmailDelivery {
    /// Sent by this process before the change returns: the command line, and tests.
    case sendHere(Dispatcher)
    /// Handed to a sender on a thread of its own, woken by this closure: the board,
    /// so that a slow mail server never holds up a key.
    case wake(@Sendable () -> Void)
}

/// The one door through which the board and the command line change candidates.
/// A change is planned again and committed under the store's lock, on the latest
/// state; the actions due at once run in the same change; the emails they made
/// due go out as `delivery` says. The rules themselves are `Workspace.apply(_:by:now:grace:)`.
public struct Engine {
    public let store: any WorkspaceStore
    public let clock: Clock
    public let delivery: DueEmailDelivery

    public init(store: any WorkspaceStore, clock: Clock, delivery: DueEmailDelivery) {
        self.store = store
        self.clock = clock
        self.delivery = delivery
    }

    /// Makes the change for `member` and sends what it made due.
    /// - Parameters:
    ///   - grace: nil runs the actions due at once right away; seconds make the runs
    ///     wait that long (the board's Cancel window), after which `advance` takes
    ///     them on step by step.
    ///   - batchSize: a move of several candidates commits this many at a time, each
    ///     batch durable on its own, with `progress(done, total)` after each.
    @discardableResult
    public func perform(
        _ change: CandidateChange, by member: MemberID, grace: TimeInterval? = nil, batchSize: Int = .max,
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> CandidateChangeOutcome {
        if case .move(let request, let choice) = change, request.candidates.count > 1, batchSize < .max {
            return try moveInBatches(request, choice: choice, by: member, batchSize: batchSize, progress: progress)
        }
        let now = clock.now
        var outcome = try store.update { try $0.apply(change, by: member, now: now, grace: grace) }
        try deliver(&outcome, askedFor: change)
        return outcome
    }

    /// Takes the next waiting steps of these runs once their grace period is over
    /// (all of them with `ignoringGrace`, for a board that is quitting), and sends
    /// the emails those steps made due.
    public func advance(_ runs: [ActionRunID], maxSteps: Int = .max, ignoringGrace: Bool = false) throws {
        guard !runs.isEmpty else { return }
        let now = clock.now
        let due = try store.update { workspace in
            workspace.advanceRuns(now: now, only: Set(runs), maxSteps: maxSteps, ignoringGrace: ignoringGrace)
            return workspace.emailsDue(from: runs, now: now)
        }
        _ = try send(due)
    }

    /// A bulk move, durable batch by batch so that a long one shows its progress and
    /// a crash keeps what was done. Once started it is not cancelled.
    private func moveInBatches(
        _ request: MoveRequest, choice: MoveChoice?, by member: MemberID, batchSize: Int, progress: (Int, Int) -> Void
    ) throws -> CandidateChangeOutcome {
        var whole: CandidateChangeOutcome?
        for start in stride(from: 0, to: request.candidates.count, by: batchSize) {
            var batch = request
            batch.candidates = Array(request.candidates[start..<min(start + batchSize, request.candidates.count)])
            // Someone moved meanwhile is no reason to stop moving the others.
            batch.letsSomeStay = true
            let outcome = try perform(.move(batch, choice: choice), by: member)
            if whole == nil { whole = outcome } else { whole?.absorb(outcome) }
            progress(whole?.moved.count ?? 0, request.candidates.count)
        }
        guard var outcome = whole, let plan = outcome.plan else { return try perform(.move(request, choice: choice), by: member) }
        outcome.sentence = store.workspace.sentence(moving: outcome.moved, ranActions: outcome.ranActions, plan: plan)
        return outcome
    }

    /// Sends what the change made due; for emails a person asked to send, the
    /// outcome says how they went.
    private func deliver(_ outcome: inout CandidateChangeOutcome, askedFor change: CandidateChange) throws {
        let report = try send(outcome.dueEmails)
        outcome.delivery = report
        switch change {
        case .sendEmailsNow(let ids), .retryEmails(let ids):
            describe(ids, report, in: &outcome)
        default:
            if let problem = report?.setupProblem { outcome.mailProblem = "Saved, but its emails wait: \(continuing(problem.sentence))" }
        }
    }

    /// How the emails a person asked to send went: sent, retried later, failed.
    private func describe(_ ids: [EmailID], _ report: DispatchReport?, in outcome: inout CandidateChangeOutcome) {
        guard let report else {
            outcome.sentence += ": the list and the timeline show when it has gone"
            return
        }
        if let problem = report.setupProblem {
            outcome.mailProblem = "Not sent yet: \(continuing(problem.sentence))"
            return
        }
        let workspace = store.workspace
        guard let unsent = ids.first(where: { !report.sent.contains($0) }) else {
            outcome.sentence = "Sent \(workspace.emailList(ids))"
            return
        }
        let email = workspace.emails[unsent]
        outcome.mailProblem =
            report.retrying.contains(unsent)
            ? "Not sent: \(withoutFinalStop(email?.failure ?? "")) — trying again at \(email.map { workspace.moment($0.dueAt) } ?? "")"
            : "Sending failed: \(email?.failure ?? "see the candidate's timeline")"
    }

    /// Hands the emails to the delivery; the report when they were sent here.
    private func send(_ emails: Set<EmailID>) throws -> DispatchReport? {
        guard !emails.isEmpty else { return nil }
        switch delivery {
        case .sendHere(let dispatcher): return try dispatcher.runDue(only: emails)
        case .wake(let wake):
            wake()
            return nil
        }
    }
}
