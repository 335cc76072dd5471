import Foundation

extension Workspace {
    /// Creates the run for one candidate; steps wait until `startsAt`.
    mutating func startRun(
        for candidate: CandidateID, job: JobID, stage: StageID, reason: ReasonID? = nil, actions: [AutomaticAction],
        trigger: RunTrigger, mover: MemberID?, now: Date, startsAt: Date
    ) -> ActionRunID {
        let id: ActionRunID = makeID("run")
        actionRuns.upsert(
            ActionRun(
                id: id, candidate: candidate, job: job, stage: stage, reason: reason, trigger: trigger, mover: mover,
                createdAt: now, startsAt: startsAt, steps: actions.map { ActionStep(action: $0) }))
        return id
    }

    /// Runs the waiting steps of every run whose grace period is over, in order.
    /// - Parameters:
    ///   - only: limit to these runs (the board advances the runs it shows).
    ///   - maxSteps: stop after this many steps, so a caller can show progress step by step.
    /// - Returns: the runs that changed.
    @discardableResult
    ///   - ignoringGrace: run them even if their grace period is not over (a board quitting
    ///     finishes the runs it started rather than leaving them behind).
    public mutating func advanceRuns(
        now: Date, only: Set<ActionRunID>? = nil, maxSteps: Int = .max, ignoringGrace: Bool = false
    ) -> [ActionRunID] {
        var changed: [ActionRunID] = []
        var budget = maxSteps
        // In the order they were made (a bulk move's follow the people as named): a set's
        // order changes from process to process, and with it which email got which id.
        let candidates = only.map { $0.compactMap { actionRuns[$0] }.sorted(by: Self.madeEarlier) } ?? Array(actionRuns)
        let due = candidates.filter { run in (ignoringGrace || run.startsAt <= now) && !run.isFinished }
        for run in due where budget > 0 {
            for index in run.steps.indices where budget > 0 {
                guard actionRuns[run.id]?.steps[index].state == .pending else { continue }
                runStep(index, of: run.id, now: now)
                budget -= 1
                if changed.last != run.id { changed.append(run.id) }
            }
        }
        return changed
    }

    private static func madeEarlier(_ a: ActionRun, _ b: ActionRun) -> Bool {
        a.createdAt != b.createdAt
            ? a.createdAt < b.createdAt : a.id.rawValue.compare(b.id.rawValue, options: .numeric) == .orderedAscending
    }

    /// Cancels every step of a run that has not finished, and its emails not yet sent.
    /// Returns what was cancelled (empty when the run had already finished).
    @discardableResult
    public mutating func cancelRun(_ id: ActionRunID, by member: MemberID?, now: Date) -> [PendingWork] {
        guard let run = actionRuns[id] else { return [] }
        var work: [PendingWork] = []
        for (index, step) in run.steps.enumerated() where isPending(step) {
            work.append(PendingWork(run: id, step: index, email: step.email, summary: summary(of: step.action, in: run)))
            actionRuns.modify(id) { $0.steps[index].state = .cancelled }
            if let email = step.email { cancelEmail(email, now: now) }
        }
        guard !work.isEmpty else { return [] }
        recordCancelled(work, candidate: run.candidate, job: run.job, by: member, automatic: member == nil, now: now)
        return work
    }

    private mutating func runStep(_ index: Int, of runID: ActionRunID, now: Date) {
        guard let run = actionRuns[runID], let candidate = candidates[run.candidate],
            let placement = candidate.placement(in: run.job)
        else {
            actionRuns.modify(runID) { $0.steps[index].state = .failed("the candidate is no longer in this job") }
            return
        }
        let action = run.steps[index].action
        if let reason = whyTimedRunIsVoid(run, placement: placement) ?? skipReason(
            for: action, candidate: candidate, job: run.job, entry: placement.entry, mover: run.mover)
        {
            actionRuns.modify(runID) { $0.steps[index].state = .skipped(reason) }
            record(
                .actionSkipped, on: run.candidate, job: run.job, author: nil,
                text: "Skipped: \(summary(of: action, in: run)) — \(reason)", now: now)
            return
        }
        var emailID: EmailID?
        var added: [String]?
        let state: StepState
        do {
            switch action {
            case .sendEmail(let email):
                let scheduled = try scheduleEmail(email, run: run, entry: placement.entry, now: now)
                emailID = scheduled.id
                state = scheduled.dueAt > now ? .scheduled(scheduled.dueAt) : .running
            case .addNote(let note):
                let text = (try? renderText(note.text, run: run)) ?? note.text
                // Kept so that undoing the move takes the note away with the rest of what the run made.
                added = [record(.note, on: run.candidate, job: run.job, author: nil, text: text, now: now).rawValue]
                state = .done
            case .addTask(let task):
                addTask(task, run: run, now: now)
                state = .done
            case .addTags(let tags):
                var tagged: [String] = []
                candidates.modify(run.candidate) { tagged = $0.addTags(tags.tags) }
                let text = tagged.isEmpty ? "Already tagged \(tags.tags.joined(separator: ", "))" : "Tagged \(tagged.joined(separator: ", "))"
                record(.tagged, on: run.candidate, job: run.job, author: run.mover, text: text, now: now)
                added = tagged
                state = .done
            case .requestEvaluation(let request):
                requestEvaluations(from: request.members, run: run, now: now)
                state = .done
            case .addFollowers(let followers):
                var following: [MemberID] = []
                let known = followers.members.filter { member($0) != nil }
                candidates.modify(run.candidate) { following = $0.addFollowers(known) }
                let names = known.map { member($0)?.name ?? $0.rawValue }.joined(separator: ", ")
                record(
                    .followed, on: run.candidate, job: run.job, author: run.mover,
                    text: following.isEmpty ? "Already followed by \(names)" : "Followed by \(names)", now: now)
                added = following.map(\.rawValue)
                state = .done
            case .assign(let assign):
                added = self.assign(run.candidate, to: assign, run: run, now: now)
                state = .done
            }
        } catch {
            state = .failed(String(describing: error))
            record(
                .actionSkipped, on: run.candidate, job: run.job, author: nil,
                text: "Failed: \(summary(of: action, in: run)) — \(error)", now: now)
        }
        actionRuns.modify(runID) {
            $0.steps[index].state = state
            $0.steps[index].email = emailID
            $0.steps[index].added = added
        }
    }

