import Foundation
import Testing
@testable import StagehandCore

@Suite struct StateCheckTests {
    @Test func aHealthyStateReportsItsCounts() throws {
        let folder = try ScratchFolder()
        let file = StateFile(path: folder.statePath)
        try file.create(StoreFixtures.workspace, replacing: false)
        try file.update { $0.candidates.modify("cand-1") { $0.tags = ["x"] } }

        let report = try file.check()

        #expect(report.isConsistent)
        #expect(report.candidates == 2)
        #expect(report.jobs == 1)
        #expect(report.emailsWaiting == 1)
        #expect(report.journalRecords == 1)
        #expect(report.schemaVersion == StateFile.currentSchemaVersion)
    }

    @Test func brokenReferencesAreReportedAsSentences() throws {
        var workspace = StoreFixtures.workspace
        workspace.candidates.modify("cand-1") { $0.placements[0].stage = "offer" }
        let elsewhere = Placement(job: "job-9", stage: "applied", enteredAt: StoreFixtures.start)
        workspace.candidates.modify("cand-2") { $0.placements.append(elsewhere) }
        workspace.tasks.modify("task-3") { $0.candidate = "cand-404" }
        workspace.setup.jobs.append(workspace.setup.jobs[0])

        let problems = workspace.consistencyProblems()

        #expect(problems.contains("The id job-1 is used by 2 jobs."))
        #expect(problems.contains("Candidate cand-1 (Bea Costa) is in stage offer, which job job-1 does not have."))
        #expect(problems.contains("Candidate cand-2 (Caio Reis) is placed in job job-9, which does not exist."))
        #expect(problems.contains("Task task-3 is about candidate cand-404, who does not exist."))
        #expect(problems.count == 4)
    }

    @Test func duplicateIdsInTheSnapshotTextAreReported() throws {
        let folder = try ScratchFolder()
        var workspace = StoreFixtures.workspace
        workspace.candidates.modify("cand-2") { $0.name = "Twin" }
        try StateFile(path: folder.statePath).create(workspace, replacing: false)
        let text = String(decoding: folder.bytes("state.json") ?? Data(), as: UTF8.self)
        let twin = text.replacingOccurrences(of: "\"id\" : \"cand-2\"", with: "\"id\" : \"cand-1\"")
        try folder.write(twin, to: "state.json")

        let report = try StateFile(path: folder.statePath).check()

        #expect(report.problems.contains("The id cand-1 is used by 2 candidates; only the last one is kept."))
        #expect(report.candidates == 1)
    }
}
