/// What `stagehand check` prints: what the state holds and what does not add up.
public struct StateCheckReport: Sendable, Equatable {
    public var path: String
    public var schemaVersion: Int
    public var candidates: Int
    public var jobs: Int
    public var emailsWaiting: Int
    /// Changes in the journal not yet folded into the snapshot.
    public var journalRecords: Int
    /// Readable sentences, one per inconsistency; empty when all is well.
    public var problems: [String]

    public var isConsistent: Bool { problems.isEmpty }

    init(path: String, state: LoadedState, duplicateIDs: [String]) {
        let workspace = state.workspace
        self.path = path
        schemaVersion = state.schemaVersion
        candidates = workspace.candidates.count
        jobs = workspace.setup.jobs.count
        emailsWaiting = workspace.emails.filter(\.isWaiting).count
        journalRecords = state.records
        problems = duplicateIDs + workspace.consistencyProblems()
    }
}
