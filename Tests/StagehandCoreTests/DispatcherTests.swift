import Foundation
import Synchronization
import Testing
@testable import StagehandCore

/// A transport that records what it was given and answers with the failures it is told to.
final class RecordingTransport: MailTransport {
    private let state = Mutex<(sent: [MailMessage], failures: [DeliveryFailure])>(([], []))

    func fail(with failures: DeliveryFailure...) { state.withLock { $0.failures += failures } }
    var sent: [MailMessage] { state.withLock { $0.sent } }

    func send(_ message: MailMessage) throws -> String {
        try state.withLock { state in
            if !state.failures.isEmpty { throw state.failures.removeFirst() }
            state.sent.append(message)
            return "250 queued"
        }
    }

    func checkWithoutSending() -> String { "nothing to check in a test" }
}

extension ProcessTable {
    /// Another process on another machine whose liveness the test decides.
    static func fake(pid: Int32 = 4242, othersRunning: Bool) -> ProcessTable {
        ProcessTable(host: "test-host", pid: pid, processStart: 1) { _ in othersRunning }
    }
}

/// Spec §4 and issue 5: delayed emails wait in the state file, go out when due, at
/// most once; transient failures are retried with backoff, permanent ones fail at
/// once; a send whose process died is reported unknown, never resent by itself.
@Suite struct DispatcherTests {
    typealias T = TestWorkspace
    static let temporary = DeliveryFailure(.transient, "The server answered 451 4.3.0 Try again later")
    static let refused = DeliveryFailure(.permanent, "The server answered 550 5.1.1 User unknown")

    func store(_ workspace: Workspace) throws -> (StateFile, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dispatch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = StateFile(path: folder.appendingPathComponent("state.json"))
        try file.create(workspace, replacing: false)
        _ = try file.load()
        return (file, folder)
    }

    /// Alice moved to Interview: an invitation due now and a reminder due in an hour.
    func aliceInInterview() throws -> (Workspace, ActionRunID) {
        var workspace = T.make()
        let run = try workspace.moveTo(T.interview, T.alice).runs[0]
        workspace.advanceRuns(now: T.now, only: [run])
        return (workspace, run)
    }

    func dispatcher(_ file: StateFile, _ transport: RecordingTransport, at offset: TimeInterval = 0, processes: ProcessTable = .system)
        -> Dispatcher
    {
        Dispatcher(store: file, transport: transport, clock: .fixed(T.now.addingTimeInterval(offset)), processes: processes)
    }

    func timeline(_ file: StateFile) -> [String] {
        file.workspace.candidates[T.alice]?.timeline.map(\.text) ?? []
    }

    @Test func aDelayedEmailGoesOutOnceWhenDueAndNotBefore() throws {
        let (workspace, run) = try aliceInInterview()
        let (file, folder) = try store(workspace)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transport = RecordingTransport()
        #expect(try dispatcher(file, transport).runDue().sent.count == 1)
        #expect(transport.sent.count == 1)
        let later = dispatcher(file, transport, at: 3600)
        #expect(try later.runDue().sent.count == 1)
        #expect(try later.runDue().sent.isEmpty)
        #expect(transport.sent.count == 2)
        #expect(file.workspace.actionRuns[run]?.steps.filter { $0.email != nil }.allSatisfy { $0.state == .done } == true)
        #expect(file.workspace.emails.allSatisfy { $0.claim == nil })
    }

    @Test func aPermanentRefusalFailsAtOnceAndCanBeRetriedByHand() throws {
        let (workspace, run) = try aliceInInterview()
        let (file, folder) = try store(workspace)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transport = RecordingTransport()
        transport.fail(with: Self.refused)
        let report = try dispatcher(file, transport).runDue()
        let failed = try #require(report.failed.first)
        #expect(report.retrying.isEmpty && transport.sent.isEmpty)
        #expect(file.workspace.emails[failed]?.status == .failed)
        #expect(file.workspace.emails[failed]?.failure == Self.refused.detail)
        #expect(file.workspace.actionRuns[run]?.hasFailures == true)
        #expect(timeline(file).contains { $0.contains("was refused: The server answered 550") })
        #expect(try !dispatcher(file, transport, at: 86400).runDue().sent.contains(failed), "a failed email is not resent by itself")
        try file.update { try $0.retryEmail(failed, by: T.ada, now: T.now) }
        #expect(try dispatcher(file, transport).runDue(only: [failed]).sent == [failed])
        #expect(file.workspace.emails[failed]?.status == .sent)
        #expect(timeline(file).contains { $0.hasPrefix("Retrying") })
        #expect(throws: StagehandError.self) { try file.update { try $0.retryEmail(failed, by: T.ada, now: T.now) } }
    }

