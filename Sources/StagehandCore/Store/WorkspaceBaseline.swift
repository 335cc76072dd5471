/// What a change to the cached workspace starts from, instead of a copy of it:
/// a copy would share every table's storage, so the change's first touch of a
/// table would copy all of it. The setup and counter are small and journaled
/// whole, so they are kept; the tables record their own changes and can undo
/// them, so only which table each one is needs keeping.
struct WorkspaceBaseline {
    let setup: WorkspaceSetup
    let counter: Int
    private let origins: [TableOrigin]

    init(_ workspace: Workspace) {
        setup = workspace.setup
        counter = workspace.counter
        origins = Self.origins(of: workspace)
    }

    /// False when a table was swapped for another one (say, `workspace.candidates =
    /// EntityTable(list)`): its record of changes says nothing about the old one.
    func hasSameTables(as workspace: Workspace) -> Bool {
        zip(origins, Self.origins(of: workspace)).allSatisfy { $0 === $1 }
    }

    /// Undoes what a failed change did, at the cost of what it touched. False when
    /// a table was swapped for another one, which only a reload can undo.
    func restore(_ workspace: inout Workspace) -> Bool {
        guard hasSameTables(as: workspace) else { return false }
        workspace.setup = setup
        workspace.counter = counter
        workspace.candidates.rollBack()
        workspace.tasks.rollBack()
        workspace.evaluationRequests.rollBack()
        workspace.emails.rollBack()
        workspace.actionRuns.rollBack()
        return true
    }

    private static func origins(of workspace: Workspace) -> [TableOrigin] {
        [
            workspace.candidates.origin, workspace.tasks.origin, workspace.evaluationRequests.origin,
            workspace.emails.origin, workspace.actionRuns.origin,
        ]
    }
}
