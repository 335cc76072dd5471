import Foundation
import Testing
@testable import StagehandCore

/// `loadInStages()`: a board's first frame from everything but the emails, then
/// exactly what `load()` reads.
@Suite struct StagedLoadTests {
    private static func largeWorkspace(in folder: ScratchFolder) throws -> StateFile {
        let file = StateFile(path: folder.statePath)
        try file.create(SampleWorkspace.makeLarge(candidates: 400, now: StoreFixtures.start), replacing: false)
        return file
    }

    /// Changes since the snapshot, journaled by another process: a move (with its
    /// emails and runs) and a note.
    private static func changeByAnother(_ folder: ScratchFolder) throws {
        let other = StateFile(path: folder.statePath)
        let workspace = try other.load()
        let job = workspace.setup.jobs[0]
        let someone = try #require(workspace.candidates.first { $0.placement(in: job.id)?.stage == job.pipeline[0].id })
        try other.update { workspace in
            let request = MoveRequest(candidates: [someone.id], job: job.id, target: job.pipeline[1].id, mover: "ana")
            let outcome = try workspace.move(request, choice: .runActions, grace: 0, now: StoreFixtures.start)
            workspace.advanceRuns(now: StoreFixtures.start, only: Set(outcome.runs))
        }
    }

    @Test func theFirstStepHasEverythingButTheEmailsAndTheSecondWhatLoadReads() throws {
        let folder = try ScratchFolder()
        _ = try Self.largeWorkspace(in: folder)
        try Self.changeByAnother(folder)
        let whole = try StateFile(path: folder.statePath).load()
        try #require(!whole.emails.isEmpty)

        let store = StateFile(path: folder.statePath)
        let staged = try store.loadInStages()
        var expected = whole
        expected.emails = EntityTable()
        expected.forgetChanges()
        var first = staged.withoutEmails
        first.forgetChanges()
        #expect(first == expected)
        #expect(try staged.finish() == whole)
        #expect(store.workspace == whole)
    }

    @Test func aChangeAfterTheSecondStepIsJournaledOnTheWholeWorkspace() throws {
        let folder = try ScratchFolder()
        _ = try Self.largeWorkspace(in: folder)
        let store = StateFile(path: folder.statePath)
        _ = try store.loadInStages().finish()
        let id = store.workspace.candidates[7].id
        try store.update { $0.candidates.modify(id) { $0.tags.append("staged") } }
        let again = try StateFile(path: folder.statePath).load()
        #expect(again.candidates[id]?.tags.contains("staged") == true)
        #expect(again.emails.count == store.workspace.emails.count)
    }

    @Test func withoutAnIndexEverythingComesInTheFirstStep() throws {
        let folder = try ScratchFolder()
        _ = try Self.largeWorkspace(in: folder)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("state.json.index"))
        let whole = try StateFile(path: folder.statePath).load()
        let staged = try StateFile(path: folder.statePath).loadInStages()
        #expect(staged.withoutEmails == whole)
        #expect(try staged.finish() == whole)
    }

    /// An index changed in place with its size and time kept (so the seal still
    /// names it) to put the emails on another array that reads as emails, an
    /// empty one: the first step reads them where they are, and the second never
    /// replaces them. Found by a newcomer: a board then folded a snapshot without them.
    @Test func anIndexPointingTheEmailsElsewhereNeverReplacesThem() throws {
        let folder = try ScratchFolder()
        _ = try Self.largeWorkspace(in: folder)
        let whole = try StateFile(path: folder.statePath).load()
        try #require(!whole.emails.isEmpty)
        let snapshot = String(decoding: try #require(folder.bytes("state.json")), as: UTF8.self)
        let runs = try #require(snapshot.utf8.firstRange(of: "\"actionRuns\" : [\n\n    ]".utf8))
        let start = snapshot.utf8.distance(from: snapshot.utf8.startIndex, to: runs.upperBound) - 8
        let end = snapshot.utf8.distance(from: snapshot.utf8.startIndex, to: runs.upperBound)
        let index = String(decoding: try #require(folder.bytes("state.json.index")), as: UTF8.self)
        let emails = try #require(index.range(of: #""emails":\[[0-9]+,[0-9]+\]"#, options: .regularExpression))
        var elsewhere = "\"emails\":[\(start),\(end)"
        elsewhere += String(repeating: " ", count: index[emails].utf8.count - elsewhere.utf8.count - 1) + "]"
        try Self.rewriteInPlace(folder.url.appendingPathComponent("state.json.index").path, index.replacingCharacters(in: emails, with: elsewhere))
        try #require(SnapshotIndex.largeArrays(at: folder.statePath.path, for: try OpenFile(folder.statePath.path, flags: O_RDONLY).stamp())?.emails == start..<end)

        let store = StateFile(path: folder.statePath)
        #expect(try store.loadInStages().finish() == whole)
        #expect(store.workspace.emails.count == whole.emails.count)
    }

    /// Writes `text` over the file at `path` in place, keeping its time.
    private static func rewriteInPlace(_ path: String, _ text: String) throws {
        let descriptor = open(path, O_WRONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var before = stat()
        fstat(descriptor, &before)
        try #require(Int(before.st_size) == text.utf8.count)
        let written = Array(text.utf8).withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        try #require(written == text.utf8.count)
        var times = [before.st_atim, before.st_mtim]
        try #require(futimens(descriptor, &times) == 0)
    }

    /// An email changed in place with the file's time kept: the first step never
    /// reads it; the second finds it unreadable and reads the whole file, which says
    /// what is wrong. Nothing half-read is kept.
    @Test func emailsThatCannotBeReadMakeTheSecondStepSayWhatIsWrong() throws {
        let folder = try ScratchFolder()
        let file = try Self.largeWorkspace(in: folder)
        let email = try #require(file.workspace.emails.last)
        try folder.rewriteSnapshotInPlace("\"\(email.id.rawValue)\"", with: "[\(String(repeating: " ", count: email.id.rawValue.utf8.count))]", keepingModificationTime: true)
        let store = StateFile(path: folder.statePath)
        let staged = try store.loadInStages()
        #expect(staged.withoutEmails.emails.isEmpty)
        #expect(throws: StateFileError.self) { try staged.finish() }
    }
}
