import Foundation
import Testing
@testable import StagehandCore

/// A command about a few candidates reads only them, through the index the
/// store writes beside each snapshot — and never loses the others.
@Suite struct PartialLoadTests {
    private let now = Date(timeIntervalSince1970: 1_765_000_000)

    /// The sample workspace, written by the store (sealed and indexed), and its copy
    /// in a folder of its own, which no seal names and is therefore read whole.
    private func sampleAndCopy() throws -> (sample: ScratchFolder, copy: ScratchFolder) {
        let sample = try ScratchFolder(), copy = try ScratchFolder()
        try StateFile(path: sample.statePath).create(SampleWorkspace.make(now: now, currentLogin: "ben"), replacing: false)
        try #require(sample.bytes("state.json")).write(to: copy.statePath)
        return (sample, copy)
    }

    @Test func aCommandAboutOneCandidateReadsOnlyThemWithWhatIsTheirs() throws {
        let (sample, copy) = try sampleAndCopy()
        #expect(sample.exists("state.json.index"))
        let whole = try StateFile(path: copy.statePath).load()
        let part = try StateFile(path: sample.statePath).load(candidatesNamed: ["Liam"])

        let liam = try whole.findCandidate("Liam")
        #expect(part.candidates.count == 1)
        #expect(try part.findCandidate("Liam") == liam)
        #expect(try part.candidates[liam.id]?.readTimeline() == liam.readTimeline())
        #expect(part.setup == whole.setup)
        #expect(part.counter == whole.counter)
        #expect(Array(part.tasks) == Array(whole.tasks.records(of: liam.id)))
        #expect(Array(part.emails) == Array(whole.emails.records(of: liam.id)))
        #expect(Array(part.evaluationRequests) == Array(whole.evaluationRequests.records(of: liam.id)))
        #expect(Array(part.actionRuns) == Array(whole.actionRuns.records(of: liam.id)))
        #expect(!part.emails.isEmpty)
    }

    @Test func aMoveMadeOnThePartReadSavesWhatTheSameMoveOnTheWholeSaves() throws {
        let (sample, copy) = try sampleAndCopy()
        let byPart = StateFile(path: sample.statePath), byWhole = StateFile(path: copy.statePath)
        let liam = try byWhole.load().findCandidate("Liam")
        _ = try byPart.load(candidatesNamed: [liam.id.rawValue])
        let placement = try #require(liam.placements.first)
        let job = try #require(byWhole.workspace.job(placement.job))
        let target = try #require(job.pipeline.last { $0.id != placement.stage && !$0.actions.isEmpty })
        let request = MoveRequest(candidates: [liam.id], job: job.id, target: target.id, mover: "ben")
        for file in [byPart, byWhole] {
            _ = try file.update { try $0.apply(.move(request, choice: .runActions), by: "ben", now: now.addingTimeInterval(60)) }
        }
        #expect(byPart.workspace.candidates.count == 1)

        let afterPart = try StateFile(path: sample.statePath).loadEveryTimeline()
        let afterWhole = try StateFile(path: copy.statePath).loadEveryTimeline()
        #expect(afterPart == afterWhole)
        #expect(afterPart.candidates[liam.id]?.placement(in: job.id)?.stage == target.id)
    }

    @Test func aPartReadIsReadWholeBeforeItIsFoldedIntoANewSnapshot() throws {
        let folder = try ScratchFolder()
        let everyone = SampleWorkspace.make(now: now, currentLogin: "ben")
        try StateFile(path: folder.statePath).create(everyone, replacing: false)
        let file = StateFile(path: folder.statePath)
        let liam = try file.load(candidatesNamed: ["Liam"]).findCandidate("Liam")
        try file.update { $0.candidates.modify(liam.id) { $0.tags.append("kept") } }
        #expect(file.workspace.candidates.count == 1)
        try file.compact()

        #expect(!folder.exists("state.json.journal"))
        let after = try StateFile(path: folder.statePath).loadEveryTimeline()
        #expect(after.candidates.count == everyone.candidates.count)
        #expect(after.emails.count == everyone.emails.count)
        #expect(after.candidates[liam.id]?.tags.contains("kept") == true)

        // The new snapshot has its index too.
        #expect(try StateFile(path: folder.statePath).load(candidatesNamed: ["Liam"]).candidates.count == 1)
    }

    @Test func aTableReplacedWholeOnAPartReadIsMadeAgainOnTheWhole() throws {
        let folder = try ScratchFolder()
        let everyone = SampleWorkspace.make(now: now, currentLogin: "ben")
        try StateFile(path: folder.statePath).create(everyone, replacing: false)
        let file = StateFile(path: folder.statePath)
        _ = try file.load(candidatesNamed: ["Liam"])
        try file.update { $0.tasks = EntityTable(Array($0.tasks).filter { !$0.automatic }) }

        let after = try StateFile(path: folder.statePath).load()
        #expect(after.candidates.count == everyone.candidates.count)
        #expect(Array(after.tasks) == Array(everyone.tasks).filter { !$0.automatic })
    }

