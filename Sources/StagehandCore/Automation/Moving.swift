import Foundation

extension Workspace {
    /// Works out what moving `request.candidates` to `request.target` would do. Changes nothing.
    public func planMove(_ request: MoveRequest) throws -> MovePlan {
        guard let job = job(request.job) else { throw StagehandError.notFound(kind: "job", name: request.job.rawValue) }
        guard let stage = job.stage(request.target) else {
            throw StagehandError.notFound(kind: "stage of \(job.title)", name: request.target.rawValue)
        }
        try require([.moveCandidates], of: request.mover, toDo: "move candidates")
        var moves: [PlannedMove] = []
        var staying: [StayingCandidate] = []
        var seen: Set<CandidateID> = []
        for id in request.candidates where seen.insert(id).inserted {
            guard let candidate = candidates[id] else { throw StagehandError.notFound(kind: "candidate", name: id.rawValue) }
            if let reason = whyCannotMove(candidate, in: job, to: stage) {
                guard request.letsSomeStay else { throw reason }
                staying.append(StayingCandidate(candidate: id, reason: reason))
                continue
            }
            guard let placement = candidate.placement(in: job.id) else { continue }
            // An email the plan already sends for this entry blocks a later one from the
            // same template, exactly as the run will find it in the emails table.
            var templatesSent: Set<EmailTemplateID> = []
            var planned: [PlannedAction] = []
            for action in stage.actions {
                var reason = skipReason(
                    for: action, candidate: candidate, job: job.id, entry: placement.entry + 1, mover: request.mover)
                if reason == nil, case .sendEmail(let email) = action, !templatesSent.insert(email.template).inserted {
                    reason = Self.alreadySentForThisEntry
                }
                planned.append(PlannedAction(action: action, skipReason: reason))
            }
            moves.append(
                PlannedMove(
                    candidate: id, from: placement.stage, isRevisit: placement.passedThrough.contains(stage.id),
                    actions: planned, cancels: pendingWork(for: id, in: job.id)))
        }
        if moves.isEmpty, let first = staying.first { throw first.reason }
        return MovePlan(
            job: job.id, target: stage.id, mover: request.mover, moves: moves, actions: stage.actions, timedActions: stage.timedActions,
            staying: staying)
    }

    /// Of these candidates, those who can be moved within `job` by `member`, in
    /// order: what the board picks up. Refuses when the member may not move
    /// anyone, or when none of them can move.
    public func movable(_ ids: [CandidateID], in jobID: JobID, by member: MemberID) throws -> [CandidateID] {
        guard let job = job(jobID) else { throw StagehandError.notFound(kind: "job", name: jobID.rawValue) }
        try require([.moveCandidates], of: member, toDo: "move candidates")
        var refusal: StagehandError?
        let movable = ids.filter { id in
            guard let candidate = candidates[id] else { return false }
            let reason = whyCannotMove(candidate, in: job, to: nil)
            refusal = refusal ?? reason
            return reason == nil
        }
        if movable.isEmpty, let refusal { throw refusal }
        return movable
    }

    /// Why a candidate cannot go to `stage` of `job` (or anywhere in it), if they cannot.
    func whyCannotMove(_ candidate: Candidate, in job: Job, to stage: Stage?) -> StagehandError? {
        guard let placement = candidate.placement(in: job.id) else {
            return .candidateNotInJob(candidate: candidate.name, job: job.title)
        }
        if placement.disqualification != nil { return .disqualified(candidate: candidate.name, job: job.title) }
        if let stage, placement.stage == stage.id { return .alreadyInStage(candidate: candidate.name, stage: stage.name) }
        return nil
    }

    /// Moves the candidates, cancelling what was still pending for them, and creates
    /// an action run per candidate when actions are to run. The plan is worked out
    /// again on this (latest) state, so a stale plan never commits.
    /// - Parameter choice: required when the plan `needsChoice`; `nil` means "run actions".
    /// - Parameter grace: seconds before the runs may start (the board's Cancel window).
    @discardableResult
    public mutating func move(
        _ request: MoveRequest, choice: MoveChoice?, grace: TimeInterval, now: Date
    ) throws -> MoveOutcome {
        let plan = try planMove(request)
        if plan.needsChoice && choice == nil {
            if plan.isBulk && !plan.needsRevisitChoice { throw StagehandError.bulkNeedsChoice(count: plan.moves.count) }
            let stageName = job(plan.job)?.stage(plan.target)?.name ?? plan.target.rawValue
            let names = plan.moves.filter(\.isRevisit).compactMap { candidates[$0.candidate]?.name }
            throw StagehandError.revisitNeedsChoice(stage: stageName, candidates: names)
        }
        let runActions = (choice ?? .runActions) == .runActions
        var outcome = MoveOutcome(
            ranActions: runActions && plan.hasActions, undo: Undo(change: .move(to: plan.target), job: plan.job, previous: [:]))
        for planned in plan.moves {
            outcome.undo?.previous[planned.candidate] = candidates[planned.candidate]?.placement(in: plan.job)
            outcome.cancelled += cancelPendingWork(for: planned.candidate, in: plan.job, by: plan.mover, now: now)
            enter(planned.candidate, job: plan.job, stage: plan.target, by: plan.mover, now: now, withoutActions: !runActions)
            outcome.moved.append(planned.candidate)
            if runActions && !plan.actions.isEmpty {
                let startsAt = now.addingTimeInterval(plan.isBulk ? 0 : grace)
                outcome.runs.append(
                    startRun(
                        for: planned.candidate, job: plan.job, stage: plan.target, actions: plan.actions,
                        trigger: .move, mover: plan.mover, now: now, startsAt: startsAt))
            }
            if runActions { outcome.timedRuns += startTimedRuns(for: planned.candidate, job: plan.job, stage: plan.target, enteredAt: now) }
        }
        outcome.undo?.runs = outcome.runs + outcome.timedRuns
        outcome.undo?.cancelled = outcome.cancelled
        return outcome
    }

