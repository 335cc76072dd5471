#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The workspace on disk: a snapshot (`state.json`) and an append-only journal
/// beside it (`state.json.journal`), guarded by a lock file (`state.json.lock`).
///
/// Rewriting the snapshot of a 10,000-candidate workspace takes over a second,
/// yet a move must be durable within a few milliseconds. So `update` appends one
/// line saying what the change did and fsyncs it, and the journal is folded into
/// a new snapshot when nobody is waiting: callers that sit idle (the
/// dispatcher, a board left alone) call `compactIfLarge()`. `update` compacts
/// by itself only past a much larger size. The price of a long journal is paid
/// by every load, which replays it (about 9 ms per MB on a two-core machine).
/// Every change is made under an exclusive lock on the latest state, so
/// processes sharing the file never lose each other's changes (as in SQLite's
/// atomic commit and Git's `*.lock` files).
///
/// A crash at any instant leaves a readable state: a journal line without its
/// newline was never committed and is ignored (the next writer cuts it off); a
/// snapshot is replaced by renaming a fully synced file over it; journal lines of
/// an older snapshot generation — left when a compaction died before removing
/// the journal — are ignored. A damaged file, or one from a newer Stagehand, is
/// never written to.
///
/// An instance caches the workspace and is meant for one owner: it is not
/// `Sendable`. Give each thread its own instance; they coordinate through the
/// lock like separate processes do.
public final class StateFile {
    public static let currentSchemaVersion = 5

    public let path: URL
    /// Past this journal size, and the snapshot's, `update` folds the journal into
    /// a new snapshot itself, making that change wait for the rewrite: a backstop
    /// for when no idle caller compacts. Every load replays the journal, so this
    /// keeps a load from costing more than twice the snapshot's; small, because a
    /// small snapshot is rewritten in a few milliseconds (a candidate moved
    /// hundreds of times journals their whole history each time: 6 MB of
    /// journal beside a 219 KB sample snapshot while this was 16 MB).
    public let compactAfterBytes: Int
    /// Past this journal size, or a quarter of the snapshot's when that is less
    /// (but not under a sixteenth of this), `compactIfLarge()` folds it into a new snapshot.
    public let compactWhenIdleAfterBytes: Int
    /// How long to wait for another process's lock; tests shorten it.
    var lockTimeout = Duration.seconds(10)

    private let schema: SchemaMigrator
    private let snapshotPath: String
    private let journalPath: String
    private let lockPath: String
    private let snapshotEncoder = JSONEncoder()
    private let journalEncoder = JSONEncoder()
    private let decoder = JSONDecoder()
    private var loaded: LoadedState?

    public convenience init(path: URL, compactAfterBytes: Int = 1 << 20, compactWhenIdleAfterBytes: Int = 4 << 20) {
        self.init(
            path: path, compactAfterBytes: compactAfterBytes, compactWhenIdleAfterBytes: compactWhenIdleAfterBytes,
            schema: .standard)
    }

    init(
        path: URL, compactAfterBytes: Int = 1 << 20, compactWhenIdleAfterBytes: Int = 4 << 20, schema: SchemaMigrator
    ) {
        self.path = path
        self.compactAfterBytes = compactAfterBytes
        self.compactWhenIdleAfterBytes = compactWhenIdleAfterBytes
        self.schema = schema
        snapshotPath = path.path
        journalPath = path.path + ".journal"
        lockPath = path.path + ".lock"
        snapshotEncoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        snapshotEncoder.dateEncodingStrategy = .iso8601
        // Sorted keys let loads replay the journal with JSONReader.
        journalEncoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        journalEncoder.dateEncodingStrategy = .iso8601
        decoder.dateDecodingStrategy = .iso8601
        decoder.userInfo[.readableSchemaVersion] = schema.current
    }

    public var exists: Bool { FileManager.default.fileExists(atPath: snapshotPath) }