    @Test func transientFailuresAreRetriedAfterOneFiveThirtyMinutesAndTwoHoursThenFail() throws {
        let (workspace, _) = try aliceInInterview()
        let (file, folder) = try store(workspace)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transport = RecordingTransport()
        transport.fail(with: Self.temporary, Self.temporary, Self.temporary, Self.temporary, Self.temporary)
        let first = try #require(try dispatcher(file, transport).runDue().retrying.first)
        var elapsed: TimeInterval = 0
        for (attempt, delay) in [60.0, 300, 1800, 7200].enumerated() {
            elapsed += delay
            #expect(file.workspace.emails[first]?.dueAt == T.now.addingTimeInterval(elapsed), "attempt \(attempt + 1) waits \(delay) s")
            #expect(try dispatcher(file, transport, at: elapsed - 1).runDue(only: [first]).sent.isEmpty, "not before its time")
            let report = try dispatcher(file, transport, at: elapsed).runDue(only: [first])
            #expect(report.retrying == (attempt < 3 ? [first] : []))
            #expect(report.failed == (attempt < 3 ? [] : [first]))
        }
        #expect(file.workspace.emails[first]?.status == .failed)
        #expect(file.workspace.emails[first]?.attempts == 5)
        let attempts = timeline(file).filter { $0.hasPrefix("Attempt ") }
        #expect(attempts.count == 4, "every attempt is on the timeline: \(attempts)")
        #expect(timeline(file).contains { $0.contains("failed 5 times, last: The server answered 451") })
        #expect(transport.sent.isEmpty)
    }

    @Test func anEmailThatFailsOnceGoesOutOnTheNextAttempt() throws {
        let (workspace, run) = try aliceInInterview()
        let (file, folder) = try store(workspace)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transport = RecordingTransport()
        transport.fail(with: Self.temporary)
        let id = try #require(try dispatcher(file, transport).runDue().retrying.first)
        #expect(file.workspace.actionRuns[run]?.steps.contains { $0.email == id && $0.state == .scheduled(T.now.addingTimeInterval(60)) } == true)
        #expect(file.workspace.waitingEmails.contains { $0.id == id }, "a retry waits in the Scheduled view")
        #expect(try dispatcher(file, transport, at: 60).runDue(only: [id]).sent == [id])
        #expect(transport.sent.count == 1)
        #expect(timeline(file).contains { $0.hasSuffix("sent on attempt 2") })
        let scheduling = try #require(file.workspace.candidates[T.alice]?.timeline.first { $0.email == id })
        #expect(scheduling.status == .sent, "the entry that scheduled it follows the email")
    }

    @Test func anEmailClaimedByAProcessStillRunningIsLeftAlone() throws {
        var (workspace, _) = try aliceInInterview()
        let claim = ProcessTable.fake(othersRunning: true).claim(at: T.now)
        let claimed = workspace.claimDueEmails(now: T.now, only: nil, limit: 10, claim: claim)
        #expect(claimed.count == 1 && claimed[0].claim == claim)
        let (file, folder) = try store(workspace)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transport = RecordingTransport()
        let report = try dispatcher(file, transport, processes: .fake(pid: 7, othersRunning: true)).runDue()
        #expect(report.sent.isEmpty && report.unknown.isEmpty && transport.sent.isEmpty)
        #expect(file.workspace.emails[claimed[0].id]?.status == .sending)
    }

    @Test func anEmailWhoseSenderDiedIsReportedUnknownAndNotResent() throws {
        var (workspace, run) = try aliceInInterview()
        let claimed = workspace.claimDueEmails(now: T.now, only: nil, limit: 10, claim: ProcessTable.fake(othersRunning: false).claim(at: T.now))
        let id = try #require(claimed.first?.id)
        let (file, folder) = try store(workspace)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transport = RecordingTransport()
        let report = try dispatcher(file, transport, at: 5, processes: .fake(pid: 7, othersRunning: false)).runDue()
        #expect(report.unknown == [id] && report.sent.isEmpty && transport.sent.isEmpty)
        #expect(file.workspace.emails[id]?.status == .unknown)
        #expect(file.workspace.actionRuns[run]?.hasFailures == true)
        #expect(timeline(file).contains { $0.contains("unknown — check the server: process 4242 on test-host stopped while sending it") })
        #expect(try !dispatcher(file, transport, at: 86400, processes: .fake(pid: 7, othersRunning: false)).runDue().sent.contains(id))
        #expect(file.workspace.emailsToRetry.map(\.id) == [id])
        try file.update { try $0.retryEmail(id, by: T.ada, now: T.now) }
        #expect(try dispatcher(file, transport).runDue(only: [id]).sent == [id])
    }

