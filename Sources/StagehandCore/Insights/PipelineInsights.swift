import Foundation

/// A job's pipeline at a glance for a period: each stage's figures and what its
/// automatic actions came to. How each figure is read from the timelines is
/// written down in `StageHistory` and the README ("How insights are computed").
public struct JobInsights: Sendable, Equatable {
    public var job: JobID
    public var title: String
    public var stages: [StageFigures]
    public var automation: AutomationOutcomes
}

public struct PipelineInsights: Sendable, Equatable {
    public var period: InsightPeriod
    /// When "now" and "overdue" were counted.
    public var at: Date
    public var jobs: [JobInsights]
}

extension Workspace {
    /// Insights for the given jobs (every job when nil), in one pass over the
    /// candidates and one over each table of automatic work.
    public func insights(for jobIDs: [JobID]? = nil, period: InsightPeriod, now: Date) -> PipelineInsights {
        readEveryTimeline()
        let chosen = jobIDs.map { ids in setup.jobs.filter { ids.contains($0.id) } } ?? setup.jobs
        let calendar = setup.settings.calendar
        var figures: [JobID: [StageID: StageFigures]] = [:]
        var outcomes: [JobID: AutomationOutcomes] = [:]
        var histories: [JobID: StageHistory] = [:]
        /// When each candidate still waiting entered their stage, to count the overdue in one go per stage.
        var waiting: [JobID: [StageID: [Date]]] = [:]
        for job in chosen {
            figures[job.id] = Dictionary(job.pipeline.map { ($0.id, StageFigures(stage: $0)) }, uniquingKeysWith: { first, _ in first })
            outcomes[job.id] = AutomationOutcomes()
            histories[job.id] = StageHistory(pipeline: job.pipeline)
        }

        for candidate in candidates {
            for placement in candidate.placements {
                guard histories[placement.job] != nil else { continue }
                if placement.disqualification == nil, figures[placement.job]?[placement.stage] != nil {
                    figures[placement.job]?[placement.stage]?.now += 1
                    waiting[placement.job, default: [:]][placement.stage, default: []].append(placement.enteredAt)
                }
                for stay in histories[placement.job]?.stays(of: candidate, placement: placement) ?? [] {
                    count(stay, in: &figures[placement.job], period: period)
                }
            }
            for entry in candidate.timeline where entry.automatic && period.contains(entry.at) {
                guard let job = entry.job, outcomes[job] != nil else { continue }
                switch entry.kind {
                case .task: outcomes[job]?.tasksCreated += 1
                case .actionSkipped:
                    if let reason = AutomationOutcomes.skippedEmailReason(entry.text) { outcomes[job]?.emailsSkipped[reason, default: 0] += 1 }
                default: break
                }
            }
        }
        for email in emails where outcomes[email.job] != nil {
            switch email.status {
            case .sent where period.contains(email.sentAt): outcomes[email.job]?.emailsSent += 1
            case .failed where period.contains(email.dueAt): outcomes[email.job]?.emailsFailed += 1
            case .unknown where period.contains(email.dueAt): outcomes[email.job]?.emailsUnknown += 1
            default: break
            }
        }
        for task in tasks where task.automatic {
            guard let job = task.job, outcomes[job] != nil else { continue }
            if task.done, period.contains(task.doneAt) { outcomes[job]?.tasksDone += 1 }
            if task.isOverdue(at: now) { outcomes[job]?.tasksOverdue += 1 }
        }
        for request in evaluationRequests where request.automatic && outcomes[request.job] != nil {
            if period.contains(request.requestedAt) { outcomes[request.job]?.evaluationsRequested += 1 }
            if request.status == .submitted, period.contains(request.submittedAt) { outcomes[request.job]?.evaluationsAnswered += 1 }
        }

        for job in chosen {
            for stage in job.pipeline where stage.expected != nil {
                let entries = (waiting[job.id]?[stage.id] ?? []).sorted()
                figures[job.id]?[stage.id]?.overdue = stage.overdueCount(enteredAt: entries, now: now, calendar: calendar)
            }
        }
        let jobs = chosen.map { job in
            JobInsights(
                job: job.id, title: job.title,
                stages: job.pipeline.compactMap { stage in
                    figures[job.id]?[stage.id].map { figures in
                        var sorted = figures
                        sorted.stayDays.sort()
                        return sorted
                    }
                },
                automation: outcomes[job.id] ?? AutomationOutcomes())
        }
        return PipelineInsights(period: period, at: now, jobs: jobs)
    }

    /// Adds one stay to its stage's figures: an entry when it began in the period; an
    /// ending, and its length, when it ended in the period.
    private func count(_ stay: StageStay, in figures: inout [StageID: StageFigures]?, period: InsightPeriod) {
        guard figures?[stay.stage] != nil else { return }
        if period.contains(stay.enteredAt) { figures?[stay.stage]?.entered += 1 }
        guard period.contains(stay.leftAt), let ending = stay.ending else { return }
        figures?[stay.stage]?.left += 1
        switch ending {
        case .moved(_, let forward):
            if forward { figures?[stay.stage]?.movedOn += 1 } else { figures?[stay.stage]?.movedBack += 1 }
        case .disqualified:
            figures?[stay.stage]?.disqualified += 1
        }
        if let duration = stay.duration { figures?[stay.stage]?.stayDays.append(duration / 86_400) }
    }
}
