import Foundation

/// Actions on time in stage: at each entry into a stage, a run per timed action
/// that may not start before its time. They wait among the other runs, so whatever
/// advances runs (a board, `dispatch`, `dispatch --watch`) runs them once due, under
/// the store's lock, exactly once; a move on or a disqualification cancels them as
/// it cancels all pending work.
extension Workspace {
    /// Starts the stage's timed runs for a candidate who just entered it.
    mutating func startTimedRuns(for candidate: CandidateID, job jobID: JobID, stage stageID: StageID, enteredAt: Date) -> [ActionRunID] {
        guard let stage = job(jobID)?.stage(stageID) else { return [] }
        let calendar = setup.settings.calendar
        return stage.timedActions.map { timed in
            startRun(
                for: candidate, job: jobID, stage: stageID, actions: [timed.action], trigger: .timeInStage, mover: nil,
                now: enteredAt, startsAt: timed.after.after(enteredAt, calendar: calendar))
        }
    }

    /// A candidate's timed actions that still wait, soonest first.
    public func waitingTimedRuns(of candidate: CandidateID, in job: JobID? = nil) -> [ActionRun] {
        actionRuns.records(of: candidate)
            .filter { $0.isWaitingForItsTime && (job == nil || $0.job == job) }
            .sorted { ($0.startsAt, $0.id.rawValue) < ($1.startsAt, $1.id.rawValue) }
    }

    /// Every timed action that still waits, soonest first: the Scheduled view's second list.
    public var waitingTimedRuns: [ActionRun] {
        actionRuns.filter(\.isWaitingForItsTime).sorted { ($0.startsAt, $0.id.rawValue) < ($1.startsAt, $1.id.rawValue) }
    }

    /// Why a timed run that came due does nothing: the candidate left the stage or
    /// was disqualified meanwhile (a move or a disqualification cancels it first; this
    /// is the rule when something else changed the placement).
    func whyTimedRunIsVoid(_ run: ActionRun, placement: Placement) -> String? {
        guard run.trigger == .timeInStage else { return nil }
        if placement.stage != run.stage { return "no longer in \(job(run.job)?.stage(run.stage)?.name ?? run.stage.rawValue)" }
        if placement.disqualification != nil { return "disqualified" }
        return nil
    }

    /// Runs a waiting timed action now rather than at its time ("run now" in Scheduled).
    public mutating func runTimedNow(_ id: ActionRunID, by member: MemberID, now: Date) throws {
        try require([.moveCandidates], of: member, toDo: "run automatic actions")
        guard let run = actionRuns[id], run.isWaitingForItsTime else { throw StagehandError.invalidAction(Self.noLongerWaiting) }
        actionRuns.modify(id) { $0.startsAt = now }
        advanceRuns(now: now, only: [id])
    }

    /// Cancels a waiting timed action, on the timeline too.
    public mutating func cancelTimed(_ id: ActionRunID, by member: MemberID, now: Date) throws -> [PendingWork] {
        try require([.moveCandidates], of: member, toDo: "cancel automatic actions")
        guard let run = actionRuns[id], run.isWaitingForItsTime else { throw StagehandError.invalidAction(Self.noLongerWaiting) }
        return cancelRun(id, by: member, now: now)
    }

    static let noLongerWaiting = "That action is no longer waiting: it ran, or it was cancelled meanwhile."

    /// Why a timed action cannot be run now or cancelled, for someone who named it:
    /// what it is and for whom, and whether it was cancelled or already ran.
    public func notWaiting(_ id: ActionRunID) -> String {
        guard let run = actionRuns[id] else { return Self.noLongerWaiting }
        let what = run.steps.first.map { summary(of: $0.action, in: run) } ?? "That timed action"
        let cancelled = run.steps.contains { $0.state == .cancelled }
        return "\(what) for \(name(of: run.candidate)) \(cancelled ? "was already cancelled" : "already ran"): nothing to do."
    }
}

extension ActionRun {
    /// A run on time in stage whose time has not come (or that no process has run yet).
    public var isWaitingForItsTime: Bool { trigger == .timeInStage && steps.contains { $0.state == .pending } }
}
