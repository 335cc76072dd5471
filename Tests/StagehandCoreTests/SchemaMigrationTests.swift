import Foundation
import Testing
@testable import StagehandCore

/// The upgrade path, exercised with a pretend schema 2 whose only change is a
/// company name suffix.
@Suite struct SchemaMigrationTests {
    private let schemaTwo = SchemaMigrator(current: 2, steps: [
        1: { workspace in
            guard var setup = workspace["setup"] as? [String: Any], let name = setup["companyName"] as? String
            else { return }
            setup["companyName"] = name + " (2)"
            workspace["setup"] = setup
        }
    ])

    @Test func readersUpgradeInMemoryAndTheFirstWriterKeepsABackup() throws {
        let folder = try ScratchFolder()
        let old = StateFile(path: folder.statePath)
        try old.create(StoreFixtures.workspace, replacing: false)
        try old.update { $0.candidates.modify("cand-1") { $0.tags = ["kept"] } }
        try old.update { $0.setup.companyName = "Acme Ltd" }
        let oldSnapshot = folder.bytes("state.json")
        let oldJournal = folder.bytes("state.json.journal")

        let reader = StateFile(path: folder.statePath, schema: schemaTwo)
        let upgraded = try reader.load()
        #expect(upgraded.setup.companyName == "Acme Ltd (2)")
        #expect(upgraded.candidates["cand-1"]?.tags == ["kept"])
        #expect(folder.bytes("state.json") == oldSnapshot)

        try reader.update { $0.candidates.modify("cand-2") { $0.tags = ["new"] } }

        #expect(folder.bytes("state.json.v1.bak") == oldSnapshot)
        #expect(folder.bytes("state.json.v1.bak.journal") == oldJournal)
        let snapshot = try JSONSerialization.jsonObject(with: folder.bytes("state.json") ?? Data()) as? [String: Any]
        #expect(snapshot?["schemaVersion"] as? Int == 2)
        let reread = try StateFile(path: folder.statePath, schema: schemaTwo).load()
        #expect(reread == reader.workspace)
        #expect(reread.setup.companyName == "Acme Ltd (2)")
        #expect(
            throws: StateFileError.newerVersion(path: folder.statePath.path, found: 2, supported: 1)
        ) { try StateFile(path: folder.statePath).load() }
    }

    @Test func aVersionWithoutAStepIsRefused() {
        let gap = SchemaMigrator(current: 3, steps: [2: { _ in }])
        #expect(!gap.canUpgrade(from: 1))
        #expect(gap.canUpgrade(from: 2))
        #expect(!gap.canUpgrade(from: 3))
    }
}
