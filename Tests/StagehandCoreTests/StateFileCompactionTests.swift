import Foundation
import Testing
@testable import StagehandCore

@Suite struct StateFileCompactionTests {
    private func addNote(_ text: String, with file: StateFile) throws {
        try file.update { workspace in
            let note = StoreFixtures.note(text, id: workspace.makeID("note"))
            workspace.candidates.modify("cand-1") { $0.timeline.append(note) }
        }
    }

    private func generation(in folder: ScratchFolder) throws -> String? {
        let object = try JSONSerialization.jsonObject(with: folder.bytes("state.json") ?? Data()) as? [String: Any]
        return object?["generation"] as? String
    }

    @Test func aLongJournalIsFoldedIntoANewSnapshotGeneration() throws {
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath, compactAfterBytes: 3_000)
        try file.create(StoreFixtures.workspace, replacing: false)
        let firstGeneration = try generation(in: folder)

        for number in 1...30 { try addNote("note \(number)", with: file) }

        #expect(try generation(in: folder) != firstGeneration)
        let snapshot = folder.bytes("state.json")?.count ?? 0
        #expect((folder.bytes("state.json.journal")?.count ?? 0) <= max(3_000, snapshot), "folded once past the backstop and the snapshot")
        let reloaded = try StateFile(path: folder.statePath).load()
        #expect(reloaded == file.workspace)
        #expect(reloaded.candidates["cand-1"]?.timeline.count == 31)
    }

    @Test func aChangeFoldsTheJournalOnlyOnceItOutgrewTheSnapshotToo() throws {
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath, compactAfterBytes: 500)
        try file.create(StoreFixtures.workspace, replacing: false)
        let firstGeneration = try generation(in: folder)
        let snapshotSize = try #require(folder.bytes("state.json")?.count)
        #expect(snapshotSize > 500, "the case this is about: a snapshot larger than the backstop")

        var number = 0
        while (folder.bytes("state.json.journal")?.count ?? 0) + 400 < snapshotSize {
            number += 1
            try addNote("note \(number)", with: file)
        }
        #expect(try generation(in: folder) == firstGeneration, "past the backstop but smaller than the snapshot: kept")
        for _ in 0..<20 {
            number += 1
            try addNote("note \(number)", with: file)
        }
        #expect(try generation(in: folder) != firstGeneration, "larger than the snapshot: folded")
        #expect(try StateFile(path: folder.statePath).load().candidates["cand-1"]?.timeline.count == number + 1)
    }

    @Test func aCandidateChangedHundredsOfTimesKeepsTheJournalNearTheSnapshotsSize() throws {
        // Each record holds the candidate's whole history, so its lines grow with
        // every note: 300 of them journal over 5 MB beside a 219 KB snapshot.
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath)
        let sample = SampleWorkspace.make(now: StoreFixtures.start, currentLogin: "ben")
        try file.create(sample, replacing: false)
        let candidate = try #require(sample.candidates.first?.id)
        var largest = 0
        for number in 1...300 {
            try file.update { workspace in
                let note = StoreFixtures.note("note \(number)", id: workspace.makeID("note"))
                workspace.candidates.modify(candidate) { $0.timeline.append(note) }
            }
            largest = max(largest, folder.bytes("state.json.journal")?.count ?? 0)
        }

        let snapshot = try #require(folder.bytes("state.json")?.count)
        #expect(largest <= max(1 << 20, snapshot) + 64 << 10, "folded once past a megabyte and the snapshot")
        let reloaded = try StateFile(path: folder.statePath).load()
        #expect(reloaded == file.workspace)
        #expect(reloaded.candidates[candidate]?.timeline.count == (sample.candidates[candidate]?.timeline.count ?? 0) + 300)
    }

    @Test func anIdleCallerFoldsAJournalPastAQuarterOfASmallSnapshot() throws {
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath, compactAfterBytes: 1 << 30, compactWhenIdleAfterBytes: 1 << 30)
        try file.create(StoreFixtures.workspace, replacing: false)
        let snapshot = try #require(folder.bytes("state.json")?.count)
        var number = 0
        while (folder.bytes("state.json.journal")?.count ?? 0) <= snapshot / 4 {
            number += 1
            try addNote("note \(number)", with: file)
        }
        let idle = StateFile(path: folder.statePath, compactWhenIdleAfterBytes: 4 * snapshot)

        #expect(try idle.compactIfLarge() == true, "a quarter of the snapshot, though below the idle size")
        #expect(!folder.exists("state.json.journal"))
        #expect(try StateFile(path: folder.statePath).load().candidates["cand-1"]?.timeline.count == number + 1)
    }

    @Test func updatesLeaveAJournalPastTheIdleSizeToCompactIfLarge() throws {
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath, compactAfterBytes: 1 << 20, compactWhenIdleAfterBytes: 3_000)
        try file.create(StoreFixtures.workspace, replacing: false)
        let firstGeneration = try generation(in: folder)
        #expect(try file.compactIfLarge() == false)

        for number in 1...30 { try addNote("note \(number)", with: file) }
        #expect(try generation(in: folder) == firstGeneration)
        #expect(folder.journalLines().count == 30)

        let other = StateFile(path: folder.statePath, compactWhenIdleAfterBytes: 3_000)
        #expect(try other.compactIfLarge() == true)
        #expect(try generation(in: folder) != firstGeneration)
        #expect(!folder.exists("state.json.journal"))
        #expect(try other.compactIfLarge() == false)
        #expect(try StateFile(path: folder.statePath).load() == file.workspace)
        #expect(try StateFile(path: folder.statePath).load().candidates["cand-1"]?.timeline.count == 31)
    }

    @Test func compactIfLargeLeavesASmallJournalAlone() throws {
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath, compactWhenIdleAfterBytes: 1 << 20)
        try file.create(StoreFixtures.workspace, replacing: false)
        try addNote("kept in the journal", with: file)

        #expect(try file.compactIfLarge() == false)
        #expect(folder.journalLines().count == 1)
    }

    @Test func journalRecordsOfAnOlderGenerationAreIgnored() throws {
        // A compaction that died after renaming the new snapshot into place but
        // before removing the journal leaves the old generation's records behind.
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath)
        try file.create(StoreFixtures.workspace, replacing: false)
        for number in 1...3 { try addNote("note \(number)", with: file) }
        let oldJournal = try #require(folder.bytes("state.json.journal"))
        try file.compact()
        try oldJournal.write(to: folder.url.appendingPathComponent("state.json.journal"))

        let reader = StateFile(path: folder.statePath)
        #expect(try reader.load() == file.workspace)
        try addNote("note 4", with: reader)

        let notes = try StateFile(path: folder.statePath).load().candidates["cand-1"]?.timeline.map(\.text)
        #expect(notes == ["Applied", "note 1", "note 2", "note 3", "note 4"])
        #expect(try StateFile(path: folder.statePath).check().journalRecords == 1)
    }

    @Test func aTemporaryFileLeftByADeadCompactionChangesNothing() throws {
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath)
        try file.create(StoreFixtures.workspace, replacing: false)
        try addNote("kept", with: file)
        try folder.write("{\"schemaVersion\": 1, \"gener", to: "state.json.tmp")

        #expect(try StateFile(path: folder.statePath).load() == file.workspace)
        try file.compact()
        #expect(!folder.exists("state.json.tmp"))
        #expect(try StateFile(path: folder.statePath).load() == file.workspace)
    }
}
