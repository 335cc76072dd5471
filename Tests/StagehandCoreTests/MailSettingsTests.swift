import Foundation
import Testing
@testable import StagehandCore

/// Issue 5: the transports are chosen in the settings, checked whole before they are
/// saved, and turned into a transport only where they can work.
@Suite struct MailSettingsTests {
    typealias T = TestWorkspace

    @Test func settingsWrittenBeforeSendmailAndSMTPExistedStillLoad() throws {
        let old = #"{"transport":"outbox","outboxFolder":"mail","fromAddress":"jobs@acme.test"}"#
        let settings = try JSONDecoder().decode(MailSettings.self, from: Data(old.utf8))
        #expect(settings == MailSettings(transport: .outbox, outboxFolder: "mail", fromAddress: "jobs@acme.test"))
        #expect(settings.sendmailCommand == "sendmail -t -i" && settings.smtp == nil)
        let again = try JSONDecoder().decode(MailSettings.self, from: JSONEncoder().encode(Self.smtp))
        #expect(again == Self.smtp)
    }

    static let smtp = MailSettings(
        transport: .smtp, fromAddress: "jobs@acme.test",
        smtp: SMTPSettings(host: "smtp.acme.test", username: "jobs", passwordVariable: "ACME_SMTP_PASSWORD"))

    @Test func anAdminSetsSMTPAndTheSentenceSaysWhere() throws {
        var workspace = T.make()
        let said = try workspace.apply(.setMail(Self.smtp), by: T.ada, now: T.now)
        #expect(said == "Mail now goes out through SMTP at smtp.acme.test:587 (STARTTLS, login jobs), from jobs@acme.test when no team member sends it")
        #expect(workspace.setup.settings.mail == Self.smtp)
    }