    @Test func namesAreLookedUpAsTheJournalLeftThem() throws {
        let folder = try ScratchFolder()
        try StateFile(path: folder.statePath).create(StoreFixtures.workspace, replacing: false)
        try StateFile(path: folder.statePath).update { workspace in
            workspace.candidates.modify("cand-1") { $0.name = "Beatriz Costa" }
            workspace.candidates.upsert(StoreFixtures.candidate("cand-9", "Dora Lopes"))
            workspace.candidates.remove("cand-2")
        }

        let file = StateFile(path: folder.statePath)
        #expect(try file.load(candidatesNamed: ["Beatriz"]).findCandidate("Beatriz").id == "cand-1")
        #expect(try file.load(candidatesNamed: ["Dora"]).findCandidate("Dora").id == "cand-9")
        #expect(throws: StagehandError.notFound(kind: "candidate", name: "Caio")) {
            try file.load(candidatesNamed: ["Caio"]).findCandidate("Caio")
        }
        #expect(throws: StagehandError.notFound(kind: "candidate", name: "cand-2")) {
            try file.load(candidatesNamed: ["cand-2"]).findCandidate("cand-2")
        }
    }

    @Test func anAmbiguousNameIsRefusedAsWhenEveryoneIsRead() throws {
        let folder = try ScratchFolder()
        var workspace = StoreFixtures.workspace
        workspace.candidates.upsert(StoreFixtures.candidate("cand-9", "Bea Lopes"))
        try StateFile(path: folder.statePath).create(workspace, replacing: false)

        let part = try StateFile(path: folder.statePath).load(candidatesNamed: ["Bea"])
        #expect(part.candidates.count == 3)
        #expect(throws: StagehandError.self) { try part.findCandidate("Bea") }
    }

    @Test func anIndexThatDoesNotNameTheSnapshotIsIgnored() throws {
        let (sample, _) = try sampleAndCopy()
        let index = try #require(sample.bytes("state.json.index"))
        // The snapshot as Stagehand wrote it, but rewritten: the seal no longer names it.
        try #require(sample.bytes("state.json")).write(to: sample.statePath)
        try index.write(to: sample.url.appendingPathComponent("state.json.index"))
        #expect(try StateFile(path: sample.statePath).load(candidatesNamed: ["Liam"]).candidates.count > 1)

        // Sealed again, but with an index saying nonsense: read whole, never wrong.
        try StateFile(path: sample.statePath).compact()
        try sample.write("{\"counter\":1}\n[\"cand-1\",\"Zoë\",[0,3],[],[],[],[]]\n", to: "state.json.index")
        let whole = try StateFile(path: sample.statePath).load(candidatesNamed: ["Liam"])
        #expect(whole.candidates.count > 1)
        #expect(try whole.findCandidate("Liam").name == "Liam O'Connor")
    }

    @Test func anIndexPointingAtSomeoneElsesEntriesIsNotBelieved() throws {
        let (sample, _) = try sampleAndCopy()
        let lines = String(decoding: try #require(sample.bytes("state.json.index")), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        let liam = try #require(lines.firstIndex { $0.contains("\"Liam O'Connor\"") })
        let other = liam == 1 ? 2 : 1
        // Liam's id, name, place and tasks, then another candidate's evaluations, emails and runs.
        let liamFields = lines[liam].split(separator: "]", maxSplits: 2, omittingEmptySubsequences: false)
        let otherFields = lines[other].split(separator: "]", maxSplits: 2, omittingEmptySubsequences: false)
        var edited = lines
        edited[liam] = liamFields[0] + "]" + liamFields[1] + "]" + otherFields[2]
        try sample.write(edited.joined(separator: "\n") + "\n", to: "state.json.index")

        let read = try StateFile(path: sample.statePath).load(candidatesNamed: ["Liam"])
        #expect(read.candidates.count > 1)
        let id = try read.findCandidate("Liam").id
        #expect(read.emails.records(of: id).allSatisfy { $0.candidate == id })
    }

    @Test func anIndexChangedSinceStagehandWroteItIsNotBelieved() throws {
        let (sample, _) = try sampleAndCopy()
        let index = String(decoding: try #require(sample.bytes("state.json.index")), as: UTF8.self)
        // Same length, same place: only the seal's record of the index tells it changed.
        try sample.write(index.replacingOccurrences(of: "\"Liam O'Connor\"", with: "\"Lxam O'Connor\""), to: "state.json.index")

        let read = try StateFile(path: sample.statePath).load(candidatesNamed: ["Liam"])
        #expect(read.candidates.count > 1)
        #expect(try read.findCandidate("Liam").name == "Liam O'Connor")
    }

    @Test func aSnapshotFoundDamagedIsNeverReadAroundAfterwards() throws {
        let folder = try ScratchFolder()
        try StateFile(path: folder.statePath).create(StoreFixtures.workspace, replacing: false)
        try folder.rewriteSnapshotInPlace("\"name\" : \"Bea Costa\"", with: "\"nxme\" : \"Bea Costa\"", keepingModificationTime: true)

        #expect(throws: StateFileError.self) { try StateFile(path: folder.statePath).load() }
        // Caio's bytes are intact, but the file is known to be damaged now: refused as a whole.
        #expect(throws: StateFileError.self) { try StateFile(path: folder.statePath).load(candidatesNamed: ["cand-2"]) }
        #expect(!folder.exists("state.json.written"))
    }
}
