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

    /// `before` must have no recorded changes.
    init(from before: Workspace, to after: Workspace, generation: String) {
        guard Self.tracked(before.candidates, after.candidates), Self.tracked(before.tasks, after.tasks),
            Self.tracked(before.evaluationRequests, after.evaluationRequests),
            Self.tracked(before.emails, after.emails), Self.tracked(before.actionRuns, after.actionRuns)
        else {
            self = .wholeWorkspace
            return
        }
        guard after.hasTableChanges || after.counter != before.counter || after.setup != before.setup else {
            self = .nothing
            return
        }
        self = .record(
            JournalRecord(
                generation: generation, counter: after.counter,
                setup: after.setup == before.setup ? nil : after.setup,
                candidates: TableChange(from: before.candidates, to: after.candidates),
                tasks: TableChange(from: before.tasks, to: after.tasks),
                evaluationRequests: TableChange(from: before.evaluationRequests, to: after.evaluationRequests),
                emails: TableChange(from: before.emails, to: after.emails),
                actionRuns: TableChange(from: before.actionRuns, to: after.actionRuns)))
    }

    /// False when a table differs yet records no change. Comparing untouched tables
    /// is cheap: they still share their storage.
    private static func tracked<Entity>(_ before: EntityTable<Entity>, _ after: EntityTable<Entity>) -> Bool {
        after.hasChanges || after == before
    }
}
