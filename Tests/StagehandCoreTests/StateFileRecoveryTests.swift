import Foundation
import Testing
@testable import StagehandCore

/// A writer killed mid-append leaves a last journal line without its newline.
@Suite struct StateFileRecoveryTests {
    @Test func aTornLastLineIsIgnoredAndCutOffByTheNextWriter() throws {
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath)
        try file.create(StoreFixtures.workspace, replacing: false)
        try file.update { $0.candidates.modify("cand-1") { $0.tags = ["first"] } }
        let committed = file.workspace
        let journalPath = folder.url.appendingPathComponent("state.json.journal")
        let intact = try #require(folder.bytes("state.json.journal"))
        // Torn while appending a record longer than the one that will follow it.
        let long = String(repeating: "long ", count: 200)
        try file.update { $0.candidates.modify("cand-1") { $0.tags = [long] } }
        let tornRecord = try #require(folder.bytes("state.json.journal")).dropFirst(intact.count).dropLast(10)
        try (intact + tornRecord).write(to: journalPath)

        let reader = StateFile(path: folder.statePath)
        #expect(try reader.load() == committed)
        #expect(try reader.refreshIfChanged() == false)

        try reader.update { $0.candidates.modify("cand-2") { $0.tags = ["second"] } }
        let journal = try #require(folder.bytes("state.json.journal"))
        #expect(journal.prefix(intact.count) == intact)
        #expect(journal.last == UInt8(ascii: "\n"))
        #expect(folder.journalLines().count == 2)
        let reloaded = try StateFile(path: folder.statePath).load()
        #expect(reloaded.candidates["cand-1"]?.tags == ["first"])
        #expect(reloaded.candidates["cand-2"]?.tags == ["second"])
    }

    @Test func anInstanceThatSawATornLineStillSeesTheRecordThatReplacedIt() throws {
        let folder = try ScratchFolder()
        let writer = StateFile(path: folder.statePath)
        try writer.create(StoreFixtures.workspace, replacing: false)
        try writer.update { $0.candidates.modify("cand-1") { $0.tags = ["a"] } }
        let intact = try #require(folder.bytes("state.json.journal"))
        // A torn line exactly as long as the record that will replace it.
        var torn = intact
        torn.append(Data(repeating: UInt8(ascii: "x"), count: intact.count))
        try torn.write(to: folder.url.appendingPathComponent("state.json.journal"))
        let board = StateFile(path: folder.statePath)
        _ = try board.load()

        try writer.update { $0.candidates.modify("cand-1") { $0.tags = ["b"] } }

        #expect(folder.bytes("state.json.journal")?.count == torn.count)
        try board.update { $0.candidates.modify("cand-2") { $0.tags = ["c"] } }
        #expect(board.workspace.candidates["cand-1"]?.tags == ["b"])
    }
}
