import Foundation
import Testing
@testable import StagehandCore

@Suite struct OutboxTransportTests {
    let scratch: URL

    init() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    static func message(id: String = "<20261125T101500.abc123@stagehand.local>", body: String = "Hello Ana") -> MailMessage {
        MailMessage(
            fromName: "Sam Rivera", fromAddress: "sam@acme.example", toName: "Ana López", toAddress: "ana@mail.example",
            subject: "Your interview", body: body, date: Date(timeIntervalSince1970: 1_795_601_700), messageID: id)
    }

    private func cleanUp() {
        try? FileManager.default.removeItem(at: scratch)
    }

    @Test func writesOneFileNamedByTheMessageID() throws {
        defer { cleanUp() }
        let folder = scratch.appendingPathComponent("outbox")
        let message = Self.message()
        try OutboxTransport(folder: folder).send(message)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files == ["20261125T101500.abc123@stagehand.local.eml"])
        let written = try Data(contentsOf: folder.appendingPathComponent(files[0]))
        #expect(written == message.rfc5322())
    }

    @Test func createsMissingFoldersPrivateToTheUser() throws {
        defer { cleanUp() }
        let folder = scratch.appendingPathComponent("state/mail/outbox")
        try OutboxTransport(folder: folder).send(Self.message())
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    }

    @Test func keepsEveryMessageInItsOwnFile() throws {
        defer { cleanUp() }
        let outbox = OutboxTransport(folder: scratch)
        let ids = (0..<5).map { _ in MailMessage.makeMessageID(domain: "acme.example") }
        for id in ids {
            try outbox.send(Self.message(id: id))
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
        #expect(Set(files) == Set(ids.map { OutboxTransport.fileName(for: $0) }))
    }

    @Test func refusesToOverwriteAMessage() throws {
        defer { cleanUp() }
        let outbox = OutboxTransport(folder: scratch)
        let first = Self.message(body: "first")
        try outbox.send(first)
        let path = scratch.appendingPathComponent("20261125T101500.abc123@stagehand.local.eml").path
        #expect(throws: MailError.alreadyInOutbox(path: path)) {
            try outbox.send(Self.message(body: "second"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == first.rfc5322())
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).count == 1, "no temporary file left")
    }

    @Test(arguments: [
        ("<20261125T101500.abc123@stagehand.local>", "20261125T101500.abc123@stagehand.local.eml"),
        ("plain@host", "plain@host.eml"),
        ("<a/b\\c d:e*f@host>", "a_b_c_d_e_f@host.eml"),
        ("<../../etc/passwd>", "_._.._etc_passwd.eml"),
        ("<>", "message.eml"),
    ])
    func namesFilesSafely(messageID: String, expected: String) {
        #expect(OutboxTransport.fileName(for: messageID) == expected)
    }

    @Test func explainsAnOutboxItCannotWriteTo() throws {
        defer { cleanUp() }
        // Tests run as root, where permissions do not stop writes; a regular file in the
        // path stops them for everyone.
        let file = scratch.appendingPathComponent("state.json")
        try Data("{}".utf8).write(to: file)
        let folder = file.appendingPathComponent("outbox")
        let error = #expect(throws: MailError.self) {
            try OutboxTransport(folder: folder).send(Self.message())
        }
        guard case .outboxNotWritable(let path, let detail) = try #require(error) else {
            Issue.record("expected outboxNotWritable, got \(String(describing: error))")
            return
        }
        #expect(path == folder.path)
        #expect(detail == "Not a directory")
        #expect(error?.sentence == "Cannot write to the outbox folder \(folder.path) (Not a directory): make sure it is "
            + "a folder you can write to on a disk with free space, or choose another outbox folder in the workspace settings.")
    }
}
