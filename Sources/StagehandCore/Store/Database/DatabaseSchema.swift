/// The tables Stagehand keeps in PostgreSQL, as versioned migrations in the binary:
/// `stagehand migrate` applies those a database lacks, and a database set up by a
/// newer Stagehand is refused rather than written to.
///
/// Each entity is a row with its document as `jsonb` (the same JSON as in the state
/// file) and the columns a reporting tool wants most, generated from it; a
/// candidate's placements and timeline entries are views over their documents.
enum DatabaseSchema {
    static let migrations: [String] = [
        """
        CREATE TABLE stagehand_schema (version integer NOT NULL);
        INSERT INTO stagehand_schema VALUES (0);
        CREATE SEQUENCE stagehand_positions;
        CREATE TABLE stagehand_workspaces (
            name text PRIMARY KEY,
            document_version integer NOT NULL,
            revision bigint NOT NULL,
            counter bigint NOT NULL,
            setup jsonb NOT NULL
        );
        CREATE TABLE stagehand_candidates (
            workspace text NOT NULL REFERENCES stagehand_workspaces (name) ON DELETE CASCADE,
            id text NOT NULL,
            position bigint NOT NULL,
            document jsonb NOT NULL,
            name text GENERATED ALWAYS AS (document ->> 'name') STORED,
            email text GENERATED ALWAYS AS (document ->> 'email') STORED,
            source text GENERATED ALWAYS AS (document ->> 'source') STORED,
            PRIMARY KEY (workspace, id)
        );
        CREATE TABLE stagehand_tasks (
            workspace text NOT NULL REFERENCES stagehand_workspaces (name) ON DELETE CASCADE,
            id text NOT NULL,
            position bigint NOT NULL,
            document jsonb NOT NULL,
            candidate text GENERATED ALWAYS AS (document ->> 'candidate') STORED,
            assignee text GENERATED ALWAYS AS (document ->> 'assignee') STORED,
            title text GENERATED ALWAYS AS (document ->> 'title') STORED,
            PRIMARY KEY (workspace, id)
        );
        CREATE TABLE stagehand_evaluation_requests (
            workspace text NOT NULL REFERENCES stagehand_workspaces (name) ON DELETE CASCADE,
            id text NOT NULL,
            position bigint NOT NULL,
            document jsonb NOT NULL,
            candidate text GENERATED ALWAYS AS (document ->> 'candidate') STORED,
            member text GENERATED ALWAYS AS (document ->> 'member') STORED,
            status text GENERATED ALWAYS AS (document ->> 'status') STORED,
            PRIMARY KEY (workspace, id)
        );
        CREATE TABLE stagehand_emails (
            workspace text NOT NULL REFERENCES stagehand_workspaces (name) ON DELETE CASCADE,
            id text NOT NULL,
            position bigint NOT NULL,
            document jsonb NOT NULL,
            candidate text GENERATED ALWAYS AS (document ->> 'candidate') STORED,
            status text GENERATED ALWAYS AS (document ->> 'status') STORED,
            subject text GENERATED ALWAYS AS (document ->> 'subject') STORED,
            due_at text GENERATED ALWAYS AS (document ->> 'dueAt') STORED,
            PRIMARY KEY (workspace, id)
        );
        CREATE TABLE stagehand_action_runs (
            workspace text NOT NULL REFERENCES stagehand_workspaces (name) ON DELETE CASCADE,
            id text NOT NULL,
            position bigint NOT NULL,
            document jsonb NOT NULL,
            candidate text GENERATED ALWAYS AS (document ->> 'candidate') STORED,
            PRIMARY KEY (workspace, id)
        );
        CREATE VIEW stagehand_placements AS
            SELECT c.workspace, c.id AS candidate, p ->> 'job' AS job, p ->> 'stage' AS stage, p ->> 'enteredAt' AS entered_at,
                   p -> 'disqualification' AS disqualification
            FROM stagehand_candidates c, jsonb_array_elements(c.document -> 'placements') AS p;
        CREATE VIEW stagehand_timeline_entries AS
            SELECT c.workspace, c.id AS candidate, e ->> 'at' AS at, e ->> 'kind' AS kind, e ->> 'job' AS job,
                   e ->> 'author' AS author, e ->> 'text' AS text
            FROM stagehand_candidates c, jsonb_array_elements(c.document -> 'timeline') AS e;
        """,
        // 2: what changed since a revision, so that a reader catches up on another
        // writer's change by reading only it.
        """
        ALTER TABLE stagehand_workspaces ADD COLUMN rebuilt_at bigint NOT NULL DEFAULT 0;
        ALTER TABLE stagehand_candidates ADD COLUMN revision bigint NOT NULL DEFAULT 0;
        ALTER TABLE stagehand_tasks ADD COLUMN revision bigint NOT NULL DEFAULT 0;
        ALTER TABLE stagehand_evaluation_requests ADD COLUMN revision bigint NOT NULL DEFAULT 0;
        ALTER TABLE stagehand_emails ADD COLUMN revision bigint NOT NULL DEFAULT 0;
        ALTER TABLE stagehand_action_runs ADD COLUMN revision bigint NOT NULL DEFAULT 0;
        CREATE INDEX stagehand_candidates_since ON stagehand_candidates (workspace, revision);
        CREATE INDEX stagehand_tasks_since ON stagehand_tasks (workspace, revision);
        CREATE INDEX stagehand_evaluation_requests_since ON stagehand_evaluation_requests (workspace, revision);
        CREATE INDEX stagehand_emails_since ON stagehand_emails (workspace, revision);
        CREATE INDEX stagehand_action_runs_since ON stagehand_action_runs (workspace, revision);
        CREATE TABLE stagehand_removed (
            workspace text NOT NULL REFERENCES stagehand_workspaces (name) ON DELETE CASCADE,
            table_name text NOT NULL,
            id text NOT NULL,
            revision bigint NOT NULL
        );
        CREATE INDEX stagehand_removed_since ON stagehand_removed (workspace, revision);
        """,
        // 3: each document also as plain text, generated from it and stored
        // uncompressed, for Stagehand to read: turning 10,000 candidates' jsonb back
        // into text took the server 250 ms of every board's start; plain text is only
        // copied out. Whoever writes `document` (a reporting tool's fix by hand too)
        // keeps it right; the rewrite after SET STORAGE stores the rows that way.
        """
        ALTER TABLE stagehand_candidates ADD COLUMN text_document text GENERATED ALWAYS AS (document::text) STORED;
        ALTER TABLE stagehand_candidates ALTER COLUMN text_document SET STORAGE EXTERNAL;
        UPDATE stagehand_candidates SET document = document;
        ALTER TABLE stagehand_tasks ADD COLUMN text_document text GENERATED ALWAYS AS (document::text) STORED;
        ALTER TABLE stagehand_tasks ALTER COLUMN text_document SET STORAGE EXTERNAL;
        UPDATE stagehand_tasks SET document = document;
        ALTER TABLE stagehand_evaluation_requests ADD COLUMN text_document text GENERATED ALWAYS AS (document::text) STORED;
        ALTER TABLE stagehand_evaluation_requests ALTER COLUMN text_document SET STORAGE EXTERNAL;
        UPDATE stagehand_evaluation_requests SET document = document;
        ALTER TABLE stagehand_emails ADD COLUMN text_document text GENERATED ALWAYS AS (document::text) STORED;
        ALTER TABLE stagehand_emails ALTER COLUMN text_document SET STORAGE EXTERNAL;
        UPDATE stagehand_emails SET document = document;
        ALTER TABLE stagehand_action_runs ADD COLUMN text_document text GENERATED ALWAYS AS (document::text) STORED;
        ALTER TABLE stagehand_action_runs ALTER COLUMN text_document SET STORAGE EXTERNAL;
        UPDATE stagehand_action_runs SET document = document;
        """,
    ]

