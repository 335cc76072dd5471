import Foundation
import Testing
@testable import StagehandCore

/// The upgrade path, exercised with a pretend next schema whose only change is a
/// company name suffix, and the real step from schema 1.
@Suite struct SchemaMigrationTests {
    private static let current = StateFile.currentSchemaVersion
    private let schemaTwo = SchemaMigrator(current: current + 1, steps: [
        current: { workspace in
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

        #expect(folder.bytes("state.json.v\(Self.current).bak") == oldSnapshot)
        #expect(folder.bytes("state.json.v\(Self.current).bak.journal") == oldJournal)
        let snapshot = try JSONSerialization.jsonObject(with: folder.bytes("state.json") ?? Data()) as? [String: Any]
        #expect(snapshot?["schemaVersion"] as? Int == Self.current + 1)
        let reread = try StateFile(path: folder.statePath, schema: schemaTwo).load()
        #expect(reread == reader.workspace)
        #expect(reread.setup.companyName == "Acme Ltd (2)")
        #expect(
            throws: StateFileError.newerVersion(path: folder.statePath.path, found: Self.current + 1, supported: Self.current)
        ) { try StateFile(path: folder.statePath).load() }
        #expect(folder.bytes("state.json.v\(Self.current).bak") == oldSnapshot, "the refusal touched nothing")
    }

    /// Schema 2 files (before members' SSH keys) read as they are: their members have no keys.
    @Test func aSchemaTwoFileReadsWithMembersWithoutKeys() throws {
        let folder = try ScratchFolder()
        try StateFile(path: folder.statePath).create(StoreFixtures.workspace, replacing: false)
        let text = String(decoding: folder.bytes("state.json") ?? Data(), as: UTF8.self)
            .replacingOccurrences(of: "\"schemaVersion\" : \(Self.current)", with: "\"schemaVersion\" : 2")
        try folder.write(text, to: "state.json")
        let workspace = try StateFile(path: folder.statePath).load()
        #expect(workspace == StoreFixtures.workspace)
        #expect(workspace.setup.members.allSatisfy { $0.keys.isEmpty })
    }

    @Test func aVersionWithoutAStepIsRefused() {
        let gap = SchemaMigrator(current: 3, steps: [2: { _ in }])
        #expect(!gap.canUpgrade(from: 1))
        #expect(gap.canUpgrade(from: 2))
        #expect(!gap.canUpgrade(from: 3))
    }

    /// A file as Stagehand wrote it before mail delivery (schema 1: no claims, no SMTP
    /// settings, no SSH keys) is read as it is and rewritten in the current schema by
    /// its first change, with the old files kept beside it.
    @Test func aSchemaOneFileIsUpgradedByItsFirstChangeWithABackup() throws {
        let folder = try ScratchFolder()
        try StateFile(path: folder.statePath).create(StoreFixtures.workspace, replacing: false)
        var text = String(decoding: folder.bytes("state.json") ?? Data(), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"schemaVersion\" : \(Self.current)", with: "\"schemaVersion\" : 1")
        text = text.replacingOccurrences(of: #"(?m)^\s*"sendmailCommand" : "[^"]*",?\n"#, with: "", options: .regularExpression)
        #expect(!text.contains("sendmailCommand") && text.contains("\"schemaVersion\" : 1"))
        try folder.write(text, to: "state.json")
        let file = StateFile(path: folder.statePath)
        #expect(try file.load() == StoreFixtures.workspace)
        try file.update { $0.setup.companyName = "Acme Ltd" }
        #expect(folder.bytes("state.json.v1.bak") == Data(text.utf8))
        let snapshot = try JSONSerialization.jsonObject(with: folder.bytes("state.json") ?? Data()) as? [String: Any]
        #expect(snapshot?["schemaVersion"] as? Int == Self.current)
        #expect(try StateFile(path: folder.statePath).load().setup.companyName == "Acme Ltd")
    }
}
