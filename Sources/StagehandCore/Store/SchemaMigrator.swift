/// How files written by an older Stagehand are brought up to the current schema.
///
/// When the schema changes: raise
/// `StateFile.currentSchemaVersion` and add a step from the previous version.
/// Readers then upgrade in memory only; the first writer keeps the old files as
/// `state.json.v<N>.bak` (with its journal beside it) and rewrites the state in
/// the new schema before making its change.
struct SchemaMigrator: Sendable {
    /// Turns a workspace JSON object of version N into version N+1, in place.
    /// Steps also receive partial workspaces — a journal record's `counter`,
    /// `setup` and the changed entities under each table's key — so they must
    /// leave absent keys absent, and must not change ids.
    typealias Step = @Sendable (inout [String: Any]) throws -> Void

    let current: Int
    /// Keyed by the version a step upgrades from.
    let steps: [Int: Step]

    static let standard = SchemaMigrator(current: StateFile.currentSchemaVersion, steps: [
        // 2 added what real mail delivery records: an email's `claim`, the `unknown`
        // status, and the sendmail and SMTP settings. All are optional, so a version 1
        // file reads as it is; the number changed so that a Stagehand that knows only
        // version 1 refuses a file holding them as newer instead of calling it damaged.
        1: { _ in },
        // 3 added members' SSH keys (`keys`, optional). A Stagehand that knows only
        // version 2 would drop them when it rewrote the file; the new number makes it
        // refuse the file instead.
        2: { _ in },
        // 4 added what people do with the work automations hand them: a task's
        // `doneAt`, `doneBy` and `run`, an evaluation's `rating`, `comment`,
        // `submittedAt` and `run`, a step's `added`, and new timeline kinds. All are
        // optional; an older Stagehand would drop them or call the file damaged, so
        // the number makes it refuse the file as newer instead.
        3: { _ in },
        // 5 added time in stage: a stage's `timedActions` and `expected` time, and the
        // run trigger `timeInStage`. An older Stagehand would drop the first two when it
        // rewrote the setup and call the third damaged; the number makes it refuse
        // the file as newer instead.
        4: { _ in },
    ])

    func canUpgrade(from version: Int) -> Bool {
        version < current && (version..<current).allSatisfy { steps[$0] != nil }
    }

    func upgrade(_ workspace: inout [String: Any], from version: Int) throws {
        for step in version..<current { try steps[step]?(&workspace) }
    }
}
