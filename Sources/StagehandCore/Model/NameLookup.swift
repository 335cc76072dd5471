import Foundation

/// Finds things by id or by an unambiguous part of their name, as people type them.
public enum NameLookup {
    /// How many matches an ambiguity names; the rest are counted.
    static let matchesNamed = 8

    /// An exact id wins, then an exact name (ignoring case and accents), then the
    /// only name with a word starting with the text ("Liam" is Liam O'Connor, not
    /// Noah Williams), then the only name or id that contains it; several matches
    /// are refused with their names.
    static func find<Item>(
        _ text: String, kind: String, in items: [Item], id: (Item) -> String, name: (Item) -> String
    ) throws -> Item {
        let typed = text.trimmingCharacters(in: .whitespaces)
        if let exact = items.first(where: { id($0) == typed }) { return exact }
        let wanted = fold(text)
        guard !wanted.isEmpty else { throw StagehandError.notFound(kind: kind, name: text) }
        let names = items.map { fold(name($0)) }
        var matching = items.indices.filter { names[$0] == wanted }
        if matching.isEmpty { matching = items.indices.filter { startsAWord(wanted, in: names[$0]) } }
        if matching.isEmpty { matching = items.indices.filter { names[$0].contains(wanted) || fold(id(items[$0])).contains(wanted) } }
        switch matching.count {
        case 0: throw StagehandError.notFound(kind: kind, name: text)
        case 1: return items[matching[0]]
        default:
            throw StagehandError.ambiguous(
                kind: kind, name: text, matches: matching.prefix(matchesNamed).map { "\(name(items[$0])) [\(id(items[$0]))]" },
                more: max(0, matching.count - matchesNamed))
        }
    }

    /// Whether `wanted` stands in `name` at the start of a word.
    private static func startsAWord(_ wanted: String, in name: String) -> Bool {
        var searched = name.startIndex..<name.endIndex
        while let found = name.range(of: wanted, range: searched) {
            if found.lowerBound == name.startIndex { return true }
            let before = name[name.index(before: found.lowerBound)]
            if !before.isLetter && !before.isNumber { return true }
            searched = name.index(after: found.lowerBound)..<name.endIndex
        }
        return false
    }

    /// Text as names are compared: case, accents and surrounding spaces ignored.
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespaces)
    }
}

extension Workspace {
    public func findCandidate(_ text: String) throws -> Candidate {
        // An exact id wins anyway: looked up at once rather than by copying and scanning every candidate
        // (a move of 1,667 ids on 10,000 candidates took 2.9 s that way).
        if let exact = candidates[CandidateID(text.trimmingCharacters(in: .whitespaces))] { return exact }
        return try NameLookup.find(text, kind: "candidate", in: Array(candidates), id: \.id.rawValue, name: \.name)
    }

    public func findJob(_ text: String) throws -> Job {
        try NameLookup.find(text, kind: "job", in: setup.jobs, id: \.id.rawValue, name: \.title)
    }

    public func findStage(_ text: String, in job: Job) throws -> Stage {
        if let number = Int(text), (1...job.pipeline.count).contains(number),
            !job.pipeline.contains(where: { $0.id.rawValue == text })
        {
            return job.pipeline[number - 1]
        }
        let kind = "stage of \(job.title)"
        do {
            return try NameLookup.find(text, kind: kind, in: job.pipeline, id: \.id.rawValue, name: \.name)
        } catch StagehandError.notFound where Int(text) != nil {
            // A number matching no name was meant as a position.
            let count = job.pipeline.count
            let range = count == 1 ? "1" : "1–\(count)"
            throw StagehandError.invalidAction(
                "\(job.title) has \(count) stage\(count == 1 ? "" : "s"); there is no stage \(text): use \(range), or a stage's name.")
        }
    }

    public func findMember(_ text: String) throws -> Member {
        if let byLogin = setup.members.first(where: { $0.login == text }) { return byLogin }
        return try NameLookup.find(text, kind: "team member", in: setup.members, id: \.id.rawValue, name: \.name)
    }

    /// Whom a task is for, as typed in a form or an action: a member, and a sentence
    /// of its own when nobody is named at all.
    public func findAssignee(_ text: String) throws -> Member {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw StagehandError.invalidAction("Say who the task is for.") }
        return try findMember(text)
    }

    public func findReason(_ text: String) throws -> DisqualificationReason {
        try NameLookup.find(
            text, kind: "disqualification reason", in: setup.disqualificationReasons, id: \.id.rawValue, name: \.name)
    }

    /// Emails have no names people type; their id is what `stagehand scheduled` lists.
    public func findEmail(_ text: String) throws -> OutgoingEmail {
        guard let email = emails[EmailID(text.trimmingCharacters(in: .whitespaces))] else {
            throw StagehandError.notFound(kind: "email", name: text)
        }
        return email
    }

    /// Tasks by id, or by an unambiguous part of "title — candidate" ("phone screen — Peter").
    public func findTask(_ text: String) throws -> CandidateTask {
        try NameLookup.find(
            text, kind: "task", in: Array(tasks), id: \.id.rawValue, name: { "\($0.title) — \(self.candidates[$0.candidate]?.name ?? "")" })
    }

    public func findTalentPool(_ text: String) throws -> TalentPool {
        try NameLookup.find(text, kind: "talent pool", in: setup.talentPools, id: \.id.rawValue, name: \.name)
    }

    public func findTemplate(_ text: String) throws -> EmailTemplate {
        try NameLookup.find(text, kind: "email template", in: setup.emailTemplates, id: \.id.rawValue, name: \.name)
    }

    /// The job a command means: the one named, or the candidate's only job.
    public func jobForCandidate(_ candidate: Candidate, named text: String?) throws -> Job {
        if let text {
            let job = try findJob(text)
            guard candidate.placement(in: job.id) != nil else {
                throw StagehandError.candidateNotInJob(candidate: candidate.name, job: job.title)
            }
            return job
        }
        let jobs = candidate.placements.compactMap { job($0.job) }
        switch jobs.count {
        case 0: throw StagehandError.invalidAction("\(candidate.name) is in no job: add them to one first.")
        case 1: return jobs[0]
        default: throw StagehandError.candidateInSeveralJobs(candidate: candidate.name, jobs: jobs.map(\.title))
        }
    }
}
