import Foundation
import Testing
@testable import StagehandCore

@Suite struct StateFileTests {
    @Test func roundTripsThroughAnEnvelopedPrettySnapshot() throws {
        let folder = try ScratchFolder()
        let workspace = StoreFixtures.workspace
        try StateFile(path: folder.statePath).create(workspace, replacing: false)

        #expect(try StateFile(path: folder.statePath).load() == workspace)
        let text = String(decoding: folder.bytes("state.json") ?? Data(), as: UTF8.self)
        let envelope = try #require(
            try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(envelope["schemaVersion"] as? Int == StateFile.currentSchemaVersion)
        #expect(UUID(uuidString: envelope["generation"] as? String ?? "") != nil)
        #expect(envelope["workspace"] is [String: Any])
        #expect(text.contains("\n  \"schemaVersion\" : \(StateFile.currentSchemaVersion)"))
        let keys = ["\"generation\"", "\"schemaVersion\"", "\"workspace\""].compactMap { text.range(of: $0)?.lowerBound }
        #expect(keys == keys.sorted() && keys.count == 3)
        #expect(text.contains("\"enteredAt\" : \"2024-05-01T08:00:00Z\""))
    }

    @Test func anUpdateAppendsOneJournalLineThatAnotherInstanceReplays() throws {
        let folder = try ScratchFolder()
        let writer = StateFile(path: folder.statePath)
        try writer.create(StoreFixtures.workspace, replacing: false)
        let snapshot = folder.bytes("state.json")

        let result = try writer.update { workspace in
            workspace.candidates.modify("cand-1") { $0.placements[0].stage = "screen" }
            workspace.candidates.upsert(StoreFixtures.candidate(workspace.makeID("cand"), "Dora Melo"))
            workspace.tasks.modify("task-3") { $0.done = true }
            workspace.emails.remove("email-1")
            workspace.setup.companyName = "Acme Ltd"
            return "moved"
        }

        #expect(result == "moved")
        #expect(folder.bytes("state.json") == snapshot)
        let lines = folder.journalLines()
        try #require(lines.count == 1)
        #expect(lines[0].contains("\"companyName\":\"Acme Ltd\""))
        let reloaded = try StateFile(path: folder.statePath).load()
        #expect(reloaded == writer.workspace)
        #expect(reloaded.candidates["cand-1"]?.placements[0].stage == "screen")
        #expect(reloaded.candidates["cand-4"]?.name == "Dora Melo")
        #expect(reloaded.emails.isEmpty)
        #expect(reloaded.counter == 4)
    }