    /// The latest state this instance has read or written.
    public var workspace: Workspace {
        guard let loaded else {
            preconditionFailure(
                "StateFile.workspace was read before a successful load(), update(_:) or create(_:replacing:), "
                    + "or inside an update's change")
        }
        return loaded.workspace
    }

    /// Reads the snapshot and replays the journal.
    public func load() throws -> Workspace {
        try requireSnapshot()
        return try withLock(.shared) { try reloadAll().state.workspace }
    }

    /// Reads the setup and only the candidates `texts` name (as `findCandidate`
    /// finds them), with what belongs to them, when the snapshot's index allows it;
    /// otherwise everything, as `load()`. The journal is replayed whole, so the
    /// workspace may hold other candidates too. Changes to such a workspace are
    /// journaled as usual; one that must write the whole state reads it all first.
    public func load(candidatesNamed texts: [String]) throws -> Workspace {
        try requireSnapshot()
        return try withLock(.shared) {
            if let state = try? reloadPart(texts) { return state.workspace }
            return try reloadAll().state.workspace
        }
    }

    /// Reads everything but the emails, when the snapshot's index says where they
    /// stand, and leaves them for `finish()`, which reads them on both cores
    /// without the lock: the snapshot read is the one mapped now, whatever
    /// replaces it meanwhile. Otherwise everything at once, as `load()`.
    public func loadInStages() throws -> StagedLoad {
        try requireSnapshot()
        return try withLock(.shared) {
            if let staged = try reloadLeavingEmails() { return staged }
            return StagedLoad(whole: try reloadAll().state.workspace)
        }
    }

    public func loadEveryTimeline() throws -> Workspace {
        try requireSnapshot()
        return try withLock(.shared) { try reloadAll(readingEveryTimeline: true).state.workspace }
    }

    /// Makes one change to the latest state, durably. `change` runs under the
    /// exclusive lock, after the state was brought up to date with every other
    /// process's changes; if it throws, nothing is written and the cached state is
    /// as before. A change that touches nothing writes nothing. Returns what
    /// `change` returned.
    ///
    /// The cached workspace is handed to `change` itself, so `change` must not
    /// read `workspace`. A caller that keeps a copy of the workspace across the
    /// update makes the change copy every table it touches.
    @discardableResult
    public func update<Result>(_ change: (inout Workspace) throws -> Result) throws -> Result {
        try requireSnapshot()
        return try withLock(.exclusive) {
            try catchUp()
            if let state = loaded, state.schemaVersion < schema.current {
                try rewriteSnapshot(state)
                try catchUp()
            }
            return try changeLoaded(change)
        }
    }

    /// `update`'s change, made to the cached workspace with the lock held.
    private func changeLoaded<Result>(_ change: (inout Workspace) throws -> Result) throws -> Result {
        // Taken out of the cache, the workspace has no other owner (unless the
        // caller kept a copy), so the change edits its tables in place.
        guard var state = loaded.take() else { preconditionFailure("catchUp() leaves a loaded state") }
        let baseline = WorkspaceBaseline(state.workspace)
        do {
            let result = try change(&state.workspace)
            switch WorkspaceChange(from: baseline, to: state.workspace, generation: state.generation) {
            case .nothing: loaded = state
            case .record(let record): try append(record, to: &state)
            case .wholeWorkspace where state.isPartial:
                // Only part of the workspace is here: the change is made again on all of it.
                _ = try reloadAll()
                return try changeLoaded(change)
            case .wholeWorkspace: try writeSnapshot(state.workspace, keepingBackupAt: nil)
            }
            return result
        } catch {
            // Changes that fail are common ("this move needs --run-actions"), so
            // undoing one costs what it touched; a swapped table needs a reload.
            if baseline.restore(&state.workspace) {
                loaded = state
            } else {
                _ = try? reloadAll()
            }
            throw error
        }
    }