    @Test("Settings that cannot work are refused whole, saying what to fix", arguments: [
        (MailSettings(transport: .smtp), "SMTP needs a server"),
        (MailSettings(transport: .smtp, smtp: SMTPSettings(host: "smtp acme")), "is not a host name"),
        (MailSettings(transport: .smtp, smtp: SMTPSettings(host: "smtp.acme.test", port: 0)), "The port 0 is not a port number"),
        (MailSettings(transport: .smtp, smtp: SMTPSettings(host: "h", username: "u", passwordVariable: "A", passwordFile: "/p")), "either in an environment variable or in a file"),
        (MailSettings(transport: .smtp, smtp: SMTPSettings(host: "h", username: "u", passwordVariable: "1-BAD")), "is not an environment variable name"),
        (MailSettings(transport: .smtp, smtp: SMTPSettings(host: "h", passwordVariable: "PW")), "needs a user name"),
        (MailSettings(transport: .sendmail, sendmailCommand: "  "), "The sendmail command is empty"),
        (MailSettings(transport: .sendmail, sendmailCommand: "msmtp 'unclosed"), "unclosed quote"),
        (MailSettings(transport: .outbox, outboxFolder: ""), "The outbox folder is empty"),
        (MailSettings(fromAddress: "jobs at acme"), "is not an email address"),
    ])
    func refused(settings: MailSettings, words: String) {
        var workspace = T.make()
        let before = workspace
        #expect {
            try workspace.setMail(settings, by: T.ada)
        } throws: { error in
            (error as? StagehandError)?.sentence.contains(words) == true
        }
        #expect(workspace == before)
    }

    @Test func theTransportIsMadeOnlyWhereItCanWork() throws {
        let folder = URL(fileURLWithPath: "/srv/stagehand")
        let here = MailTransports(stateFolder: folder, environment: ["PATH": "/usr/bin:/bin", "ACME_SMTP_PASSWORD": "s3cret"])
        let outbox = try #require(try here.transport(for: MailSettings(outboxFolder: "mail")) as? OutboxTransport)
        #expect(outbox.folder.path == "/srv/stagehand/mail")
        let smtp = try #require(try here.transport(for: Self.smtp) as? SMTPTransport)
        #expect(smtp.password == "s3cret" && smtp.url == "smtp://smtp.acme.test:587")
        #expect(throws: MailSetupError.passwordVariableUnset(name: "ACME_SMTP_PASSWORD")) {
            try MailTransports(stateFolder: folder, environment: [:]).transport(for: Self.smtp)
        }
        #expect(throws: MailSetupError.noSMTPServer) { try here.transport(for: MailSettings(transport: .smtp)) }
        #expect(throws: MailSetupError.sendmailNotFound(program: "no-such-mailer")) {
            try here.transport(for: MailSettings(transport: .sendmail, sendmailCommand: "no-such-mailer -t"))
        }
        let sendmail = try #require(try here.transport(for: MailSettings(transport: .sendmail, sendmailCommand: "cat -u")) as? SendmailTransport)
        #expect(sendmail.arguments == ["/usr/bin/cat", "-u"])
        var tls = Self.smtp
        tls.smtp = SMTPSettings(host: "::1", security: .tls)
        #expect(try #require(try here.transport(for: tls) as? SMTPTransport).url == "smtps://[::1]:465")
    }

    @Test func aPasswordFileIsReadAndAMissingOneNamed() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pw-\(UUID().uuidString)")
        try "s3cret\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let settings = SMTPSettings(host: "h", username: "u", passwordFile: file.path)
        #expect(try SMTPTransport.make(settings, environment: [:]).password == "s3cret")
        let missing = SMTPSettings(host: "h", username: "u", passwordFile: file.path + ".gone")
        #expect {
            try SMTPTransport.make(missing, environment: [:])
        } throws: { error in
            (error as? MailSetupError)?.sentence.hasPrefix("Cannot read the SMTP password file \(file.path).gone") == true
        }
    }

    /// Issue 15: one deadline for a whole SMTP conversation, shortened only by tests.
    @Test func theDeadlineIsAMinuteUnlessTheEnvironmentSaysOtherwise() throws {
        #expect(throws: MailSetupError.badDeadline(variable: "STAGEHAND_SMTP_DEADLINE", value: "soon")) {
            try SMTPTransport.make(SMTPSettings(host: "h"), environment: ["STAGEHAND_SMTP_DEADLINE": "soon"])
        }
        #expect(try SMTPTransport.make(SMTPSettings(host: "h"), environment: [:]).deadline == .seconds(60))
        #expect(try SMTPTransport.make(SMTPSettings(host: "h"), environment: ["STAGEHAND_SMTP_DEADLINE": "1.5"]).deadline == .milliseconds(1500))
    }

    /// Issue 15: a CA file that holds no certificate is found before any email is claimed.
    @Test func aPrivateKeyGivenAsTheCAFileIsRefusedBeforeConnecting() throws {
        let key = FileManager.default.temporaryDirectory.appendingPathComponent("key-\(UUID().uuidString).pem")
        try "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n".write(to: key, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: key) }
        #expect(throws: MailSetupError.certificateFileHoldsNoCertificate(path: key.path)) {
            try SMTPTransport.make(SMTPSettings(host: "h", certificateAuthorityFile: key.path), environment: [:])
        }
    }

    /// Issue 15: a login with no password would be refused at every send.
    @Test func aUserWithNoPasswordIsRefusedBeforeConnecting() {
        #expect(throws: MailSetupError.noPassword(user: "jobs")) {
            try SMTPTransport.make(SMTPSettings(host: "h", username: "jobs"), environment: [:])
        }
    }

    @Test("A sendmail command must read the recipients from the message", arguments: [
        ("sendmail -t -i", true), ("sendmail -ti", true), ("sendmail -oi -t", true), ("msmtp --read-recipients", true),
        ("msmtp", false), ("sendmail -i", false), ("msmtp --host=t", false), ("sendmail -C/etc/test.cf", false),
    ])
    func readsRecipients(command: String, reads: Bool) throws {
        #expect(SendmailTransport(arguments: try CommandLineWords.split(command)).readsRecipientsFromMessage == reads)
    }

    @Test("Commands are split into words like a shell would, without one", arguments: [
        ("sendmail -t -i", ["sendmail", "-t", "-i"]),
        ("msmtp -t --account 'work mail'", ["msmtp", "-t", "--account", "work mail"]),
        (#"/opt/mail\ tools/send -f "a \"b\"""#, ["/opt/mail tools/send", "-f", #"a "b""#]),
        ("  spaced   out  ", ["spaced", "out"]),
        ("x ''", ["x", ""]),
    ])
    func words(command: String, expected: [String]) throws {
        #expect(try CommandLineWords.split(command) == expected)
    }
}