    /// Records the move on the placement and the timeline.
    private mutating func enter(
        _ id: CandidateID, job jobID: JobID, stage target: StageID, by mover: MemberID, now: Date, withoutActions: Bool
    ) {
        let activityID: ActivityID = makeID("act")
        let job = self.job(jobID)
        candidates.modify(id) { candidate in
            guard let index = candidate.placementIndex(in: jobID) else { return }
            let from = candidate.placements[index].stage
            candidate.placements[index].passedThrough.append(from)
            candidate.placements[index].stage = target
            candidate.placements[index].enteredAt = now
            candidate.placements[index].entry += 1
            let fromName = job?.stage(from)?.name ?? from.rawValue
            let toName = job?.stage(target)?.name ?? target.rawValue
            let stage = job?.stage(target)
            let note = withoutActions && stage?.hasActions == true ? " (without actions)" : ""
            candidate.timeline.append(
                Activity(
                    id: activityID, at: now, kind: .moved, author: mover, automatic: false,
                    text: "Moved from \(fromName) to \(toName)\(note)", job: jobID))
        }
    }

    /// Everything still pending for a candidate in one job: unfinished steps of
    /// their action runs and emails that have not gone out.
    public func pendingWork(for candidate: CandidateID, in job: JobID) -> [PendingWork] {
        var work: [PendingWork] = []
        var emailsInRuns: Set<EmailID> = []
        for run in actionRuns.records(of: candidate) where run.job == job {
            for (index, step) in run.steps.enumerated() {
                if let email = step.email { emailsInRuns.insert(email) }
                if isPending(step) {
                    work.append(PendingWork(run: run.id, step: index, email: step.email, summary: summary(of: step.action, in: run)))
                }
            }
        }
        for email in emails.records(of: candidate) where email.job == job && email.status == .scheduled
            && !emailsInRuns.contains(email.id)
        {
            work.append(PendingWork(run: email.run, step: nil, email: email.id, summary: "Email '\(email.subject)'"))
        }
        return work
    }

    /// A step that can still be stopped: one that has not finished, or whose email
    /// still waits. An email a dispatcher is sending (or has sent) is past cancelling,
    /// even while its step still shows as running.
    func isPending(_ step: ActionStep) -> Bool {
        guard let status = step.email.flatMap({ emails[$0] })?.status else { return !step.state.isFinished }
        return status == .scheduled
    }

    /// Cancels what `pendingWork` lists, keeping cancelled emails on the timeline as cancelled.
    @discardableResult
    mutating func cancelPendingWork(for candidate: CandidateID, in job: JobID, by member: MemberID?, now: Date)
        -> [PendingWork]
    {
        let work = pendingWork(for: candidate, in: job)
        guard !work.isEmpty else { return [] }
        for item in work {
            if let runID = item.run, let step = item.step {
                actionRuns.modify(runID) { run in
                    if !run.steps[step].state.isFinished || item.email != nil { run.steps[step].state = .cancelled }
                }
            }
            if let email = item.email { cancelEmail(email, now: now) }
        }
        // A consequence of the move's rule, not something the mover did by hand.
        recordCancelled(work, candidate: candidate, job: job, by: member, automatic: true, now: now)
        return work
    }

    /// The one timeline entry for work stopped before it ran, whoever stopped it.
    mutating func recordCancelled(
        _ work: [PendingWork], candidate: CandidateID, job: JobID, by member: MemberID?, automatic: Bool, now: Date
    ) {
        let activityID: ActivityID = makeID("act")
        candidates.modify(candidate) { candidate in
            candidate.timeline.append(
                Activity(
                    id: activityID, at: now, kind: .actionsCancelled, author: member, automatic: automatic,
                    text: "Cancelled before it ran: " + work.map(\.summary).joined(separator: "; "), job: job))
        }
    }

    /// Marks a waiting email cancelled, on the email and on the timeline.
    mutating func cancelEmail(_ id: EmailID, now: Date) {
        guard let email = emails[id], email.status == .scheduled else { return }
        emails.modify(id) { $0.status = .cancelled }
        setTimelineStatus(of: id, candidate: email.candidate, to: .cancelled)
    }

    /// The entry that scheduled the email follows its status; entries about single
    /// attempts keep the outcome they report.
    mutating func setTimelineStatus(of email: EmailID, candidate: CandidateID, to status: EmailStatus) {
        candidates.modify(candidate) { candidate in
            if let index = candidate.timeline.firstIndex(where: { $0.email == email }) {
                candidate.timeline[index].status = status
            }
        }
    }
}