    /// Picks up other processes' changes; cheap when there are none (two `stat`
    /// calls), so a board can call it several times a second. True when the
    /// workspace changed.
    public func refreshIfChanged() throws -> Bool {
        guard loaded != nil else {
            _ = try load()
            return true
        }
        if try FileSystem.stamp(of: snapshotPath) == loaded?.snapshot,
            try FileSystem.stamp(of: journalPath) == loaded?.journal
        {
            return false
        }
        return try withLock(.shared) { try catchUp() }
    }

    /// Writes `workspace` as a fresh snapshot with an empty journal. Refuses to
    /// replace an existing state unless `replacing`; then the old snapshot and
    /// journal are kept as `state.json.bak` and `state.json.bak.journal`.
    public func create(_ workspace: Workspace, replacing: Bool) throws {
        if exists && !replacing { throw StateFileError.alreadyExists(path: snapshotPath) }
        try FileSystem.makeFolder(containing: snapshotPath)
        try withLock(.exclusive) {
            let present = exists
            if present && !replacing { throw StateFileError.alreadyExists(path: snapshotPath) }
            try writeSnapshot(workspace, keepingBackupAt: present ? keptWhenReplaced : nil)
        }
    }

    public var keptWhenReplaced: String { snapshotPath + ".bak" }

    /// Folds the journal into a new snapshot now.
    public func compact() throws {
        try requireSnapshot()
        try withLock(.exclusive) {
            try catchUp()
            if let state = loaded { try rewriteSnapshot(state) }
        }
    }

    /// Folds the journal into a new snapshot if it outgrew what an idle caller
    /// folds (see `compactWhenIdleAfterBytes`); a `stat` or two when it did not.
    /// For callers with nothing else to do, since on a large workspace it holds
    /// the lock for over a second. True when it compacted.
    @discardableResult
    public func compactIfLarge() throws -> Bool {
        let journal = try FileSystem.stamp(of: journalPath)?.size ?? 0
        guard journal > compactWhenIdleAfterBytes / 16,
            let snapshot = try loaded?.snapshot.size ?? FileSystem.stamp(of: snapshotPath)?.size,
            journal > idleCompactionSize(snapshot: snapshot)
        else { return false }
        try requireSnapshot()
        return try withLock(.exclusive) {
            try catchUp()
            guard let state = loaded, state.journalEnd > idleCompactionSize(snapshot: state.snapshot.size) else { return false }
            try rewriteSnapshot(state)
            return true
        }
    }

    private func idleCompactionSize(snapshot: Int) -> Int {
        min(compactWhenIdleAfterBytes, max(compactWhenIdleAfterBytes / 16, snapshot / 4))
    }

    /// Reads everything and reports counts and the inconsistencies found.
    public func check() throws -> StateCheckReport {
        try requireSnapshot()
        return try withLock(.shared) {
            let (state, snapshot) = try reloadAll(readingEveryTimeline: true)
            return StateCheckReport(
                path: snapshotPath, state: state,
                duplicateIDs: SnapshotIDs.duplicates(in: snapshot.data, decoder: decoder))
        }
    }

    // MARK: Reading

    private func requireSnapshot() throws {
        guard exists else { throw StateFileError.missing(path: snapshotPath) }
    }

    private func withLock<Result>(_ kind: LockKind, _ body: () throws -> Result) throws -> Result {
        guard let lock = try openLock(for: kind) else { return try body() }
        return try lock.whileLocked(kind, timeout: lockTimeout, body)
    }

    /// Nil when reading from a read-only mount that has no lock file: nobody
    /// can change the state there, so reading needs no lock.
    private func openLock(for kind: LockKind) throws -> OpenFile? {
        do {
            // Read-only is enough for flock, and lets teammates lock a file another created.
            return try OpenFile(lockPath, flags: O_RDONLY | O_CREAT)
        } catch StateFileError.unwritable(_, let code) where code == EROFS && kind == .shared {
            return nil
        }
    }

    private var journalReader: JournalReader {
        JournalReader(path: journalPath, schema: schema, decoder: decoder)
    }

