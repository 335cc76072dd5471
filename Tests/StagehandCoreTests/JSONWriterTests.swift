import Foundation
import Testing
@testable import StagehandCore

/// The journal's own writer must write exactly what JSONEncoder wrote before it:
/// the same bytes, so nothing that reads a journal can tell.
@Suite struct JSONWriterTests {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    private func written(_ value: some JSONWritable) throws -> String {
        var writer = JSONWriter(fallback: Self.encoder)
        try value.write(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private func encoded(_ value: some Encodable) throws -> String {
        String(decoding: try Self.encoder.encode(value), as: UTF8.self)
    }

    static let oddTexts = [
        "", "Ana", "quote \" backslash \\ slash / done", "tab\tnewline\nreturn\rback\u{08}feed\u{0C}",
        "\u{00}\u{01}\u{1F}\u{7F} controls", "Zoë Šťastná 李小龍 👩🏽‍💻", "\u{2028}\u{2029} separators", "{{candidate.name}}",
    ]

    static let oddDates = [
        Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_795_597_200), Date(timeIntervalSince1970: 1_795_597_200.75),
        Date(timeIntervalSince1970: -1), Date(timeIntervalSince1970: -86_400 * 365 * 300), Date(timeIntervalSince1970: -86_400 * 365 * 500),
        Date(timeIntervalSince1970: 951_782_400), Date(timeIntervalSince1970: 253_402_300_799), Date(timeIntervalSince1970: 253_402_300_800),
    ]

    @Test(arguments: oddTexts) func aCandidateWithOddTextIsWrittenAsJSONEncoderWritesIt(_ text: String) throws {
        let activity = Activity(
            id: "act-1", at: Self.oddDates[2], kind: .email, author: "ana", automatic: true, text: text, job: "job-1",
            status: .sent, email: "email-1", task: "task-1")
        let bare = Activity(id: "act-2", at: Self.oddDates[1], kind: .note, author: nil, automatic: false, text: text)
        let candidate = Candidate(
            id: CandidateID("cand-\(text)"), name: text, email: text.isEmpty ? nil : text, doNotEmail: true, source: text,
            tags: [text, "b"], followers: ["ana"],
            placements: [
                Placement(job: "job-1", stage: "applied", enteredAt: Self.oddDates[1], entry: 3, passedThrough: ["a", "b"]),
                Placement(
                    job: "job-2", stage: "offer", enteredAt: Self.oddDates[2],
                    disqualification: Disqualification(reason: "no-show", at: Self.oddDates[0], by: nil)),
                Placement(
                    job: "job-3", stage: "offer", enteredAt: Self.oddDates[3],
                    disqualification: Disqualification(reason: "no-show", at: Self.oddDates[0], by: "ana")),
            ],
            talentPools: ["pool-1"], timeline: [activity, bare])
        #expect(try written(candidate) == encoded(candidate))
    }

    @Test(arguments: oddDates) func everyDateIsWrittenAsJSONEncoderWritesIt(_ date: Date) throws {
        let placement = Placement(job: "job-1", stage: "applied", enteredAt: date)
        #expect(try written(placement) == encoded(placement))
    }

    @Test func aRecordOfABulkMoveWithActionsIsTheLineJSONEncoderWrote() throws {
        var workspace = SampleWorkspace.makeLarge(candidates: 300, now: Self.oddDates[1])
        workspace.forgetChanges()
        let job = workspace.setup.jobs[0]
        let target = try #require(job.pipeline.first { $0.actions.count >= 2 })
        let movers = workspace.candidates.filter { $0.placement(in: job.id).map { $0.stage != target.id } ?? false }.prefix(50).map(\.id)
        let request = MoveRequest(candidates: Array(movers), job: job.id, target: target.id, mover: "ana", letsSomeStay: true)
        let outcome = try workspace.move(request, choice: .runActions, grace: 0, now: Self.oddDates[2])
        workspace.advanceRuns(now: Self.oddDates[2], only: Set(outcome.runs))
        workspace.setup.companyName = "Renamed / \"quoted\""
        workspace.candidates.remove(workspace.candidates[0].id)
        let record = JournalRecord(
            generation: "gen-1", counter: workspace.counter, setup: workspace.setup,
            candidates: TableChange(of: workspace.candidates), tasks: TableChange(of: workspace.tasks),
            evaluationRequests: TableChange(of: workspace.evaluationRequests), emails: TableChange(of: workspace.emails),
            actionRuns: TableChange(of: workspace.actionRuns))
        #expect((record.candidates?.changed.count ?? 0) >= 40 && record.candidates?.removed.count == 1)
        #expect(record.emails != nil && record.actionRuns != nil)
        #expect(try written(record) == encoded(record))
    }

    @Test func aSnapshotIsTheFileJSONEncoderWrote() throws {
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        pretty.dateEncodingStrategy = .iso8601
        var workspace = SampleWorkspace.make(now: Self.oddDates[1], currentLogin: "ana")
        // Empty tables too, which JSONEncoder writes over lines of their own.
        workspace.evaluationRequests = EntityTable()
        workspace.candidates.upsert(Candidate(id: "cand-odd", name: Self.oddTexts[3], email: nil, source: Self.oddTexts[4]))
        for snapshot in [
            Snapshot(schemaVersion: 5, generation: "gen-1", workspace: workspace),
            Snapshot(schemaVersion: 5, generation: "gen-2", workspace: SampleWorkspace.makeLarge(candidates: 50, now: Self.oddDates[2])),
        ] {
            var writer = JSONWriter(fallback: pretty)
            try snapshot.write(to: &writer)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: try pretty.encode(snapshot), as: UTF8.self))
        }
    }
}
