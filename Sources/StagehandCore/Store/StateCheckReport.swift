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
        self.init(path: path, workspace: state.workspace, schemaVersion: state.schemaVersion, journalRecords: state.records, duplicateIDs: duplicateIDs)
    }

    /// `path` names the store: a file's path, or a database as it may be shown.
    init(path: String, workspace: Workspace, schemaVersion: Int, journalRecords: Int, duplicateIDs: [String]) {
        self.path = path
        self.schemaVersion = schemaVersion
        candidates = workspace.candidates.count
        jobs = workspace.setup.jobs.count
        emailsWaiting = workspace.emails.filter(\.isWaiting).count
        self.journalRecords = journalRecords
        problems = duplicateIDs + workspace.consistencyProblems()
    }
}
