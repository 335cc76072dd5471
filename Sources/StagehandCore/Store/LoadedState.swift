import Foundation

/// What a `StateFile` last read: the workspace, and how far into the files it
/// has read, so the next look only reads what is new.
struct LoadedState {
    var workspace: Workspace
    var snapshot: FileStamp
    var generation: String
    /// The schema of the snapshot on disk; older than current means the next writer upgrades it.
    var schemaVersion: Int
    /// The journal as last seen (nil: there was none), for a cheap "anything new?" when polling.
    var journal: FileStamp?
    /// The end of the last complete journal line read; the next read starts here.
    var journalEnd = 0
    var journalLines = 0
    /// Records of this snapshot's generation in the journal.
    var records = 0
    /// Only some candidates were read (`StateFile.load(candidatesNamed:)`): the
    /// workspace may be journaled, never written whole.
    var isPartial = false

    init(_ snapshot: consuming Snapshot, stamp: FileStamp) {
        generation = snapshot.generation
        schemaVersion = snapshot.schemaVersion
        self.snapshot = stamp
        workspace = snapshot.workspace
        workspace.forgetChanges()
    }

    /// Applies the complete records in `tail` — the journal from `journalEnd` on —
    /// that extend this snapshot, and answers whether there were any.
    mutating func absorb(_ tail: Data, reader: JournalReader) throws -> Bool {
        absorb(try reader.records(in: tail, firstLine: journalLines + 1, of: (generation, schemaVersion)))
    }

    /// Applies records already read from the journal from `journalEnd` on.
    @discardableResult
    mutating func absorb(_ lines: JournalReader.Lines) -> Bool {
        for record in lines.records { record.apply(to: &workspace) }
        records += lines.records.count
        journalEnd += lines.bytes
        journalLines += lines.count
        workspace.forgetChanges()
        return !lines.records.isEmpty
    }
}
