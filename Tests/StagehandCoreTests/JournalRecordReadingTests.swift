import Foundation
import Testing
@testable import StagehandCore

/// Journal records are replayed with JSONReader; records it does not read (an
/// older Stagehand wrote keys unsorted) still replay through JSONDecoder.
@Suite struct JournalRecordReadingTests {
    /// A store holding the busy workspace, and the journal line of one change to every table and the setup.
    private static func journalLineOfABigChange() throws -> (folder: ScratchFolder, file: StateFile, line: String) {
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath)
        try file.create(try CodableTests.busyWorkspace(), replacing: false)
        try file.update { workspace in
            workspace.setup.companyName = "Renamed"
            let candidate = workspace.candidates[0].id
            workspace.candidates.modify(candidate) { $0.tags.append("changed") }
            workspace.candidates.remove(workspace.candidates[1].id)
            if let task = workspace.tasks.first?.id { workspace.tasks.modify(task) { $0.done = true } }
            if let request = workspace.evaluationRequests.first?.id { workspace.evaluationRequests.remove(request) }
            if let email = workspace.emails.first?.id { workspace.emails.modify(email) { $0.subject = "Changed" } }
            workspace.actionRuns.modify("run-every") { $0.steps[0].state = .done }
        }
        return (folder, file, try #require(folder.journalLines().first))
    }

    @Test func aRecordTouchingEveryTableReadsAsJSONDecoderReadsIt() throws {
        let (_, _, line) = try Self.journalLineOfABigChange()
        var text = line
        let quick = try text.withUTF8 { buffer in
            var json = JSONReader(UnsafeRawBufferPointer(buffer), decoder: CodableTests.decoder())
            return try json.read(JournalRecord.self)
        }
        let decoded = try CodableTests.decoder().decode(JournalRecord.self, from: Data(line.utf8))

        var viaQuick = try CodableTests.busyWorkspace()
        var viaDecoder = viaQuick
        quick.apply(to: &viaQuick)
        decoded.apply(to: &viaDecoder)
        #expect(viaQuick == viaDecoder)
        #expect(quick.generation == decoded.generation && quick.counter == decoded.counter)
        #expect(quick.setup?.companyName == "Renamed")
    }

    @Test func aRecordWithUnsortedKeysIsReplayedByJSONDecoder() throws {
        let (folder, file, line) = try Self.journalLineOfABigChange()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let fields = try object.keys.sorted().reversed().map { key in
            let value = try JSONSerialization.data(withJSONObject: object[key]!, options: [.fragmentsAllowed])
            return "\"\(key)\":" + String(decoding: value, as: UTF8.self)
        }
        var unsorted = "{" + fields.joined(separator: ",") + "}"
        let journal = folder.url.appendingPathComponent("state.json.journal")
        try (unsorted + "\n").write(to: journal, atomically: true, encoding: .utf8)

        #expect(throws: JSONReader.Unreadable.self) {
            try unsorted.withUTF8 { buffer in
                var json = JSONReader(UnsafeRawBufferPointer(buffer), decoder: CodableTests.decoder())
                return try json.read(JournalRecord.self)
            }
        }
        #expect(try StateFile(path: folder.statePath).load() == file.workspace)
    }
}
