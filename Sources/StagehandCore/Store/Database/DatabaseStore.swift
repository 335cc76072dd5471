import Foundation

/// A workspace in PostgreSQL, for teams past one host. The same contract as the
/// state file: every change is one transaction on the latest state, taken under a
/// row lock on the workspace, so writers on different hosts never lose each
/// other's changes, and a change decided on a stale view is made again on the
/// latest. What a change did is worked out as the file store works it out
/// (`WorkspaceChange`): only the rows it touched are written.
public final class DatabaseStore: WorkspaceStore {
    public let location: DatabaseLocation
    private let connection: DatabaseConnection
    private var cached: Workspace?
    /// The workspace's revision `cached` is at; every change adds one.
    private var revision: Int64 = -1
    private let encoder = JSONEncoder()
    private let decoder = DatabaseStore.makeDecoder()

    /// How documents are decoded where `JSONReader` does not know their shape; one per thread.
    @Sendable static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        decoder.userInfo[.readableSchemaVersion] = StateFile.currentSchemaVersion
        return decoder
    }

    /// Connects and checks the schema; `requiringSchema: false` is for `migrate`.
    public init(_ location: DatabaseLocation, requiringSchema: Bool = true) throws {
        self.location = location
        connection = try DatabaseConnection(location)
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        if requiringSchema {
            try DatabaseSchema.requireCurrent(connection)
            // Others' changes announce themselves, so `refreshIfChanged` asks the server nothing until one does.
            try connection.listen(DatabaseWatch.channel)
        }
    }

    /// Applies the migrations the database lacks; the versions applied.
    public func migrate() throws -> [Int] { try DatabaseSchema.migrate(connection) }

    public var exists: Bool {
        (try? connection.value("SELECT 1 FROM stagehand_workspaces WHERE name = $1", [location.workspace])) == "1"
    }

    public var workspace: Workspace {
        guard let cached else {
            preconditionFailure("DatabaseStore.workspace was read before a successful load(), update(_:) or create(_:replacing:)")
        }
        return cached
    }

    public func load() throws -> Workspace {
        // One snapshot for every table: a change committed between two of the reads must not show half.
        try connection.transaction(readingOnly: true) { try reload() }
        return workspace
    }

    @discardableResult
    public func update<Result>(_ change: (inout Workspace) throws -> Result) throws -> Result {
        // Notices are read as they come, so that a listener that only writes never holds up the server's queue.
        _ = connection.notices()
        var committing = false
        do {
            return try connection.transaction {
                // The row lock makes writers take turns; the latest state is read under it.
                guard let row = try connection.execute(
                    "SELECT revision, document_version FROM stagehand_workspaces WHERE name = $1 FOR UPDATE", [location.workspace]
                ).first, let latest = row[0].flatMap({ Int64($0) })
                else { throw DatabaseError.missingWorkspace(shown: location.shown, workspace: location.workspace) }
                if latest != revision || cached == nil { try catchUp() }
                let read = revision
                guard var workspace = cached.take() else { preconditionFailure("reload() leaves a workspace") }
                let baseline = WorkspaceBaseline(workspace)
                do {
                    let result = try change(&workspace)
                    switch WorkspaceChange(from: baseline, to: workspace, generation: "") {
                    case .nothing:
                        break
                    case .record(let record):
                        try write(record, counter: workspace.counter)
                    case .wholeWorkspace:
                        try replaceAll(with: workspace)
                    }
                    workspace.forgetChanges()
                    cached = workspace
                    committing = true
                    return result
                } catch {
                    // Rolled back, so back to the revision read: left at the one this change
                    // took, it would hide another writer's change that takes it next.
                    if baseline.restore(&workspace) {
                        cached = workspace
                        revision = read
                    } else {
                        revision = -1
                    }
                    throw error
                }
            }
        } catch {
            // A COMMIT that failed (the connection lost, say) may or may not have
            // been written: the next read takes everything again.
            if committing { revision = -1 }
            throw error
        }
    }

    /// The connection that LISTENs: every change's notice arrives on it.
    public var changeSignal: Int32? { connection.isOpen ? connection.socket : nil }

    public func refreshIfChanged() throws -> Bool {
        guard cached != nil else {
            _ = try load()
            return true
        }
        // Back after a lost connection: notices may have been missed, so read it all again.
        if !connection.isOpen {
            guard connection.reconnectIfLost() else {
                throw DatabaseError.unreachable(shown: location.shown, detail: "the connection is lost; trying again")
            }
            _ = try load()
            return true
        }
        let notices = connection.notices()
        if !connection.isOpen { return try refreshIfChanged() }
        guard notices.contains(location.workspace) || revision < 0 else { return false }
        let before = revision
        try connection.transaction(readingOnly: true) { try catchUp() }
        return revision != before
    }

    /// A workspace replaced is kept whole beside it, as the workspace `NAME.bak`
    /// (an older one of that name goes), as a state file keeps `state.json.bak`.
    public func create(_ workspace: Workspace, replacing: Bool) throws {
        if replacing, exists, let backup = backupLocation {
            // Written as it is: a backup of its own would make NAME.bak.bak, and so on at every replacement.
            try DatabaseStore(backup).write(try loadEveryTimeline(), replacing: true)
        }
        try write(workspace, replacing: replacing)
    }

    private func write(_ workspace: Workspace, replacing: Bool) throws {
        try connection.transaction {
            if exists {
                guard replacing else { throw DatabaseError.alreadyExists(shown: location.shown, workspace: location.workspace) }
                try connection.execute("DELETE FROM stagehand_workspaces WHERE name = $1", [location.workspace])
            }
            try connection.execute(
                "INSERT INTO stagehand_workspaces (name, document_version, revision, counter, setup) VALUES ($1, $2, 0, $3, $4::jsonb)",
                [location.workspace, String(StateFile.currentSchemaVersion), String(workspace.counter), try json(workspace.setup)])
            try insertTables(of: workspace)
            revision = 0
        }
        var created = workspace
        created.forgetChanges()
        cached = created
    }

    public func check() throws -> StateCheckReport {
        let workspace = try load()
        return StateCheckReport(
            path: location.shown, workspace: workspace, schemaVersion: StateFile.currentSchemaVersion, journalRecords: 0, duplicateIDs: [])
    }

    public var keptWhenReplaced: String { backupLocation?.shown ?? location.shown }

    private var backupLocation: DatabaseLocation? { location.otherWorkspace(location.workspace + ".bak") }

    /// Nothing grows between changes here: PostgreSQL tidies its own tables.
    public func compactIfLarge() throws -> Bool { false }

    // MARK: Reading

    /// Reads the whole workspace: each table as one JSON array the server
    /// assembles in the table's order.
    private func reload() throws {
        guard let row = try connection.execute(
            "SELECT revision, document_version, counter, setup FROM stagehand_workspaces WHERE name = $1", [location.workspace]
        ).first, let revision = row[0].flatMap({ Int64($0) }), let version = row[1].flatMap({ Int($0) })
        else { throw DatabaseError.missingWorkspace(shown: location.shown, workspace: location.workspace) }
        guard version <= StateFile.currentSchemaVersion else {
            throw DatabaseError.newerDocuments(shown: location.shown, found: version, supported: StateFile.currentSchemaVersion)
        }
        func table<Entity: Decodable & JSONReadable & Sendable>(_ name: String) throws -> [Entity] {
            try DocumentStream.entities(
                "SELECT text_document FROM \(name) WHERE workspace = $1 ORDER BY position", [location.workspace], on: connection,
                makeDecoder: Self.makeDecoder)
        }
        var workspace = Workspace(
            setup: try decoder.decode(WorkspaceSetup.self, from: Data((row[3] ?? "{}").utf8)), counter: Int(row[2] ?? "") ?? 0,
            candidates: try table("stagehand_candidates"), tasks: try table("stagehand_tasks"),
            evaluationRequests: try table("stagehand_evaluation_requests"), emails: try table("stagehand_emails"),
            actionRuns: try table("stagehand_action_runs"))
        workspace.forgetChanges()
        cached = workspace
        self.revision = revision
    }

    /// Brings the cache up to what the database holds, reading only what changed
    /// since its revision: each table's rows written later and the ids removed
    /// later. A workspace rebuilt meanwhile, or nothing cached, is read whole.
    private func catchUp() throws {
        guard var workspace = cached, revision >= 0 else { return try reload() }
        guard let row = try connection.execute(
            "SELECT revision, rebuilt_at, counter, setup, document_version FROM stagehand_workspaces WHERE name = $1", [location.workspace]
        ).first, let latest = row[0].flatMap({ Int64($0) }), let rebuilt = row[1].flatMap({ Int64($0) })
        else { throw DatabaseError.missingWorkspace(shown: location.shown, workspace: location.workspace) }
        guard latest != revision else { return }
        // A workspace replaced (its revision back to 0) or rebuilt since is read whole.
        guard latest > revision, rebuilt <= revision, let version = row[4].flatMap({ Int($0) }), version == StateFile.currentSchemaVersion else { return try reload() }
        cached = nil
        do {
            try catchUp(&workspace.candidates, from: "stagehand_candidates")
            try catchUp(&workspace.tasks, from: "stagehand_tasks")
            try catchUp(&workspace.evaluationRequests, from: "stagehand_evaluation_requests")
            try catchUp(&workspace.emails, from: "stagehand_emails")
            try catchUp(&workspace.actionRuns, from: "stagehand_action_runs")
            workspace.counter = Int(row[2] ?? "") ?? workspace.counter
            let setup = try decoder.decode(WorkspaceSetup.self, from: Data((row[3] ?? "{}").utf8))
            if setup != workspace.setup { workspace.setup = setup }
        } catch {
            // What was read so far stays readable (a board keeps showing it through an
            // outage); the next look reads everything again.
            workspace.forgetChanges()
            cached = workspace
            revision = -1
            throw error
        }
        workspace.forgetChanges()
        cached = workspace
        revision = latest
    }

    private func catchUp<Entity: JSONReadable>(_ table: inout EntityTable<Entity>, from name: String) throws {
        let since = String(revision)
        let removed = try connection.value(
            "SELECT coalesce(json_agg(id ORDER BY revision), '[]') FROM stagehand_removed WHERE workspace = $1 AND table_name = $2 AND revision > $3",
            [location.workspace, name, since])
        for id in try decoder.decode([Entity.ID].self, from: Data((removed ?? "[]").utf8)) { table.remove(id) }
        let changed: [Entity] = try DocumentStream.entities(
            "SELECT text_document FROM \(name) WHERE workspace = $1 AND revision > $2 ORDER BY position", [location.workspace, since],
            on: connection, makeDecoder: Self.makeDecoder)
        for entity in changed { table.upsert(entity) }
    }

    // MARK: Writing

    /// Writes what one change did: each table's removed rows, then its changed ones
    /// (a new one last in its table, as in the state file), the setup if it
    /// changed, and the next revision.
    private func write(_ record: JournalRecord, counter: Int) throws {
        try advanceRevision(counter: counter)
        try apply(record.candidates, to: "stagehand_candidates")
        try apply(record.tasks, to: "stagehand_tasks")
        try apply(record.evaluationRequests, to: "stagehand_evaluation_requests")
        try apply(record.emails, to: "stagehand_emails")
        try apply(record.actionRuns, to: "stagehand_action_runs")
        if let setup = record.setup {
            try connection.execute("UPDATE stagehand_workspaces SET setup = $2::jsonb WHERE name = $1", [location.workspace, try json(setup)])
        }
    }

    /// Removed rows leave their ids behind at this revision, for readers catching up.
    private func apply<Entity>(_ change: TableChange<Entity>?, to table: String) throws {
        guard let change else { return }
        if !change.removed.isEmpty {
            let ids = try json(change.removed)
            try connection.execute(
                "DELETE FROM \(table) WHERE workspace = $1 AND id IN (SELECT jsonb_array_elements_text($2::jsonb))", [location.workspace, ids])
            try connection.execute(
                "INSERT INTO stagehand_removed (workspace, table_name, id, revision) SELECT $1, $2, jsonb_array_elements_text($3::jsonb), $4",
                [location.workspace, table, ids, String(revision)])
        }
        try upsert(change.changed, into: table)
    }

    /// New rows take the next positions in the order given; a row that is there keeps its place.
    private func upsert<Entity: Encodable>(_ entities: [Entity], into table: String) throws {
        guard !entities.isEmpty else { return }
        try connection.execute(
            """
            INSERT INTO \(table) (workspace, id, position, document, revision)
            SELECT $1, element ->> 'id', nextval('stagehand_positions'), element, $3
            FROM (SELECT element FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS given (element, number) ORDER BY number) AS ordered
            ON CONFLICT (workspace, id) DO UPDATE SET document = EXCLUDED.document, revision = EXCLUDED.revision
            """, [location.workspace, try json(entities), String(max(revision, 0))])
    }

    /// A table swapped wholesale: readers read the whole workspace again (`rebuilt_at`).
    private func replaceAll(with workspace: Workspace) throws {
        try advanceRevision(counter: workspace.counter)
        try connection.execute("UPDATE stagehand_workspaces SET rebuilt_at = revision WHERE name = $1", [location.workspace])
        for (_, table) in DatabaseSchema.tables {
            try connection.execute("DELETE FROM \(table) WHERE workspace = $1", [location.workspace])
        }
        try connection.execute("UPDATE stagehand_workspaces SET setup = $2::jsonb WHERE name = $1", [location.workspace, try json(workspace.setup)])
        try insertTables(of: workspace)
    }

    private func insertTables(of workspace: Workspace) throws {
        try upsert(Array(workspace.candidates), into: "stagehand_candidates")
        try upsert(Array(workspace.tasks), into: "stagehand_tasks")
        try upsert(Array(workspace.evaluationRequests), into: "stagehand_evaluation_requests")
        try upsert(Array(workspace.emails), into: "stagehand_emails")
        try upsert(Array(workspace.actionRuns), into: "stagehand_action_runs")
    }

    /// The next revision, and a notice to every listener (delivered when the change commits).
    /// The documents are now this Stagehand's version: an older one refuses them as newer
    /// rather than dropping what it does not know.
    private func advanceRevision(counter: Int) throws {
        let next = try connection.value(
            """
            UPDATE stagehand_workspaces SET revision = revision + 1, counter = $2, document_version = greatest(document_version, $3)
            WHERE name = $1 RETURNING revision
            """,
            [location.workspace, String(counter), String(StateFile.currentSchemaVersion)])
        revision = next.flatMap { Int64($0) } ?? -1
        try connection.execute("SELECT pg_notify($1, $2)", [DatabaseWatch.channel, location.workspace])
    }

    private func json<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