    /// Brings the cache up to date with the files, reading as little as possible:
    /// nothing when they are unchanged, only the journal's new tail when it grew,
    /// everything when the snapshot was replaced. True when the workspace changed.
    /// Call with the lock held.
    ///
    /// It works on `loaded` in place: a copy of the state would share the
    /// workspace's tables, and applying records would then copy each table touched.
    @discardableResult
    private func catchUp() throws -> Bool {
        guard let snapshot = loaded?.snapshot, let end = loaded?.journalEnd,
            try FileSystem.stamp(of: snapshotPath) == snapshot
        else { return try reloadEverything() }
        guard let journal = try OpenFile(ifPresent: journalPath, flags: O_RDONLY) else {
            // Only a new snapshot removes the journal, unless someone did it by hand.
            if loaded?.journal == nil { return false }
            return try reloadEverything()
        }
        let stamp = try journal.stamp()
        guard stamp.size >= end else { return try reloadEverything() }
        // Read from the last complete line even if the size looks familiar: a torn
        // line may have been cut off and replaced by a record of the same length.
        let changed = stamp.size > end ? try loaded!.absorb(journal.read(from: end), reader: journalReader) : false
        loaded?.journal = stamp
        return changed
    }

    private func reloadEverything() throws -> Bool {
        _ = try reloadAll()
        return true
    }

    /// `readingEveryTimeline` reads them even from a snapshot the store sealed.
    private func reloadAll(readingEveryTimeline: Bool = false) throws -> (state: LoadedState, snapshot: MappedFile) {
        guard let file = try OpenFile(ifPresent: snapshotPath, flags: O_RDONLY) else {
            throw StateFileError.missing(path: snapshotPath)
        }
        let text = try MappedFile(file)
        let stamp = try file.stamp()
        var storedTimelines: StoredTimelines?
        var arrays: SnapshotIndex.LargeArrays?
        if !readingEveryTimeline && SnapshotSeal.matches(stamp, at: snapshotPath) {
            storedTimelines = StoredTimelines(file, sealed: stamp)
            arrays = SnapshotIndex.largeArrays(at: snapshotPath, for: stamp)
        }
        let snapshot: Snapshot
        do {
            snapshot = try Snapshot.read(
                text, path: snapshotPath, schema: schema, decoder: decoder, storedTimelines: storedTimelines,
                arrays: arrays)
        } catch {
            // Changed in place with its time kept: no command may trust its seal or index
            // to read around the damage any more.
            SnapshotSeal.revoke(stamp, at: snapshotPath)
            throw error
        }
        // Consumed, the snapshot leaves the state the workspace's only owner, so
        // replaying the journal edits the tables in place instead of copying them.
        var state = LoadedState(consume snapshot, stamp: stamp)
        if let journal = try OpenFile(ifPresent: journalPath, flags: O_RDONLY) {
            state.journal = try journal.stamp()
            _ = try state.absorb(journal.read(from: 0), reader: journalReader)
        }
        loaded = state
        return (state, text)
    }

    /// The first step of `loadInStages()`, when the snapshot is sealed and its
    /// index says where the emails stand; nil otherwise, and whenever the quick
    /// reader cannot read it (the whole read then says why). Call with the lock held.
    private func reloadLeavingEmails() throws -> StagedLoad? {
        guard let file = try OpenFile(ifPresent: snapshotPath, flags: O_RDONLY) else { return nil }
        let stamp = try file.stamp()
        guard SnapshotSeal.matches(stamp, at: snapshotPath),
            let arrays = SnapshotIndex.largeArrays(at: snapshotPath, for: stamp), let emails = arrays.emails
        else { return nil }
        let text = try MappedFile(file)
        guard var snapshot = SnapshotReader.snapshot(
            in: text, schemaVersion: schema.current, decoder: decoder,
            storedTimelines: StoredTimelines(file, sealed: stamp), arrays: arrays, leavingEmails: true)
        else { return nil }
        let (journalStamp, lines) = try journalRecords(of: (snapshot.generation, snapshot.schemaVersion))
        var firstStep = LoadedState(snapshot, stamp: stamp)
        firstStep.absorb(lines)
        // The journal's own emails would be a few of them: none is clearer.
        firstStep.workspace.emails = EntityTable()
        return StagedLoad(withoutEmails: firstStep.workspace) { [self] in
            guard let table = SnapshotReader.emails(in: text, at: emails) else { return try load() }
            snapshot.workspace.emails = table
            var state = LoadedState(snapshot, stamp: stamp)
            state.journal = journalStamp
            state.absorb(lines)
            loaded = state
            return state.workspace
        }
    }