    /// Appends an automatic entry to a candidate's timeline; returns its id.
    @discardableResult
    mutating func record(
        _ kind: ActivityKind, on candidate: CandidateID, job: JobID?, author: MemberID?, text: String, now: Date,
        status: EmailStatus? = nil, email: EmailID? = nil, task: TaskID? = nil
    ) -> ActivityID {
        let id: ActivityID = makeID("act")
        candidates.modify(candidate) {
            $0.timeline.append(
                Activity(
                    id: id, at: now, kind: kind, author: author, automatic: true, text: text, job: job,
                    status: status, email: email, task: task))
        }
        return id
    }

    private mutating func addTask(_ action: AutomaticAction.AddTask, run: ActionRun, now: Date) {
        let id: TaskID = makeID("task")
        // A task a timed action makes is due that long after the action ran, not after the entry.
        let start = run.trigger == .timeInStage ? now : run.createdAt
        let due = action.due.date(afterMoveAt: start, calendar: setup.settings.calendar)
        let title = (try? renderText(action.title, run: run)) ?? action.title
        tasks.upsert(
            CandidateTask(
                id: id, title: title, assignee: action.assignee, due: due, candidate: run.candidate, job: run.job,
                automatic: true, run: run.id, stage: run.reason == nil ? run.stage : nil))
        let assignee = member(action.assignee)?.name ?? action.assignee.rawValue
        record(
            .task, on: run.candidate, job: run.job, author: run.mover,
            text: "Task '\(title)' for \(assignee), due \(day(due))", now: now, task: id)
    }

    private mutating func requestEvaluations(from members: [MemberID], run: ActionRun, now: Date) {
        var asked: [String] = []
        for memberID in members {
            let open = evaluationRequests.records(of: run.candidate).contains {
                $0.member == memberID && $0.job == run.job && $0.status == .requested
            }
            guard !open, member(memberID) != nil else { continue }
            let id: EvaluationRequestID = makeID("eval")
            evaluationRequests.upsert(
                EvaluationRequest(
                    id: id, member: memberID, candidate: run.candidate, job: run.job, requestedAt: now, automatic: true, run: run.id))
            asked.append(member(memberID)?.name ?? memberID.rawValue)
        }
        let text = asked.isEmpty ? "Evaluation already requested" : "Evaluation requested from \(asked.joined(separator: ", "))"
        record(.evaluationRequested, on: run.candidate, job: run.job, author: nil, text: text, now: now)
    }

    /// Puts the candidate in another job's first stage or a talent pool. It never
    /// fires that job's actions: no cascades, no loops.
    /// - Returns: the job or pool by id, when the candidate was not in it before.
    private mutating func assign(_ id: CandidateID, to assign: AutomaticAction.Assign, run: ActionRun, now: Date) -> [String] {
        if let jobID = assign.job, let job = job(jobID), let first = job.firstStage {
            var added = false
            candidates.modify(id) { candidate in
                guard candidate.placement(in: jobID) == nil else { return }
                candidate.placements.append(Placement(job: jobID, stage: first.id, enteredAt: now))
                added = true
            }
            let text = added ? "Assigned to \(job.title) (\(first.name))" : "Already in \(job.title)"
            record(.assigned, on: id, job: jobID, author: run.mover, text: text, now: now)
            return added ? [jobID.rawValue] : []
        } else if let poolID = assign.talentPool, let pool = talentPool(poolID) {
            var added = false
            candidates.modify(id) { candidate in
                guard !candidate.talentPools.contains(poolID) else { return }
                candidate.talentPools.append(poolID)
                added = true
            }
            let text = added ? "Added to the talent pool \(pool.name)" : "Already in the talent pool \(pool.name)"
            record(.pooled, on: id, job: run.job, author: run.mover, text: text, now: now)
            return added ? [poolID.rawValue] : []
        }
        return []
    }
}
