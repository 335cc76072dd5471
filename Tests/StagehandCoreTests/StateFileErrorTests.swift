import Foundation
import Testing
@testable import StagehandCore

@Suite struct StateFileErrorTests {
    private func error(_ work: () throws -> Void) -> StateFileError? {
        do {
            try work()
            return nil
        } catch {
            return error as? StateFileError
        }
    }

    /// Writes a snapshot, then replaces some of its text.
    private func snapshot(in folder: ScratchFolder, replacing old: String, with new: String) throws -> String {
        var workspace = StoreFixtures.workspace
        workspace.candidates.modify("cand-2") { $0.placements[0].stage = "interview" }
        try StateFile(path: folder.statePath).create(workspace, replacing: false)
        let text = String(decoding: folder.bytes("state.json") ?? Data(), as: UTF8.self)
            .replacingOccurrences(of: old, with: new)
        try folder.write(text, to: "state.json")
        return text
    }

    @Test func aSyntaxErrorIsReportedWithItsLineAndColumnAndTheFileIsLeftAlone() throws {
        let folder = try ScratchFolder()
        let text = """
            {
              "generation" : "0F4A",
              "schemaVersion" : 1,
              "workspace" : {
                "counter" : 0
                "candidates" : []
              }
            }
            """
        try folder.write(text, to: "state.json")
        let file = StateFile(path: folder.statePath)

        let failure = error { _ = try file.load() }
        #expect(
            failure == .damaged(
                path: folder.statePath.path, location: TextLocation(line: 6, column: 5), codingPath: nil,
                problem: "expected ',' or '}' after a property's value but found '\"'"))
        #expect(failure?.sysexitsClass == 65)
        #expect(failure?.sentence.contains("\(folder.statePath.path) is damaged at line 6, column 5") == true)
        #expect(error { try file.update { $0.counter += 1 } } == failure)
        #expect(error { try file.compact() } == failure)
        #expect(folder.bytes("state.json") == Data(text.utf8))
        #expect(!folder.exists("state.json.journal"))
    }

    @Test func aValueOfTheWrongShapeIsReportedByItsCodingPathAndPlace() throws {
        let folder = try ScratchFolder()
        let text = try snapshot(in: folder, replacing: "\"stage\" : \"interview\"", with: "\"stage\" : 42")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("\"stage\" : 42") })
        let column = try #require(lines[line].range(of: "42")).lowerBound.utf16Offset(in: lines[line]) + 1

        let failure = error { _ = try StateFile(path: folder.statePath).load() }

        #expect(
            failure == .damaged(
                path: folder.statePath.path, location: TextLocation(line: line + 1, column: column),
                codingPath: "workspace.candidates[1].placements[0].stage",
                problem: "expected a string but found a number"))
        #expect(folder.bytes("state.json") == Data(text.utf8))
    }

    @Test func aDocumentThatIsNotAnObjectSaysSo() throws {
        let folder = try ScratchFolder()
        try folder.write("[]\n", to: "state.json")
        #expect(
            error { _ = try StateFile(path: folder.statePath).load() }
                == .damaged(
                    path: folder.statePath.path, location: TextLocation(line: 1, column: 1), codingPath: nil,
                    problem: "expected an object but found an array"))
    }

    @Test func aMissingFieldIsReportedByItsCodingPath() throws {
        let folder = try ScratchFolder()
        _ = try snapshot(in: folder, replacing: "\"companyName\" : \"Acme\",", with: "")
        let failure = error { _ = try StateFile(path: folder.statePath).load() }
        guard case .damaged(_, let location, let codingPath, let problem) = failure else {
            Issue.record("expected a damaged-file error")
            return
        }
        #expect(codingPath == "workspace.setup.companyName")
        #expect(problem == "the required field \"companyName\" is missing")
        #expect(location != nil)
    }

    @Test func aNewerSchemaIsRefusedAndLeftUntouched() throws {
        let folder = try ScratchFolder()
        let current = StateFile.currentSchemaVersion
        let text = try snapshot(in: folder, replacing: "\"schemaVersion\" : \(current)", with: "\"schemaVersion\" : \(current + 2)")
        let file = StateFile(path: folder.statePath)

        let failure = error { _ = try file.load() }
        #expect(failure == .newerVersion(path: folder.statePath.path, found: current + 2, supported: current))
        let sentence = "was written by a newer Stagehand (schema \(current + 2); this version reads \(current)): upgrade Stagehand; "
            + "the file was left untouched."
        #expect(failure?.sentence == "\(folder.statePath.path) \(sentence)")
        #expect(failure?.sysexitsClass == 65)
        #expect(error { try file.update { $0.counter += 1 } } == failure)
        let refusal = error { try file.create(StoreFixtures.workspace, replacing: false) }
        #expect(refusal == .alreadyExists(path: folder.statePath.path))
        #expect(folder.bytes("state.json") == Data(text.utf8))
        #expect(!folder.exists("state.json.journal"))
    }

    @Test func aSchemaNoStagehandWroteIsRefused() throws {
        let folder = try ScratchFolder()
        let current = StateFile.currentSchemaVersion
        _ = try snapshot(in: folder, replacing: "\"schemaVersion\" : \(current)", with: "\"schemaVersion\" : 0")
        #expect(
            error { _ = try StateFile(path: folder.statePath).load() }
                == .unsupportedVersion(path: folder.statePath.path, found: 0, supported: current))
    }

    @Test func aMissingFileSaysHowToMakeOne() throws {
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath)
        #expect(!file.exists)
        let failure = error { _ = try file.load() }
        #expect(failure == .missing(path: folder.statePath.path))
        #expect(failure?.sentence.contains("stagehand demo") == true)
        #expect(failure?.sysexitsClass == 66)
        #expect(error { try file.update { $0.counter += 1 } } == failure)
        #expect(!folder.exists("state.json.lock"))
    }

    @Test func anUnwritableLocationNamesThePathAndTheReason() throws {
        let folder = try ScratchFolder()
        try folder.write("not a folder", to: "blocker")
        let path = folder.url.appendingPathComponent("blocker/state.json")

        let failure = error { try StateFile(path: path).create(StoreFixtures.workspace, replacing: false) }

        guard case .unwritable(let failedPath, let code) = failure else {
            Issue.record("expected an unwritable error, got \(String(describing: failure))")
            return
        }
        #expect(failedPath.hasPrefix(path.path))
        #expect(code == ENOTDIR)
        #expect(failure?.sentence.contains("(Not a directory)") == true)
        #expect(failure?.sentence.contains(failedPath) == true)
        #expect(failure?.sysexitsClass == 74)
    }

    @Test func aDamagedJournalLineBeforeTheLastIsReportedByLineNumber() throws {
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath)
        try file.create(StoreFixtures.workspace, replacing: false)
        for tag in ["a", "b", "c"] { try file.update { $0.candidates.modify("cand-1") { $0.tags = [tag] } } }
        var lines = folder.journalLines()
        lines[1] = String(lines[1].dropLast(5))
        let damaged = lines.joined(separator: "\n") + "\n"
        try folder.write(damaged, to: "state.json.journal")

        let failure = error { _ = try StateFile(path: folder.statePath).load() }
        guard case .damagedJournal(let path, let line, _, _) = failure else {
            Issue.record("expected a damaged-journal error, got \(String(describing: failure))")
            return
        }
        #expect(path == folder.statePath.path + ".journal")
        #expect(line == 2)
        #expect(failure?.sentence.hasPrefix("Line 2 of the journal \(path) is damaged") == true)
        #expect(error { try file.update { $0.counter += 1 } } == failure)
        #expect(folder.bytes("state.json.journal") == Data(damaged.utf8))
    }

    @Test func aStaleJournalLineInAnOlderShapeIsSkipped() throws {
        let folder = try ScratchFolder()
        try StateFile(path: folder.statePath).create(StoreFixtures.workspace, replacing: false)
        try folder.write("{\"generation\":\"older\",\"shape\":\"v0\"}\n", to: "state.json.journal")
        #expect(try StateFile(path: folder.statePath).load() == StoreFixtures.workspace)
    }

    @Test func aJournalLineOfTheWrongShapeNamesTheField() throws {
        let folder = try ScratchFolder()
        try StateFile(path: folder.statePath).create(StoreFixtures.workspace, replacing: false)
        let snapshot = try JSONSerialization.jsonObject(with: folder.bytes("state.json") ?? Data()) as? [String: Any]
        let generation = try #require(snapshot?["generation"] as? String)
        try folder.write("{\"generation\":\"\(generation)\"}\n", to: "state.json.journal")
        #expect(
            error { _ = try StateFile(path: folder.statePath).load() }
                == .damagedJournal(
                    path: folder.statePath.path + ".journal", line: 1, codingPath: "counter",
                    problem: "the required field \"counter\" is missing"))
    }
}
