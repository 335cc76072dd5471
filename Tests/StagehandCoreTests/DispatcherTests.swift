import Foundation
import Synchronization
import Testing
@testable import StagehandCore

/// A transport that records what it was given and can be told to fail.
private final class RecordingTransport: MailTransport {
    private let state = Mutex<(sent: [MailMessage], failuresLeft: Int)>(([], 0))

    func failNext(_ count: Int) { state.withLock { $0.failuresLeft = count } }
    var sent: [MailMessage] { state.withLock { $0.sent } }

    func send(_ message: MailMessage) throws {
        try state.withLock { state in
            if state.failuresLeft > 0 {
                state.failuresLeft -= 1
                throw MailError.outboxNotWritable(path: "/outbox", detail: "disk full")
            }
            state.sent.append(message)
        }
    }
}

/// Spec §4: delayed emails wait in the state file, go out when due, at most once;
/// a failed email can be retried.
@Suite struct DispatcherTests {
    typealias T = TestWorkspace

    func store(_ workspace: Workspace) throws -> (StateFile, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dispatch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = StateFile(path: folder.appendingPathComponent("state.json"))
        try file.create(workspace, replacing: false)
        _ = try file.load()
        return (file, folder)
    }

    @Test func aDelayedEmailGoesOutOnceWhenDueAndNotBefore() throws {
        var workspace = T.make()
        let run = try workspace.moveTo(T.interview, T.alice).runs[0]
        workspace.advanceRuns(now: T.now, only: [run])
        let (file, folder) = try store(workspace)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transport = RecordingTransport()
        let immediate = Dispatcher(store: file, transport: transport, clock: .fixed(T.now))
        #expect(try immediate.runDue().sent.count == 1)
        #expect(transport.sent.map(\.subject).count == 1)
        let later = Dispatcher(store: file, transport: transport, clock: .fixed(T.now.addingTimeInterval(3600)))
        #expect(try later.runDue().sent.count == 1)
        #expect(try later.runDue().sent.isEmpty)
        #expect(transport.sent.count == 2)
        #expect(file.workspace.actionRuns[run]?.steps.filter { $0.email != nil }.allSatisfy { $0.state == .done } == true)
    }

    @Test func aFailedEmailIsRecordedAndCanBeRetried() throws {
        var workspace = T.make()
        let run = try workspace.moveTo(T.interview, T.alice).runs[0]
        workspace.advanceRuns(now: T.now, only: [run])
        let (file, folder) = try store(workspace)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transport = RecordingTransport()
        transport.failNext(1)
        let dispatcher = Dispatcher(store: file, transport: transport, clock: .fixed(T.now))
        let report = try dispatcher.runDue()
        #expect(report.failed.count == 1 && transport.sent.isEmpty)
        let failed = try #require(report.failed.first)
        #expect(file.workspace.emails[failed]?.status == .failed)
        #expect(file.workspace.actionRuns[run]?.hasFailures == true)
        #expect(try dispatcher.runDue().sent.isEmpty, "a failed email is not resent by itself")
        try file.update { try $0.retryEmail(failed, by: T.ada, now: T.now) }
        #expect(try dispatcher.runDue(only: [failed]).sent == [failed])
        #expect(file.workspace.emails[failed]?.status == .sent)
        #expect(file.workspace.candidates[T.alice]?.timeline.contains { $0.text.hasPrefix("Retrying") } == true)
        #expect(throws: StagehandError.self) { try file.update { try $0.retryEmail(failed, by: T.ada, now: T.now) } }
    }

    @Test func anEmailBeingSentByAnotherDispatcherIsNotSentAgain() throws {
        var workspace = T.make()
        let run = try workspace.moveTo(T.interview, T.alice).runs[0]
        workspace.advanceRuns(now: T.now, only: [run])
        let claimed = workspace.claimDueEmails(now: T.now, only: nil)
        #expect(claimed.count == 1)
        let (file, folder) = try store(workspace)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transport = RecordingTransport()
        #expect(try Dispatcher(store: file, transport: transport, clock: .fixed(T.now)).runDue().sent.isEmpty)
        #expect(transport.sent.isEmpty)
    }
}
