import Foundation
import Testing
@testable import StagehandCore

/// The workspace is kept in one JSON file: what is written must read back equal,
/// and actions are stored flat with a `kind` field.
@Suite struct CodableTests {
    typealias T = TestWorkspace

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    static func json<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }

    /// The fixture after some real work, plus a run holding every step state and an
    /// action of every kind (a task due on a fixed day included).
    static func busyWorkspace() throws -> Workspace {
        var ws = T.make()
        let fixedDay = AutomaticAction.addTask(
            .init(title: "Reference check", assignee: T.hugo, due: try TaskDue(parsing: "2026-12-01")))
        try ws.addAction(fixedDay, to: .stage(.job(T.backend), T.hired), by: T.ada)
        try ws.moveTo(T.screen, T.alice)
        try ws.moveTo(T.interview, T.bruno)
        try ws.moveTo(T.offer, T.dan)
        try ws.moveTo(T.interview, T.chloe, grace: 3)
        ws.advanceRuns(now: T.now)
        try ws.moveTo(T.hired, T.bruno, now: T.now.addingTimeInterval(60))
        try ws.disqualify(T.dan, from: T.backend, reason: T.skillsMismatch, by: T.rita, now: T.now.addingTimeInterval(120))
        ws.advanceRuns(now: T.now.addingTimeInterval(120))
        try ws.addCandidate(
            NewCandidate(name: "Nina Novak", email: "nina@example.com", source: "csv"), to: T.platform, origin: .csvImport,
            by: T.rita, now: T.now)

        let everyKind: [AutomaticAction] = [
            T.sendThanks, T.sendReminder, T.sendOfferFollowUp, T.screenNote, T.screenTask, fixedDay, T.tagApplicant,
            T.askHugo, T.ritaFollows, T.assignToPlatform, T.addToSilver,
        ]
        let everyState: [StepState] = [
            .pending, .running, .done, .scheduled(T.now.addingTimeInterval(3600)), .failed("SMTP said no"), .cancelled,
            .skipped("no email address"), .pending, .done, .done, .done,
        ]
        ws.actionRuns.upsert(
            ActionRun(
                id: "run-every", candidate: T.eve, job: T.platform, stage: T.platformApplied, reason: T.skillsMismatch,
                trigger: .disqualify, mover: nil, createdAt: T.now, startsAt: T.now.addingTimeInterval(3),
                steps: zip(everyKind, everyState).map { ActionStep(action: $0, state: $1) }))
        ws.forgetChanges()
        return ws
    }

    @Test func aWholeWorkspaceReadsBackEqual() throws {
        let ws = try Self.busyWorkspace()
        #expect(Set(ws.actionRuns.flatMap { $0.steps.map(\.action.kind) }) == Set(AutomaticAction.Kind.allCases))
        #expect(Set(ws.actionRuns.flatMap { $0.steps.map(\.state.name) }).count == 7)
        #expect(ws.emails.count > 0 && ws.tasks.count > 0 && ws.evaluationRequests.count > 0)

        let data = try Self.encoder().encode(ws)
        let decoded = try Self.decoder().decode(Workspace.self, from: data)
        #expect(decoded == ws)
        #expect(try Self.encoder().encode(decoded) == data, "writing it again gives the same bytes")
    }

    @Test("Actions are stored flat with their kind", arguments: [
        (AutomaticAction.addTags(.init(tags: ["shortlist", "senior"])), #"{"kind":"addTags","tags":["shortlist","senior"]}"#),
        (T.sendReminder, #"{"delay":"1h","kind":"sendEmail","sender":"mover","template":"tpl-reminder"}"#),
        (T.sendThanks, #"{"kind":"sendEmail","sender":"rita","template":"tpl-thanks"}"#),
        (T.screenNote, #"{"kind":"addNote","text":"Phone screen booked"}"#),
        (T.screenTask, #"{"assignee":"rita","due":"3d","kind":"addTask","title":"Prepare phone screen"}"#),
        (T.askHugo, #"{"kind":"requestEvaluation","members":["hugo"]}"#),
        (T.ritaFollows, #"{"kind":"addFollowers","members":["rita"]}"#),
        (T.assignToPlatform, #"{"job":"job-platform","kind":"assign"}"#),
        (T.addToSilver, #"{"kind":"assign","talentPool":"pool-silver"}"#),
    ])
    func flatActionJSON(action: AutomaticAction, json: String) throws {
        #expect(try Self.json(action) == json)
        #expect(try Self.decoder().decode(AutomaticAction.self, from: Data(json.utf8)) == action)
    }

    @Test("Malformed actions are refused", arguments: [
        #"{"kind":"assign"}"#,
        #"{"kind":"assign","job":"job-platform","talentPool":"pool-silver"}"#,
        #"{"kind":"launchRocket"}"#,
        #"{"tags":["x"]}"#,
        #"{"kind":"sendEmail","template":"tpl-thanks","sender":"mover","delay":"soon"}"#,
    ])
    func malformedActions(json: String) {
        #expect(throws: DecodingError.self) { try Self.decoder().decode(AutomaticAction.self, from: Data(json.utf8)) }
    }

    @Test("Step states are stored with their detail", arguments: [
        (StepState.pending, #"{"state":"pending"}"#),
        (.scheduled(T.now), #"{"at":"2026-11-25T09:00:00Z","state":"scheduled"}"#),
        (.failed("timeout"), #"{"reason":"timeout","state":"failed"}"#),
        (.skipped("no email address"), #"{"reason":"no email address","state":"skipped"}"#),
        (.cancelled, #"{"state":"cancelled"}"#),
    ])
    func stepStateJSON(state: StepState, json: String) throws {
        #expect(try Self.json(state) == json)
        #expect(try Self.decoder().decode(StepState.self, from: Data(json.utf8)) == state)
    }

    @Test func taskDueReadsBothForms() throws {
        #expect(try TaskDue(parsing: "3d") == .after(RelativeDuration(3, .days)))
        #expect(try TaskDue(parsing: "2026-12-01") == .on(DateComponents(year: 2026, month: 12, day: 1)))
        #expect(TaskDue.on(DateComponents(year: 2026, month: 12, day: 1)).description == "2026-12-01")
        #expect(throws: StagehandError.invalidAction(
            "'tomorrow' is not a due day: write a day such as 2026-12-01, or a time such as 3d, 36h or 2bd (business days).")
        ) { try TaskDue(parsing: "tomorrow") }
    }
}