/// What a sendmail-compatible program's exit says: quoted server replies decide,
/// otherwise <sysexits.h>.
@Suite struct SendmailTransportTests {
    @Test("Failures are transient or permanent", arguments: [
        (69, "msmtp: server message: 451 4.3.0 Try again later", DeliveryFailure.Kind.transient),
        (69, "msmtp: server message: 554 5.6.0 Message rejected", .permanent),
        (65, "msmtp: server message: 550 5.1.1 <x@y>: User unknown", .permanent),
        (75, "", .transient),
        (67, "", .permanent),
        (1, "", .permanent),
    ])
    func classified(status: Int32, said: String, kind: DeliveryFailure.Kind) {
        #expect(SendmailTransport.failure(program: "msmtp", status: status, signalled: false, said: said).kind == kind)
    }

    static func message(to address: String = "zoe@example.com") -> MailMessage {
        MailMessage(
            fromName: "Ana", fromAddress: "ana@acme.test", toName: "Zoë", toAddress: address, subject: "Hello Zoë",
            body: "Hi", date: TestWorkspace.now, messageID: "<1@acme.test>")
    }

    @Test func theWholeMessageIsPipedToTheProgram() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("piped-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let transport = try SendmailTransport.make(command: "sh -c 'cat > \"$0\"' \(file.path)", environment: ["PATH": "/bin:/usr/bin"])
        try transport.send(Self.message())
        #expect(FileManager.default.contents(atPath: file.path) == Self.message().rfc5322())
    }

    @Test func aProgramThatSaysTryLaterIsATransientFailure() throws {
        let transport = try SendmailTransport.make(command: "sh -c 'cat >/dev/null; echo queue full >&2; exit 75'", environment: [:])
        #expect(throws: DeliveryFailure(.transient, "sh exited with status 75: queue full")) { try transport.send(Self.message()) }
    }

    @Test func aProgramThatStopsReadingEarlyDoesNotTakeStagehandDown() throws {
        let transport = try SendmailTransport.make(command: "sh -c 'exit 67'", environment: [:])
        #expect(throws: DeliveryFailure(.permanent, "sh exited with status 67")) { try transport.send(Self.message()) }
    }

    @Test func anAddressThatCouldBreakOutIsRefusedBeforeAnythingRuns() {
        let transport = SendmailTransport(arguments: ["/bin/false"])
        #expect {
            try transport.send(Self.message(to: "zoe@example.com\r\nBcc: all@example.com"))
        } throws: { error in
            (error as? DeliveryFailure)?.kind == .permanent
        }
    }
}

/// SMTP through libcurl; the conversations with a real server are in the end-to-end tests.
@Suite struct SMTPTransportTests {
    @Test func aServerThatIsNotThereIsATransientFailure() throws {
        // Port 9 (discard) on loopback: nothing listens there on a test machine.
        let transport = SMTPTransport(settings: SMTPSettings(host: "127.0.0.1", port: 9, security: .none), password: nil)
        #expect {
            try transport.send(SendmailTransportTests.message())
        } throws: { error in
            let failure = error as? DeliveryFailure
            return failure?.kind == .transient && failure?.detail.hasPrefix("Nothing answers at 127.0.0.1:9: check that the mail server is running") == true
        }
    }

    @Test func replyCodesDecide() {
        #expect(DeliveryFailure.fromReply(code: 451, detail: "").kind == .transient)
        #expect(DeliveryFailure.fromReply(code: 421, detail: "").kind == .transient)
        #expect(DeliveryFailure.fromReply(code: 550, detail: "").kind == .permanent)
        #expect(DeliveryFailure.fromReply(code: 554, detail: "").kind == .permanent)
    }
}