    /// The journal's stamp and its records that extend `snapshot` (its generation
    /// and schema), read whole; nothing when there is no journal.
    private func journalRecords(of snapshot: (generation: String, schemaVersion: Int)) throws
        -> (stamp: FileStamp?, lines: JournalReader.Lines)
    {
        guard let journal = try OpenFile(ifPresent: journalPath, flags: O_RDONLY) else { return (nil, JournalReader.Lines()) }
        return (try journal.stamp(), try journalReader.records(in: journal.read(from: 0), firstLine: 1, of: snapshot))
    }

    /// Reads the part of the workspace `texts` name through the snapshot's index;
    /// nil when there is no index for this snapshot, or a text does not name one
    /// candidate (the whole workspace then says why). Call with the lock held.
    private func reloadPart(_ texts: [String]) throws -> LoadedState? {
        guard let file = try OpenFile(ifPresent: snapshotPath, flags: O_RDONLY) else { return nil }
        let stamp = try file.stamp()
        guard let index = SnapshotIndex(at: snapshotPath, for: stamp), index.schemaVersion == schema.current
        else { return nil }
        let (journalStamp, lines) = try journalRecords(of: (index.generation, index.schemaVersion))
        guard let wanted = index.candidates(named: texts, after: lines.records) else { return nil }
        let text = try MappedFile(file)
        guard let workspace = index.workspace(
            of: wanted, in: text, decoder: decoder, storedTimelines: StoredTimelines(file, sealed: stamp))
        else { return nil }
        var state = LoadedState(
            Snapshot(schemaVersion: index.schemaVersion, generation: index.generation, workspace: workspace), stamp: stamp)
        state.isPartial = true
        state.journal = journalStamp
        state.absorb(lines)
        loaded = state
        return state
    }

    // MARK: Writing

    /// Changes `state` only once the record is durable.
    private func append(_ record: JournalRecord, to state: inout LoadedState) throws {
        var writer = JSONWriter(fallback: journalEncoder)
        try record.write(to: &writer)
        var line = Data(writer.bytes)
        line.append(UInt8(ascii: "\n"))
        let start = state.journalEnd
        let stamp = try appendLine(line, at: start, cuttingTornLine: state.journal.map { $0.size > start } ?? false)
        // The first record after a new snapshot created the journal, whose name
        // is only durable once the folder is synced.
        if start == 0 { try FileSystem.syncFolder(containing: journalPath) }
        state.journal = stamp
        state.workspace.forgetChanges()
        state.journalEnd = start + line.count
        state.journalLines += 1
        state.records += 1
        loaded = state
        // Only once the journal has also outgrown the snapshot: a rewrite then costs no
        // more than the changes that led to it, so many large changes in a row (bulk
        // moves of thousands) stay linear instead of each paying for the whole file.
        if state.journalEnd > max(compactAfterBytes, state.snapshot.size) {
            // The change is already durable in the journal, so a failed compaction
            // must not report the update as failed; the next update tries again.
            try? rewriteSnapshot(state)
        }
    }

