import Foundation
import Testing

/// Issue 15, item 23: `stagehand mail` checks what it can without sending a message —
/// for SMTP it connects, switches to TLS and logs in — and says what is wrong and what
/// to change, with exit 2, instead of "Ready" for settings that cannot work.
@Suite(.serialized) struct MailReadinessTests {
    func workspace(_ transport: [String]) throws -> StagehandCLI {
        let cli = try StagehandCLI()
        #expect(try cli.run(["demo"]).status == 0)
        let set = try cli.run(["mail", "set"] + transport)
        #expect(set.status == 0, "\(set.errors)")
        return cli
    }

    func expectNotReady(_ result: StagehandCLI.Result, saying words: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 2, "exit \(result.status): \(result.output)", sourceLocation: sourceLocation)
        // The sentence goes on after the colon, so it starts small.
        let continued = words.prefix(1).lowercased() + words.dropFirst()
        #expect(result.output.contains("Not ready here: \(continued)") && !result.output.contains("Ready:"), "\(result.output)", sourceLocation: sourceLocation)
    }

    @Test func aServerThatIsDownIsNotReady() throws {
        let port = try SilentListener.closedPort()
        let cli = try workspace(["smtp", "--host", "127.0.0.1", "--port", "\(port)", "--security", "none"])
        expectNotReady(try cli.run(["mail"]), saying: "Nothing answers at 127.0.0.1:\(port): check that the mail server is running")
    }

    @Test func aLoginWithNoPasswordIsNotReady() throws {
        let scratch = try Scratch()
        let server = try SMTPServer(in: scratch.url, login: "jobs:s3cret")
        let cli = try workspace(["smtp", "--host", "127.0.0.1", "--port", "\(server.port)", "--security", "none", "--user", "jobs"])
        expectNotReady(try cli.run(["mail"]), saying: "The SMTP login jobs has no password: give it with 'stagehand mail set smtp --password-env NAME'")
    }

    @Test func aPrivateKeyGivenAsTheCAFileIsNotReady() throws {
        let scratch = try Scratch()
        let tls = try SMTPServer.makeCertificate(in: scratch.url)
        let server = try SMTPServer(in: scratch.url, starttls: tls)
        let cli = try workspace(["smtp", "--host", "127.0.0.1", "--port", "\(server.port)", "--ca-file", tls.key.path])
        expectNotReady(try cli.run(["mail"]), saying: "The CA file \(tls.key.path) holds no certificate")
    }

    @Test func theLoginIsTriedOverSTARTTLSAndNothingIsSent() throws {
        let scratch = try Scratch()
        let tls = try SMTPServer.makeCertificate(in: scratch.url)
        let server = try SMTPServer(in: scratch.url, login: "jobs:s3cret", starttls: tls)
        let cli = try workspace([
            "smtp", "--host", "127.0.0.1", "--port", "\(server.port)", "--user", "jobs", "--password-env", "TEST_SMTP_PASSWORD",
            "--ca-file", tls.certificate.path,
        ])
        let ready = try cli.run(["mail"], environment: ["TEST_SMTP_PASSWORD": "s3cret"])
        #expect(ready.status == 0, "\(ready.output)\(ready.errors)")
        #expect(ready.output.contains("Ready: the server at 127.0.0.1:\(server.port) switched to TLS (STARTTLS) with a certificate it trusts, and the login jobs was accepted; nothing was sent."), "\(ready.output)")
        expectNotReady(try cli.run(["mail"], environment: ["TEST_SMTP_PASSWORD": "wrong"]), saying: "The server 127.0.0.1:\(server.port) refused the login jobs")
        #expect(server.messages.isEmpty && server.attempts.isEmpty, "checking sends nothing")
    }

    @Test func aSendmailCommandWithoutDashTIsNotReady() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/msmtp") else {
            Issue.record("msmtp is not installed: apt-get install msmtp; .ci/run does this.")
            return
        }
        let cli = try workspace(["sendmail", "--command", "msmtp --host=127.0.0.1"])
        expectNotReady(
            try cli.run(["mail"]),
            saying: "The sendmail command 'msmtp --host=127.0.0.1' does not read the recipients from the message: add -t, as in 'stagehand mail set sendmail --command \"msmtp --host=127.0.0.1 -t\"'.")
        #expect(try cli.run(["mail", "set", "sendmail", "--command", "msmtp -t --host=127.0.0.1"]).status == 0)
        let ready = try cli.run(["mail"])
        #expect(ready.status == 0 && ready.output.contains("Ready: /usr/bin/msmtp is there and reads the recipients from each message (-t); nothing was sent."), "\(ready.output)")
    }

    @Test func anOutboxThatCannotBeWrittenIsNotReady() throws {
        let scratch = try Scratch()
        // Under a file, so that not even root could make the folder.
        let file = scratch.url.appendingPathComponent("a-file")
        try "".write(to: file, atomically: true, encoding: .utf8)
        let folder = file.appendingPathComponent("outbox").path
        let cli = try workspace(["outbox", "--folder", folder])
        expectNotReady(try cli.run(["mail"]), saying: "Cannot write to the outbox folder \(folder)")
        #expect(try cli.run(["mail", "set", "outbox", "--folder", "outbox"]).status == 0)
        let ready = try cli.run(["mail"])
        #expect(ready.status == 0 && ready.output.contains("Ready: the outbox folder") && ready.output.contains("can be written"), "\(ready.output)")
    }
}