    @Test func theSetupIsOnlyJournaledWhenItChanged() throws {
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath)
        try file.create(StoreFixtures.workspace, replacing: false)
        try file.update { $0.candidates.modify("cand-2") { $0.tags = ["python"] } }
        let line = try #require(folder.journalLines().first)
        #expect(!line.contains("\"setup\""))
        #expect(line.contains("\"cand-2\"") && !line.contains("\"cand-1\""))
    }

    @Test func aChangeThatThrowsWritesNothingAndKeepsTheCachedState() throws {
        struct Refused: Error {}
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath)
        try file.create(StoreFixtures.workspace, replacing: false)

        #expect(throws: Refused.self) {
            try file.update { workspace in
                workspace.candidates.remove("cand-1")
                throw Refused()
            }
        }
        #expect(file.workspace == StoreFixtures.workspace)
        #expect(!folder.exists("state.json.journal"))
        #expect(try StateFile(path: folder.statePath).load() == StoreFixtures.workspace)
    }

    @Test func aChangeThatTouchesNothingWritesNothing() throws {
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath)
        try file.create(StoreFixtures.workspace, replacing: false)
        let count = try file.update { $0.candidates.count }
        #expect(count == 2)
        #expect(!folder.exists("state.json.journal"))
    }

    @Test func twoInstancesTakingTurnsLoseNothing() throws {
        let folder = try ScratchFolder()
        let first = StateFile(path: folder.statePath)
        let second = StateFile(path: folder.statePath)
        try first.create(StoreFixtures.workspace, replacing: false)
        _ = try second.load()

        for round in 1...20 {
            for (name, file) in [("first", first), ("second", second)] {
                try file.update { workspace in
                    let note = StoreFixtures.note("\(name) \(round)", id: workspace.makeID("note"))
                    workspace.candidates.modify("cand-1") { $0.timeline.append(note) }
                }
            }
        }

        _ = try first.refreshIfChanged()
        let notes = first.workspace.candidates["cand-1"]?.timeline.filter { $0.kind == .note }.map(\.text) ?? []
        #expect(notes.count == 40)
        #expect(Set(notes).count == 40)
        #expect(first.workspace == second.workspace)
        #expect(try StateFile(path: folder.statePath).load() == first.workspace)
    }

    @Test func refreshReportsOnlyNewChanges() throws {
        let folder = try ScratchFolder()
        let writer = StateFile(path: folder.statePath)
        try writer.create(StoreFixtures.workspace, replacing: false)
        let board = StateFile(path: folder.statePath)
        _ = try board.load()

        #expect(try board.refreshIfChanged() == false)
        try writer.update { $0.candidates.modify("cand-2") { $0.placements[0].stage = "interview" } }
        #expect(try board.refreshIfChanged() == true)
        #expect(board.workspace.candidates["cand-2"]?.placements[0].stage == "interview")
        #expect(try board.refreshIfChanged() == false)
        try writer.compact()
        #expect(try board.refreshIfChanged() == true)
        #expect(board.workspace == writer.workspace)
    }

    @Test func replayKeepsTheWritersOrderWhenAnEntityIsRemovedAndAddedAgain() throws {
        let folder = try ScratchFolder()
        let writer = StateFile(path: folder.statePath)
        try writer.create(StoreFixtures.workspace, replacing: false)
        try writer.update { workspace in
            let first = workspace.candidates["cand-1"]!
            workspace.candidates.remove("cand-1")
            workspace.candidates.upsert(StoreFixtures.candidate("cand-9", "Eva Prado"))
            workspace.candidates.upsert(first)
        }
        #expect(writer.workspace.candidates.map(\.id) == ["cand-2", "cand-9", "cand-1"])
        #expect(try StateFile(path: folder.statePath).load() == writer.workspace)
    }

    @Test func aTableReplacedWholesaleIsSavedAsANewSnapshot() throws {
        let folder = try ScratchFolder()
        let writer = StateFile(path: folder.statePath)
        try writer.create(StoreFixtures.workspace, replacing: false)
        try writer.update { $0.candidates = EntityTable([StoreFixtures.candidate("cand-7", "Gil Sousa")]) }
        #expect(!folder.exists("state.json.journal"))
        #expect(try StateFile(path: folder.statePath).load().candidates.map(\.id) == ["cand-7"])
    }

    @Test func createRefusesAnExistingFileUnlessReplacingAndThenKeepsABackup() throws {
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath)
        try file.create(StoreFixtures.workspace, replacing: false)
        try file.update { $0.candidates.remove("cand-2") }
        let before = file.workspace

        #expect(throws: StateFileError.alreadyExists(path: folder.statePath.path)) {
            try file.create(Workspace(setup: WorkspaceSetup(companyName: "New")), replacing: false)
        }
        try file.create(Workspace(setup: WorkspaceSetup(companyName: "New")), replacing: true)

        #expect(try StateFile(path: folder.statePath).load().setup.companyName == "New")
        #expect(!folder.exists("state.json.journal"))
        let backup = folder.url.appendingPathComponent("state.json.bak")
        #expect(try StateFile(path: backup).load() == before)
    }

    @Test func createMakesTheFolder() throws {
        let folder = try ScratchFolder()
        let path = folder.url.appendingPathComponent("a/b/state.json")
        try StateFile(path: path).create(StoreFixtures.workspace, replacing: false)
        #expect(try StateFile(path: path).load() == StoreFixtures.workspace)
    }

    @Test func aWriterWaitsForTheLockAndGivesUpWithASentence() throws {
        let folder = try ScratchFolder()
        let holder = StateFile(path: folder.statePath)
        try holder.create(StoreFixtures.workspace, replacing: false)
        let waiter = StateFile(path: folder.statePath)
        waiter.lockTimeout = .milliseconds(200)

        try holder.update { _ in
            #expect(throws: StateFileError.lockTimeout(path: folder.statePath.path + ".lock")) {
                try waiter.update { $0.counter += 1 }
            }
        }
        try waiter.update { $0.counter += 1 }
        #expect(try StateFile(path: folder.statePath).load().counter == 4)
    }
}

