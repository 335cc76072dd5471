extension Workspace {
    /// References that lead nowhere and ids used twice: one readable sentence per
    /// problem, for `stagehand check`. Such a state still loads; the rules may
    /// just not find what an entity points at.
    public func consistencyProblems() -> [String] {
        var problems: [String] = []
        func duplicates<ID: Hashable & CustomStringConvertible>(_ ids: [ID], _ what: String) {
            for (id, count) in ids.repeatedElements {
                problems.append("The id \(id) is used by \(count) \(what).")
            }
        }
        duplicates(setup.members.map(\.id), "members")
        duplicates(setup.roles.map(\.id), "roles")
        duplicates(setup.jobs.map(\.id), "jobs")
        duplicates(setup.defaultPipeline.map(\.id), "stages of the default pipeline")
        duplicates(setup.disqualificationReasons.map(\.id), "disqualification reasons")
        duplicates(setup.talentPools.map(\.id), "talent pools")
        duplicates(setup.emailTemplates.map(\.id), "email templates")
        for job in setup.jobs {
            duplicates(job.pipeline.map(\.id), "stages of job \(job.id)")
        }
        for member in setup.members where !setup.roles.contains(where: { $0.id == member.role }) {
            problems.append("Member \(member.id) has the role \(member.role), which does not exist.")
        }
        for candidate in candidates {
            problems += candidateProblems(candidate)
        }
        for task in tasks {
            let who = "Task \(task.id)"
            if candidates[task.candidate] == nil {
                problems.append("\(who) is about candidate \(task.candidate), who does not exist.")
            }
            if member(task.assignee) == nil {
                problems.append("\(who) is assigned to \(task.assignee), who is not a member.")
            }
            if let job = task.job, self.job(job) == nil {
                problems.append("\(who) names job \(job), which does not exist.")
            }
        }
        for request in evaluationRequests {
            let who = "Evaluation request \(request.id)"
            if candidates[request.candidate] == nil {
                problems.append("\(who) is about candidate \(request.candidate), who does not exist.")
            }
            if member(request.member) == nil {
                problems.append("\(who) asks \(request.member), who is not a member.")
            }
            if job(request.job) == nil {
                problems.append("\(who) names job \(request.job), which does not exist.")
            }
        }
        for email in emails {
            let who = "Email \(email.id)"
            if candidates[email.candidate] == nil {
                problems.append("\(who) is to candidate \(email.candidate), who does not exist.")
            }
            if job(email.job) == nil {
                problems.append("\(who) names job \(email.job), which does not exist.")
            }
            if let run = email.run, actionRuns[run] == nil {
                problems.append("\(who) belongs to action run \(run), which does not exist.")
            }
        }
        for run in actionRuns {
            let who = "Action run \(run.id)"
            if candidates[run.candidate] == nil {
                problems.append("\(who) is for candidate \(run.candidate), who does not exist.")
            }
            if let job = job(run.job) {
                // A finished run is history: its stage may have been removed since.
                if job.stage(run.stage) == nil && !run.isFinished {
                    problems.append("\(who) names stage \(run.stage), which job \(job.id) does not have.")
                }
            } else {
                problems.append("\(who) names job \(run.job), which does not exist.")
            }
            if let reason = run.reason, self.reason(reason) == nil {
                problems.append("\(who) names disqualification reason \(reason), which does not exist.")
            }
        }
        return problems
    }

    private func candidateProblems(_ candidate: Candidate) -> [String] {
        var problems: [String] = []
        let who = "Candidate \(candidate.id) (\(candidate.name))"
        for (job, count) in candidate.placements.map(\.job).repeatedElements {
            problems.append("\(who) is placed \(count) times in job \(job).")
        }
        for placement in candidate.placements {
            guard let job = job(placement.job) else {
                problems.append("\(who) is placed in job \(placement.job), which does not exist.")
                continue
            }
            if job.stage(placement.stage) == nil {
                problems.append("\(who) is in stage \(placement.stage), which job \(job.id) does not have.")
            }
            for stage in placement.passedThrough where job.stage(stage) == nil {
                problems.append("\(who) passed through stage \(stage), which job \(job.id) does not have.")
            }
            if let reason = placement.disqualification?.reason, self.reason(reason) == nil {
                problems.append("\(who) was disqualified for reason \(reason), which does not exist.")
            }
        }
        for pool in candidate.talentPools where talentPool(pool) == nil {
            problems.append("\(who) is in talent pool \(pool), which does not exist.")
        }
        for follower in candidate.followers where member(follower) == nil {
            problems.append("\(who) is followed by \(follower), who is not a member.")
        }
        for (activity, count) in candidate.timeline.map(\.id).repeatedElements {
            problems.append("\(who) has \(count) timeline entries with the id \(activity).")
        }
        return problems
    }
}

extension Sequence where Element: Hashable {
    /// Elements that occur more than once, with how often, in order of first appearance.
    var repeatedElements: [(element: Element, count: Int)] {
        var counts: [Element: Int] = [:]
        for element in self { counts[element, default: 0] += 1 }
        var reported: Set<Element> = []
        return compactMap { element in
            guard let count = counts[element], count > 1, reported.insert(element).inserted else { return nil }
            return (element, count)
        }
    }
}