    @Test func aDeadProcessIsToldApartFromALiveOneOnThisMachine() throws {
        let me = ProcessTable.system
        #expect(me.isRunning(me.claim(at: T.now)))
        var reused = me.claim(at: T.now)
        reused.processStart = (reused.processStart ?? 0) + 1
        #expect(!me.isRunning(reused), "the same pid with another start time is another process")
        var gone = me.claim(at: T.now)
        gone.pid = Int32.max - 1
        #expect(!me.isRunning(gone))
        var elsewhere = gone
        elsewhere.host = me.host + "-other"
        #expect(me.isRunning(elsewhere), "a claim from another machine cannot be checked, so it is trusted")
    }

    @Test func aTransportThatCannotWorkHereClaimsNothing() throws {
        var (workspace, _) = try aliceInInterview()
        workspace.setup.settings.mail = MailSettings(transport: .smtp, smtp: SMTPSettings(host: "smtp.example.com", username: "jobs", passwordVariable: "NOT_SET_ANYWHERE"))
        let (file, folder) = try store(workspace)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transports = MailTransports(stateFolder: folder, environment: [:])
        let report = try Dispatcher(store: file, transports: transports, clock: .fixed(T.now)).runDue()
        #expect(report.setupProblem == .passwordVariableUnset(name: "NOT_SET_ANYWHERE"))
        #expect(!report.didSomething)
        #expect(file.workspace.emails.contains { $0.status == .scheduled && $0.dueAt <= T.now }, "the email still waits")
    }

    @Test func aLongQueueGoesOutInBatchesSoonestFirst() throws {
        var workspace = T.make()
        let runs = try workspace.moveTo(T.interview, T.alice, T.bruno, choice: .runActions).runs
        workspace.advanceRuns(now: T.now, only: Set(runs))
        let due = workspace.emails.filter { $0.status == .scheduled && $0.dueAt <= T.now.addingTimeInterval(3600) }.count
        let (file, folder) = try store(workspace)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transport = RecordingTransport()
        let report = try Dispatcher(store: file, transport: transport, clock: .fixed(T.now.addingTimeInterval(3600)), batchSize: 1).runDue()
        #expect(report.sent.count == due && transport.sent.count == due)
        let order = report.sent.compactMap { file.workspace.emails[$0]?.dueAt }
        #expect(order == order.sorted())
    }

    @Test func silenceAfterTheWholeMessageLeavesTheEmailUnknown() throws {
        let (workspace, run) = try aliceInInterview()
        let (file, folder) = try store(workspace)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transport = RecordingTransport()
        transport.fail(with: DeliveryFailure(.uncertain, "The server went silent after receiving the whole message"))
        let report = try dispatcher(file, transport).runDue()
        let id = try #require(report.unknown.first)
        #expect(report.retrying.isEmpty && report.failed.isEmpty)
        #expect(file.workspace.emails[id]?.status == .unknown)
        #expect(file.workspace.actionRuns[run]?.hasFailures == true)
        #expect(timeline(file).contains { $0.contains("unknown — check the server: The server went silent") })
        #expect(try !dispatcher(file, transport, at: 86400).runDue().sent.contains(id))
    }

    @Test func aRetryWaitingForItsTimeIsNotMarkedFailedOnTheTimeline() throws {
        let (workspace, _) = try aliceInInterview()
        let (file, folder) = try store(workspace)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transport = RecordingTransport()
        transport.fail(with: Self.temporary)
        _ = try dispatcher(file, transport).runDue()
        let attempt = try #require(file.workspace.candidates[T.alice]?.timeline.last)
        #expect(attempt.text.hasPrefix("Attempt 1 of 5") && attempt.status == nil)
    }

    @Test func aClaimOlderThanAnySendIsGivenUpEvenFromAnotherHost() throws {
        var (workspace, _) = try aliceInInterview()
        let claimed = workspace.claimDueEmails(now: T.now, only: nil, limit: 10, claim: ProcessTable.fake(othersRunning: true).claim(at: T.now))
        let id = try #require(claimed.first?.id)
        let (file, folder) = try store(workspace)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transport = RecordingTransport()
        let live = ProcessTable.fake(pid: 7, othersRunning: true)
        #expect(try dispatcher(file, transport, at: 14 * 60, processes: live).runDue(only: [id]).unknown.isEmpty, "a send may take a while")
        #expect(try dispatcher(file, transport, at: 16 * 60, processes: live).runDue(only: [id]).unknown == [id])
        #expect(timeline(file).contains { $0.contains("has been sending it for over 15 minutes") })
        #expect(transport.sent.isEmpty)
    }
}
