/// One committed change: one line of the journal. It holds the id counter, the
/// setup only when the change altered it, and for each table it touched the
/// changed entities in full and the removed ids — small enough that a durable
/// move costs one short append instead of rewriting the whole state.
struct JournalRecord: Codable {
    /// The snapshot this record extends; records of any other are stale.
    var generation: String
    var counter: Int
    var setup: WorkspaceSetup?
    var candidates: TableChange<Candidate>?
    var tasks: TableChange<CandidateTask>?
    var evaluationRequests: TableChange<EvaluationRequest>?
    var emails: TableChange<OutgoingEmail>?
    var actionRuns: TableChange<ActionRun>?

    /// The keys under which a record keeps each table's changes, for schema upgrades.
    static let tableKeys = [CodingKeys.candidates, .tasks, .evaluationRequests, .emails, .actionRuns].map(\.stringValue)

    func apply(to workspace: inout Workspace) {
        workspace.counter = counter
        if let setup { workspace.setup = setup }
        candidates?.apply(to: &workspace.candidates)
        tasks?.apply(to: &workspace.tasks)
        evaluationRequests?.apply(to: &workspace.evaluationRequests)
        emails?.apply(to: &workspace.emails)
        actionRuns?.apply(to: &workspace.actionRuns)
    }
}

/// What one `update` did to the workspace, as the store must save it.
enum WorkspaceChange {
    case nothing
    case record(JournalRecord)
    /// A table was swapped for another one wholesale (say, `workspace.candidates =
    /// EntityTable(list)`), which its change tracking does not see: only a new
    /// snapshot saves that faithfully.
    case wholeWorkspace

    /// `baseline` was taken when `after` had no recorded changes.
    init(from baseline: WorkspaceBaseline, to after: Workspace, generation: String) {
        guard baseline.hasSameTables(as: after) else {
            self = .wholeWorkspace
            return
        }
        guard after.hasTableChanges || after.counter != baseline.counter || after.setup != baseline.setup else {
            self = .nothing
            return
        }
        self = .record(
            JournalRecord(
                generation: generation, counter: after.counter,
                setup: after.setup == baseline.setup ? nil : after.setup,
                candidates: TableChange(of: after.candidates), tasks: TableChange(of: after.tasks),
                evaluationRequests: TableChange(of: after.evaluationRequests), emails: TableChange(of: after.emails),
                actionRuns: TableChange(of: after.actionRuns)))
    }
}
