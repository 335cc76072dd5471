#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import StagehandCore

/// A snapshot the store wrote and sealed has its timelines read when first
/// needed; one changed since is read whole, as before.
@Suite struct StoredTimelineTests {
    @Test func aTimelineIsReadFromTheSealedSnapshotWhenFirstNeeded() throws {
        let folder = try ScratchFolder()
        try StateFile(path: folder.statePath).create(StoreFixtures.workspace, replacing: false)
        #expect(folder.exists("state.json.written"))
        let file = StateFile(path: folder.statePath)
        #expect(try file.load().candidates.count == 2)

        try folder.rewriteSnapshotInPlace("\"text\" : \"Applied\"", with: "\"text\" : \"Hired!!\"")

        #expect(file.workspace.candidates["cand-1"]?.name == "Bea Costa")
        #expect(file.workspace.candidates["cand-1"]?.timeline.map(\.text) == ["Hired!!"])
    }

    @Test func aHistoryChangedUnderneathIsNeverWrittenOver() throws {
        let folder = try ScratchFolder()
        try StateFile(path: folder.statePath).create(StoreFixtures.workspace, replacing: false)
        let file = StateFile(path: folder.statePath)
        _ = try file.load()
        // With its time kept, the change goes unnoticed until the history is read (a new time would reload the file, and refuse it).
        try folder.rewriteSnapshotInPlace(
            "\"text\" : \"Applied\"", with: "\"text\" : 123456789", keepingModificationTime: true)
        let changed = folder.bytes("state.json")

        #expect(file.workspace.candidates["cand-1"]?.timeline.isEmpty == true)
        #expect(throws: StateFileError.changedUnderneath(path: folder.statePath.path, candidate: "Bea Costa")) {
            try file.update { workspace in
                workspace.candidates.modify("cand-1") { $0.timeline.append(StoreFixtures.note("Call back", id: "note-9")) }
            }
        }
        #expect(folder.bytes("state.json") == changed)
        #expect(!folder.exists("state.json.journal"))
        #expect(throws: StateFileError.changedUnderneath(path: folder.statePath.path, candidate: "Bea Costa")) {
            _ = try file.workspace.candidates["cand-1"]?.readTimeline()
        }
        #expect(
            StateFileError.changedUnderneath(path: "/srv/state.json", candidate: "Bea Costa").sentence
                == "Bea Costa's history could not be read from /srv/state.json, which was changed since Stagehand read it, not by Stagehand: nothing was saved; start Stagehand again, and it reads the whole file and says what is wrong in it.")

        // As the sentence says: the seal is gone, so the next start reads it all and names the damage.
        #expect(!folder.exists("state.json.written"))
        #expect {
            _ = try StateFile(path: folder.statePath).load()
        } throws: { error in
            guard case .damaged(_, let location, _, _) = error as? StateFileError else { return false }
            return location != nil
        }
    }

    @Test func aSnapshotEditedAfterItWasSealedIsReadWholeAndADamagedTimelineRefused() throws {
        let folder = try ScratchFolder()
        try StateFile(path: folder.statePath).create(StoreFixtures.workspace, replacing: false)
        let text = String(decoding: try #require(folder.bytes("state.json")), as: UTF8.self)
        try folder.write(text.replacingOccurrences(of: "\"kind\" : \"applied\"", with: "\"kind\" : \"promoted-by-magic\""), to: "state.json")

        #expect {
            _ = try StateFile(path: folder.statePath).load()
        } throws: { error in
            guard case .damaged(_, _, let codingPath, let problem) = error as? StateFileError else { return false }
            return codingPath == "workspace.candidates[0].timeline[0].kind"
                && problem == "\"promoted-by-magic\" is not one of the values this field takes"
        }
    }

    @Test func checkReadsEveryTimelineEvenOfASealedSnapshot() throws {
        let folder = try ScratchFolder()
        try StateFile(path: folder.statePath).create(StoreFixtures.workspace, replacing: false)
        try folder.rewriteSnapshotInPlace(
            "\"kind\" : \"applied\"", with: "\"kind\" : \"appli3d\"", keepingModificationTime: true)

        #expect(try StateFile(path: folder.statePath).load().candidates.count == 2)
        #expect(throws: StateFileError.self) { _ = try StateFile(path: folder.statePath).check() }
    }

    @Test func aLazilyLoadedWorkspaceEncodesAndComparesAsTheOneWritten() throws {
        let folder = try ScratchFolder()
        try StateFile(path: folder.statePath).create(StoreFixtures.workspace, replacing: false)
        let loaded = try StateFile(path: folder.statePath).load()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(loaded) == encoder.encode(StoreFixtures.workspace))
        #expect(loaded == StoreFixtures.workspace)
        #expect(try StateFile(path: folder.statePath).load() == loaded)
    }

    @Test func anEmptyTimelineIsSteppedOverExactly() throws {
        let folder = try ScratchFolder()
        var workspace = StoreFixtures.workspace
        workspace.candidates.modify("cand-1") { $0.timeline = [] }
        try StateFile(path: folder.statePath).create(workspace, replacing: false)
        let loaded = try StateFile(path: folder.statePath).load()
        #expect(loaded.candidates["cand-1"]?.timeline == [])
        #expect(loaded.candidates["cand-2"]?.timeline.map(\.text) == ["Applied"])
    }

    @Test func aCompactionCopiesStoredTimelinesIntoTheSameTextAsWritingThemAnew() throws {
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath)
        try file.create(StoreFixtures.workspace, replacing: false)
        func withoutGeneration(_ data: Data?) -> String {
            String(decoding: data ?? Data(), as: UTF8.self).split(separator: "\n").filter { !$0.contains("\"generation\"") }
                .joined(separator: "\n")
        }
        let written = withoutGeneration(folder.bytes("state.json"))

        let lazily = StateFile(path: folder.statePath)
        _ = try lazily.load()
        try lazily.compact()

        #expect(withoutGeneration(folder.bytes("state.json")) == written)
        #expect(try StateFile(path: folder.statePath).load() == StoreFixtures.workspace)

        // Copied, not read and written again: an escape JSONWriter would not write survives.
        let again = StateFile(path: folder.statePath)
        _ = try again.load()
        try folder.rewriteSnapshotInPlace(
            "\"text\" : \"Applied\"", with: "\"text\" : \"\\u0041p\"", keepingModificationTime: true)
        try again.compact()
        #expect(String(decoding: folder.bytes("state.json") ?? Data(), as: UTF8.self).contains("\"text\" : \"\\u0041p\""))
    }

    @Test func insightsReadEveryStoredTimelineAndCountAsOverTheWorkspaceWritten() throws {
        let folder = try ScratchFolder()
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        let workspace = SampleWorkspace.makeLarge(candidates: 400, now: now)
        try StateFile(path: folder.statePath).create(workspace, replacing: false)
        let loaded = try StateFile(path: folder.statePath).load()
        let period = InsightPeriod.lastDays(90, before: now, calendar: workspace.setup.settings.calendar)
        let insights = loaded.insights(period: period, now: now)
        #expect(insights == workspace.insights(period: period, now: now))
        #expect(insights.jobs.contains { $0.automation.tasksCreated > 0 }, "the timelines were read")
    }

    @Test func compactingLetsGoOfTheSnapshotItReplaced() throws {
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath)
        try file.create(StoreFixtures.workspace, replacing: false)
        _ = try StateFile(path: folder.statePath).load()
        try file.update { workspace in
            workspace.candidates.modify("cand-2") { $0.timeline.append(StoreFixtures.note("Call back", id: "note-9")) }
        }
        try file.compact()

        #expect(file.workspace.candidates["cand-2"]?.timeline.map(\.text) == ["Applied", "Call back"])
        let open = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").compactMap {
            try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)")
        }
        #expect(!open.contains { $0.hasPrefix(folder.url.path) && $0.hasSuffix("(deleted)") })
        #expect(open.contains(folder.statePath.path))
    }
}