    /// Writes one journal line durably. The journal is open for writing only
    /// while this runs, not during a compaction after it: a file held open for
    /// writing keeps its file system from being remounted read-only.
    private func appendLine(_ line: Data, at start: Int, cuttingTornLine: Bool) throws -> FileStamp {
        let journal = try OpenFile(journalPath, flags: O_WRONLY | O_CREAT)
        do {
            // Cuts off a torn line left by a writer that died mid-append.
            if cuttingTornLine { try journal.truncate(to: start) }
            if start == 0 { journal.giveToFolderOwner() }
            try journal.write(line, at: start)
            try journal.sync()
            return try journal.stamp()
        } catch {
            // Best effort: leave no partial record behind; a reader ignores one anyway.
            try? journal.truncate(to: start)
            throw error
        }
    }

    /// Folds the journal into a new snapshot. A snapshot of an older schema is
    /// kept, with its journal, as `state.json.v<N>.bak` first.
    private func rewriteSnapshot(_ state: LoadedState) throws {
        // A workspace read in part is read whole first: only all of it may replace the snapshot.
        let state = state.isPartial ? try reloadAll().state : state
        let backup = state.schemaVersion < schema.current ? "\(snapshotPath).v\(state.schemaVersion).bak" : nil
        try writeSnapshot(state.workspace, keepingBackupAt: backup)
    }

    /// Replaces the snapshot atomically with one of a new generation and removes
    /// the journal: temporary file in the same folder, write, fsync, rename over
    /// the snapshot, fsync the folder. A crash before the rename leaves the old
    /// state; after it, the old journal's records belong to the old generation
    /// and are ignored.
    private func writeSnapshot(_ workspace: Workspace, keepingBackupAt backup: String?) throws {
        let snapshot = Snapshot(schemaVersion: schema.current, generation: UUID().uuidString, workspace: workspace)
        var writer = JSONWriter(fallback: snapshotEncoder, capacity: loaded?.snapshot.size ?? 1 << 20)
        var index = SnapshotIndex.Recorder()
        try snapshot.write(to: &writer, recording: &index)
        let data = writer.bytes
        let permissions = try FileSystem.stamp(of: snapshotPath)?.permissions
        // A fixed name is safe: only the lock holder writes it, and it clears what a crash left.
        let temporary = snapshotPath + ".tmp"
        let stamp: FileStamp
        do {
            let file = try OpenFile(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC)
            // Keep the mode a team gave the file (group-writable, say).
            if let permissions { try file.setPermissions(permissions) }
            file.giveToFolderOwner()
            try file.write(data, at: 0)
            try file.sync()
            stamp = try file.stamp()
        } catch {
            // Best effort: the next snapshot write truncates it anyway.
            try? FileSystem.removeIfPresent(temporary)
            throw error
        }
        if let backup { try keepBackup(at: backup) }
        try FileSystem.rename(temporary, to: snapshotPath)
        try FileSystem.syncFolder(containing: snapshotPath)
        // Removed, not truncated: a backup may share the file through a hard link.
        try FileSystem.removeIfPresent(journalPath)
        loaded = LoadedState(snapshot, stamp: stamp)
        let indexStamp = SnapshotIndex.write(
            index.text(of: snapshot, stamp: stamp), beside: snapshotPath, permissions: stamp.permissions)
        if SnapshotSeal.record(stamp, index: indexStamp, at: snapshotPath) {
            // Read back, timelines are left in the new file until needed. The workspace
            // written may still read them from the snapshot just replaced, which would
            // stay on disk, unseen, as long as this process kept it open.
            _ = try? reloadAll()
        }
    }

    /// Hard links keep the current snapshot and journal under the backup's names;
    /// `StateFile(path: backup)` opens the backup as it was.
    private func keepBackup(at backup: String) throws {
        try FileSystem.removeIfPresent(backup)
        try FileSystem.removeIfPresent(backup + ".journal")
        try FileSystem.linkIfPresent(snapshotPath, as: backup)
        try FileSystem.linkIfPresent(journalPath, as: backup + ".journal")
    }
}

@available(*, unavailable, message: "A StateFile caches the workspace for one owner; give each thread its own.")
extension StateFile: Sendable {}