/// A change edits the cached workspace in place; these are the ways it can go wrong.
@Suite struct StateFileChangeTests {
    struct Refused: Error {}

    @Test func aRefusedChangeThatTouchedEveryTableLeavesTheCacheAsItWas() throws {
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath)
        try file.create(StoreFixtures.workspace, replacing: false)
        try file.update { $0.candidates.modify("cand-2") { $0.tags = ["kept"] } }
        let before = file.workspace

        #expect(throws: Refused.self) {
            try file.update { workspace in
                workspace.setup.companyName = "Changed"
                workspace.counter += 10
                workspace.candidates.modify("cand-1") { $0.name = "Changed" }
                workspace.candidates.upsert(StoreFixtures.candidate(workspace.makeID("cand"), "New"))
                workspace.tasks.remove("task-3")
                workspace.emails.remove("email-1")
                throw Refused()
            }
        }

        #expect(file.workspace == before)
        #expect(file.workspace.emails.records(of: "cand-2").map(\.id) == ["email-1"])
        try file.update { $0.candidates.modify("cand-1") { $0.tags = ["after"] } }
        #expect(try StateFile(path: folder.statePath).load() == file.workspace)
        #expect(file.workspace.setup.companyName == "Acme")
    }

    @Test func aRefusedChangeThatSwappedATableLeavesTheCacheAsItWas() throws {
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath)
        try file.create(StoreFixtures.workspace, replacing: false)
        let before = file.workspace

        #expect(throws: Refused.self) {
            try file.update { workspace in
                workspace.candidates = EntityTable([StoreFixtures.candidate("cand-7", "Gil Sousa")])
                throw Refused()
            }
        }

        #expect(file.workspace == before)
    }

    @Test func aTableFromBeforeTheLastUpdatePutBackIsSavedAsANewSnapshot() throws {
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath)
        try file.create(StoreFixtures.workspace, replacing: false)
        let old = file.workspace.candidates
        try file.update { $0.candidates.remove("cand-2") }

        try file.update { $0.candidates = old }

        #expect(!folder.exists("state.json.journal"))
        #expect(try StateFile(path: folder.statePath).load().candidates.map(\.id) == ["cand-1", "cand-2"])
    }

    @Test func aCopyTakenDuringTheChangeAndPutBackIsJournaled() throws {
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath)
        try file.create(StoreFixtures.workspace, replacing: false)

        try file.update { workspace in
            workspace.candidates.modify("cand-1") { $0.tags = ["kept"] }
            let halfway = workspace.candidates
            workspace.candidates.remove("cand-2")
            workspace.candidates = halfway
        }

        #expect(folder.journalLines().count == 1)
        let reloaded = try StateFile(path: folder.statePath).load()
        #expect(reloaded == file.workspace)
        #expect(reloaded.candidates.map(\.id) == ["cand-1", "cand-2"])
        #expect(reloaded.candidates["cand-1"]?.tags == ["kept"])
    }
}
