import Foundation

/// How a candidate came into a job. Only people who applied (or were added or
/// referred by hand) set off the first stage's actions; bulk arrivals do not.
public enum CandidateOrigin: String, Codable, Sendable, CaseIterable {
    case application, manualAdd, referral, csvImport, forwardedCV

    public var firesActions: Bool {
        switch self {
        case .application, .manualAdd, .referral: true
        case .csvImport, .forwardedCV: false
        }
    }

    var activityKind: ActivityKind {
        switch self {
        case .application, .manualAdd, .referral: .applied
        case .csvImport: .imported
        case .forwardedCV: .forwarded
        }
    }

    var verb: String {
        switch self {
        case .application: "Applied to"
        case .manualAdd: "Added to"
        case .referral: "Referred to"
        case .csvImport: "Imported into"
        case .forwardedCV: "CV forwarded to"
        }
    }
}

public struct NewCandidate: Sendable, Equatable {
    public var name: String
    public var email: String?
    public var source: String
    public var tags: [String]

    public init(name: String, email: String?, source: String, tags: [String] = []) {
        self.name = name
        self.email = email
        self.source = source
        self.tags = tags
    }
}

public struct ArrivalOutcome: Sendable, Equatable {
    public var candidate: CandidateID
    public var run: ActionRunID?
    public var timedRuns: [ActionRunID] = []
}

extension Workspace {
    /// Puts a person into a job's first stage. Someone already known by the same
    /// email address gets the job added rather than a second card.
    @discardableResult
    public mutating func addCandidate(
        _ person: NewCandidate, to jobID: JobID, origin: CandidateOrigin, by member: MemberID?, now: Date,
        grace: TimeInterval = 0
    ) throws -> ArrivalOutcome {
        var unindexed: KnownEmails?
        return try addCandidate(person, to: jobID, origin: origin, by: member, now: now, grace: grace, known: &unindexed)
    }

    /// - Parameter known: the candidates by email, kept up to date here, for many arrivals in a row.
    mutating func addCandidate(
        _ person: NewCandidate, to jobID: JobID, origin: CandidateOrigin, by member: MemberID?, now: Date,
        grace: TimeInterval = 0, known: inout KnownEmails?
    ) throws -> ArrivalOutcome {
        let arrival = try checkArrival(person, to: jobID, by: member, known: known)
        let (job, first) = (arrival.job, arrival.stage)
        let id: CandidateID = arrival.known?.id ?? makeID("cand")
        var candidate = arrival.known ?? Candidate(id: id, name: arrival.name, email: arrival.email, source: person.source)
        candidate.addTags(person.tags)
        candidate.placements.append(Placement(job: jobID, stage: first.id, enteredAt: now))
        candidate.timeline.append(
            Activity(
                id: makeID("act"), at: now, kind: origin.activityKind, author: member, automatic: false,
                text: "\(origin.verb) \(job.title) (\(first.name)), source \(person.source)", job: jobID))
        candidates.upsert(candidate)
        known?.add(candidate)
        guard origin.firesActions else { return ArrivalOutcome(candidate: id, run: nil) }
        let run =
            first.hasEntryActions
            ? startRun(
                for: id, job: jobID, stage: first.id, actions: first.actions, trigger: .apply, mover: member, now: now,
                startsAt: now.addingTimeInterval(grace)) : nil
        let timed = startTimedRuns(for: id, job: jobID, stage: first.id, enteredAt: now)
        return ArrivalOutcome(candidate: id, run: run, timedRuns: timed)
    }

    /// What adding the person would need, checked without changing anything.
    func checkArrival(_ person: NewCandidate, to jobID: JobID, by member: MemberID?, known index: KnownEmails? = nil) throws -> Arrival {
        if let member { try require([.moveCandidates], of: member, toDo: "add candidates") }
        guard let job = job(jobID) else { throw StagehandError.notFound(kind: "job", name: jobID.rawValue) }
        guard job.status == .open else { throw StagehandError.jobClosed(job.title) }
        guard let first = job.firstStage else { throw StagehandError.emptyPipeline(job: job.title) }
        let name = person.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StagehandError.invalidAction("A candidate needs a name.") }
        try TextLimit.check(name, "A candidate's name", limit: TextLimit.name)
        try TextLimit.check(person.source, "Where a candidate came from", limit: TextLimit.name)
        for tag in person.tags { try TextLimit.check(tag, "A tag", limit: TextLimit.name) }
        let email = person.email?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let email, !email.isEmpty, !Self.looksLikeEmail(email) {
            throw StagehandError.invalidAction("'\(email)' is not an email address: use the form name@example.com.")
        }
        let known = email.flatMap { address in
            guard let index else { return candidates.first { $0.email?.caseInsensitiveCompare(address) == .orderedSame } }
            return index.candidate(with: address).flatMap { candidates[$0] }
        }
        if let known, known.placement(in: jobID) != nil {
            throw StagehandError.invalidAction("\(known.name) <\(email ?? "")> is already in \(job.title).")
        }
        return Arrival(job: job, stage: first, name: name, email: email.flatMap { $0.isEmpty ? nil : $0 }, known: known)
    }

    /// A checked arrival: where the person goes, and whether they are known already.
    struct Arrival {
        var job: Job
        var stage: Stage
        var name: String
        var email: String?
        var known: Candidate?
    }

    /// Whether text can be a candidate's email address: something@domain.tld, no spaces.
    public static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(where: \.isWhitespace)
    }
}