    static var current: Int { migrations.count }

    /// The entity tables, by the name the workspace's JSON gives them.
    static let tables: [(key: String, table: String)] = [
        ("candidates", "stagehand_candidates"), ("tasks", "stagehand_tasks"),
        ("evaluationRequests", "stagehand_evaluation_requests"), ("emails", "stagehand_emails"),
        ("actionRuns", "stagehand_action_runs"),
    ]

    /// The schema the database has: 0 when it has no Stagehand tables.
    static func version(of connection: DatabaseConnection) throws -> Int {
        guard try connection.value("SELECT to_regclass('stagehand_schema') IS NOT NULL") == "t" else { return 0 }
        return Int(try connection.value("SELECT version FROM stagehand_schema") ?? "0") ?? 0
    }

    /// Refuses a database without the tables, or set up by a newer Stagehand.
    static func requireCurrent(_ connection: DatabaseConnection) throws {
        let found = try version(of: connection)
        if found == 0 { throw DatabaseError.noSchema(shown: connection.location.shown) }
        if found > current { throw DatabaseError.newerSchema(shown: connection.location.shown, found: found, supported: current) }
        if found < current { throw DatabaseError.noSchema(shown: connection.location.shown) }
    }

    /// Applies the migrations the database lacks, each in its own transaction, one
    /// migrating process at a time. Returns the versions applied.
    static func migrate(_ connection: DatabaseConnection) throws -> [Int] {
        try connection.execute("SELECT pg_advisory_lock(7412001)")
        defer { _ = try? connection.execute("SELECT pg_advisory_unlock(7412001)") }
        let found = try version(of: connection)
        if found > current { throw DatabaseError.newerSchema(shown: connection.location.shown, found: found, supported: current) }
        let missing = Array((found + 1)..<(current + 1))
        for version in missing {
            try connection.transaction {
                try connection.execute(migrations[version - 1])
                try connection.execute("UPDATE stagehand_schema SET version = $1", [String(version)])
            }
        }
        return missing
    }
}
