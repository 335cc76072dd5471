import Foundation
import StagehandCore

/// Performs the board's effects against the core and the state file, and answers
/// with the messages that report what happened.
@MainActor
public final class EffectRunner {
    public let store: StateFile
    /// Sends on this thread: in tests, and for what a quitting board finishes.
    let dispatcher: Dispatcher
    /// When set, emails go out on its thread instead, and the board hears how it went
    /// from the state file.
    let sender: BackgroundSender?
    let clock: Clock
    let me: MemberID?
    /// How many candidates one durable step of a bulk move takes.
    static let bulkBatch = 20

    public init(store: StateFile, dispatcher: Dispatcher, sender: BackgroundSender? = nil, clock: Clock, me: MemberID?) {
        self.store = store
        self.dispatcher = dispatcher
        self.sender = sender
        self.clock = clock
        self.me = me
    }

    /// - Parameter progress: called between the batches of a bulk move, so the board can redraw.
    public func perform(_ effect: Effect, progress: (Msg) -> Void = { _ in }) -> [Msg] {
        do {
            var messages = try run(effect, progress: progress)
            messages.append(.workspaceChanged(store.workspace))
            return messages
        } catch let error as UserFacingError {
            return [.failed(error.sentence), .workspaceChanged(store.workspace)]
        } catch {
            return [.failed(String(describing: error)), .workspaceChanged(store.workspace)]
        }
    }

    private func run(_ effect: Effect, progress: (Msg) -> Void) throws -> [Msg] {
        let now = clock.now
        switch effect {
        case .move(let request, let choice, let grace):
            let (outcome, undo) = try store.update { workspace in
                let previous = Self.placements(of: request, in: workspace)
                let outcome = try workspace.move(request, choice: choice, grace: grace, now: now)
                return (outcome, UndoableMove(job: request.job, target: request.target, previous: previous))
            }
            return [.moved(outcome, undo: undo)]
        case .bulkMove(let request, let choice):
            return [try bulkMove(request, choice, now: now, progress: progress)]
        case .advance(let runs):
            try store.update { workspace in
                _ = workspace.advanceRuns(now: now, only: Set(runs), maxSteps: 1)
            }
            try sendImmediateEmails(of: runs)
            return []
        case .cancelRun(let run):
            let cancelled = try store.update { $0.cancelRun(run, by: me, now: now) }
            let name = store.workspace.actionRuns[run].flatMap { store.workspace.candidates[$0.candidate]?.name } ?? ""
            return [.info(cancelled.isEmpty ? "Nothing left to cancel" : "Cancelled \(cancelled.count) action\(cancelled.count == 1 ? "" : "s") for \(name)")]
        case .disqualify(let candidate, let job, let reason):
            let member = try requireMember()
            let grace = store.workspace.setup.settings.gracePeriodSeconds
            let outcome = try store.update {
                try $0.disqualify(candidate, from: job, reason: reason, by: member, now: now, grace: grace)
            }
            return [.disqualified(candidate, outcome)]
        case .undo(let move):
            let member = try requireMember()
            let restored = try store.update {
                try $0.undoMove(job: move.job, target: move.target, previous: move.previous, by: member, now: now)
            }
            return [.info(restored.isEmpty ? "Nothing to undo: moved again since" : "Undone: \(restored.count) candidate\(restored.count == 1 ? "" : "s") back")]
        case .sendNow(let email):
            let member = try requireMember()
            try store.update { try $0.sendNow(email, by: member, now: now) }
            if let sender {
                sender.wake()
                return [.info("Sending now: its timeline and this list show when it has gone")]
            }
            return [outcome(of: try dispatcher.runDue(only: [email]), email, done: "Sent")]
        case .retryEmail(let email):
            let member = try requireMember()
            try store.update { try $0.retryEmail(email, by: member, now: now) }
            if let sender {
                sender.wake()
                return [.info("Retrying: the candidate's timeline shows when it has gone")]
            }
            return [outcome(of: try dispatcher.runDue(only: [email]), email, done: "Sent on retry")]
        case .cancelEmail(let email):
            let member = try requireMember()
            try store.update { try $0.cancelScheduledEmail(email, by: member, now: now) }
            return [.info("Email cancelled")]
        case .changeSetup(let change):
            let member = try requireMember()
            let said = try store.update { try $0.apply(change, by: member, now: now) }
            // The board takes the new workspace first, so it can show what was just made.
            return [.workspaceChanged(store.workspace), .setupChanged(said)]
        case .reload:
            _ = try store.load()
            return [.info("Reloaded")]
        case .quit:
            return []
        }
    }

    private func bulkMove(_ request: MoveRequest, _ choice: MoveChoice, now: Date, progress: (Msg) -> Void) throws -> Msg {
        var total = MoveOutcome(ranActions: choice == .runActions)
        var previous: [CandidateID: Placement] = [:]
        let batches = stride(from: 0, to: request.candidates.count, by: Self.bulkBatch).map {
            Array(request.candidates[$0..<min($0 + Self.bulkBatch, request.candidates.count)])
        }
        for batch in batches {
            var part = request
            part.candidates = batch
            let outcome = try store.update { workspace in
                previous.merge(Self.placements(of: part, in: workspace)) { first, _ in first }
                let outcome = try workspace.move(part, choice: choice, grace: 0, now: now)
                workspace.advanceRuns(now: now, only: Set(outcome.runs))
                return outcome
            }
            total.moved += outcome.moved
            total.runs += outcome.runs
            total.cancelled += outcome.cancelled
            try sendImmediateEmails(of: outcome.runs)
            progress(.bulkProgressed(done: total.moved.count, total: request.candidates.count))
        }
        return .moved(total, undo: UndoableMove(job: request.job, target: request.target, previous: previous))
    }

    /// One sentence for what happened to the email a person asked to send.
    private func outcome(of report: DispatchReport, _ email: EmailID, done: String) -> Msg {
        if let problem = report.setupProblem { return .failed("Not sent yet: \(problem.sentence)") }
        let record = store.workspace.emails[email]
        if report.sent.contains(email) { return .info(done) }
        if report.retrying.contains(email), let record {
            return .failed("Not sent: \(record.failure ?? "") — trying again at \(store.workspace.moment(record.dueAt))")
        }
        return .failed("Sending failed: \(record?.failure ?? "see the candidate's timeline")")
    }

    /// Emails a run made to go out at once are sent right away, not at the next dispatch.
    private func sendImmediateEmails(of runs: [ActionRunID]) throws {
        let due = store.workspace.emailsDue(from: runs, now: clock.now)
        guard !due.isEmpty else { return }
        if let sender { sender.wake() } else { try dispatcher.runDue(only: due) }
    }

    /// Finishes what this board started and was not cancelled: the immediate actions
    /// run now; delayed emails stay scheduled in the state file.
    public func finish(_ runs: [ActionRunID]) {
        sender?.stop()
        guard !runs.isEmpty else { return }
        let now = clock.now
        _ = try? store.update { $0.advanceRuns(now: now, only: Set(runs), ignoringGrace: true) }
        let due = store.workspace.emailsDue(from: runs, now: clock.now)
        if !due.isEmpty { _ = try? dispatcher.runDue(only: due) }
    }

    private func requireMember() throws -> MemberID {
        guard let me else { throw StagehandError.notAMember(login: "you") }
        return me
    }

    static func placements(of request: MoveRequest, in workspace: Workspace) -> [CandidateID: Placement] {
        var previous: [CandidateID: Placement] = [:]
        for id in request.candidates {
            if let placement = workspace.candidates[id]?.placement(in: request.job) { previous[id] = placement }
        }
        return previous
    }
}
