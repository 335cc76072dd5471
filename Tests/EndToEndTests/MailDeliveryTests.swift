import Foundation
import StagehandCore
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 5: mail really leaves, through a real SMTP server on 127.0.0.1 and a real
/// sendmail-compatible program (msmtp), exactly once when all goes well, at most once
/// when a sender dies, retried after a 4xx and failed at once on a 5xx.
@Suite(.serialized) struct MailDeliveryTests {
    static let zoe = (name: "Zoë Ünal-Sørensen", email: "zoe@example.com")

    /// A sample workspace whose mail goes to `server` by SMTP without encryption.
    func workspace(sendingTo server: SMTPServer, extra: [String] = [], store: TestStore) throws -> StagehandCLI {
        let cli = try StagehandCLI(store)
        try expectSuccess(cli.run(["demo"]))
        try expectSuccess(cli.run(["mail", "set", "smtp", "--host", "127.0.0.1", "--port", "\(server.port)", "--security", "none"] + extra))
        return cli
    }

    @discardableResult
    func expectSuccess(_ result: StagehandCLI.Result, sourceLocation: SourceLocation = #_sourceLocation) -> StagehandCLI.Result {
        #expect(result.status == 0, "exit \(result.status): \(result.errors)\(result.output)", sourceLocation: sourceLocation)
        return result
    }

    func emails(of candidate: String, _ cli: StagehandCLI, now: String? = nil) throws -> [[String: Any]] {
        try cli.json(["show", candidate], now: now)["emails"] as? [[String: Any]] ?? []
    }

    func timeline(of candidate: String, _ cli: StagehandCLI) throws -> [String] {
        (try cli.json(["show", candidate])["timeline"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
    }

    /// `apply` puts a candidate in the first stage, whose action emails them at once.
    func apply(_ cli: StagehandCLI, name: String = zoe.name, email: String = zoe.email, environment: [String: String] = [:]) throws -> String {
        let result = expectSuccess(try cli.run(["apply", "--job", "ios", "--name", name, "--email", email], environment: environment))
        let id = result.output.firstMatch(of: /\[(cand-[^\]]+)\]/).map { String($0.1) }
        return try #require(id, "apply printed no id: \(result.output)")
    }

    @Test(arguments: TestStore.allCases) func aNewcomerTestsTheServerThenAMoveDeliversTheEmailWithUTF8Intact(store: TestStore) throws {
        let scratch = try Scratch()
        let server = try SMTPServer(in: scratch.url)
        let cli = try workspace(sendingTo: server, store: store)
        let before = cli.savedState()
        let refused = try cli.run(["mail", "set", "outbox", "--as", "ben"])
        #expect(refused.status == 3 && refused.errors.contains("change how mail is sent"), "a recruiter may not: \(refused.errors)")
        #expect(cli.savedState() == before)
        let test = expectSuccess(try cli.run(["mail", "test", "--to", "recruiter@example.com"]))
        #expect(test.output.contains("250 2.0.0 Ok: queued as 1"), "the server's answer is reported: \(test.output)")
        expectSuccess(try cli.run(["mail", "set", "smtp", "--user", "jobs", "--password-env", "TEST_SMTP_PASSWORD"]))
        let noLogin = expectSuccess(try cli.run(["mail", "test", "--to", "recruiter@example.com"], environment: ["TEST_SMTP_PASSWORD": "x"]))
        #expect(noLogin.output.contains("the server offered no login, so none was made"), "\(noLogin.output)")
        expectSuccess(try cli.run(["mail", "set", "smtp", "--no-login"]))
        #expect(server.messages.first?.subject == "Stagehand test message")

        let zoe = try apply(cli)
        let moved = expectSuccess(try cli.run(["move", zoe, "--to", "Phone screen"]))
        #expect(moved.output.contains("at once: sent"), "\(moved.output)")
        let messages = server.messages
        #expect(messages.count == 4, "two tests, thanks, phone screen: \(messages.map(\.subject))")
        let sent = try emails(of: zoe, cli)
        for (message, email) in zip(messages.dropFirst(2), sent) {
            #expect(message.envelopeTo == [Self.zoe.email])
            #expect(message.to == "\(Self.zoe.name) <\(Self.zoe.email)>", "a UTF-8 display name arrives intact")
            #expect(message.subject == email["subject"] as? String)
            #expect(message.body.trimmingCharacters(in: .newlines) == (email["body"] as? String)?.trimmingCharacters(in: .newlines))
            #expect(message.from == "\(email["fromName"] as? String ?? "") <\(email["from"] as? String ?? "")>")
            #expect(email["status"] as? String == "sent")
        }
        #expect(messages[2].body.contains("Zoë"), "the body greets the candidate by her UTF-8 name: \(messages[2].body)")
    }

    @Test(arguments: TestStore.allCases) func aDelayedEmailArrivesOnlyOnceItsDueTimeHasPassed(store: TestStore) throws {
        let scratch = try Scratch()
        let server = try SMTPServer(in: scratch.url)
        let cli = try workspace(sendingTo: server, store: store)
        let zoe = try apply(cli)
        expectSuccess(try cli.run(["move", zoe, "--to", "Interview"], now: "2026-11-25T09:00:00Z"))
        let invitation = try #require(try emails(of: zoe, cli).first { $0["status"] as? String == "scheduled" })
        #expect(invitation["dueAt"] as? String == "2026-11-25T10:00:00Z")
        let before = server.messages.count
        expectSuccess(try cli.run(["dispatch"], now: "2026-11-25T09:59:59Z"))
        #expect(server.messages.count == before, "nothing goes out before it is due")
        let listed = expectSuccess(try cli.run(["scheduled"], now: "2026-11-25T09:59:59Z"))
        #expect(listed.output.contains("2026-11-25 10:00") && listed.output.contains("Zoë Ünal-Sørensen"))
        let waiting = try cli.json(["scheduled"])["waiting"] as? [[String: Any]] ?? []
        let entry = try #require(waiting.first { $0["id"] as? String == invitation["id"] as? String })
        #expect(entry["candidateName"] as? String == Self.zoe.name && entry["stageName"] as? String == "Interview")
        #expect(entry["templateName"] as? String != nil && entry["senderName"] as? String != nil && entry["jobTitle"] as? String == "Senior iOS Engineer")
        let dispatched = expectSuccess(try cli.run(["dispatch"], now: "2026-11-25T10:00:01Z"))
        #expect(dispatched.output.contains("Sent 1, failed 0."), "\(dispatched.output)")
        #expect(server.messages.count == before + 1)
        #expect(server.messages.last?.subject == invitation["subject"] as? String)
        expectSuccess(try cli.run(["dispatch"], now: "2026-11-25T12:00:00Z"))
        #expect(server.messages.count == before + 1, "and only once")
    }

    @Test(arguments: TestStore.allCases) func threeDispatchersAtOnceDeliverTwoHundredEmailsWithNoDuplicateAndNoneMissing(store: TestStore) throws {
        let scratch = try Scratch()
        let server = try SMTPServer(in: scratch.url)
        let cli = try workspace(sendingTo: server, store: store)
        let count = 200
        let csv = "name,email\n" + (1...count).map { "Zoë Load \($0),load\($0)@example.com" }.joined(separator: "\n") + "\n"
        let file = scratch.url.appendingPathComponent("load.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        expectSuccess(try cli.run(["import", file.path, "--job", "ios"]))
        let board = try cli.json(["board", "--job", "ios"])
        let stages = ((board["jobs"] as? [[String: Any]])?.first?["stages"] as? [[String: Any]]) ?? []
        let applied = (stages.first?["candidates"] as? [[String: Any]]) ?? []
        let ids = applied.filter { ($0["name"] as? String)?.hasPrefix("Zoë Load ") == true }.compactMap { $0["id"] as? String }
        #expect(ids.count == count)
        // Into Interview: its invitation goes out an hour after entry, so all 200 wait.
        expectSuccess(try cli.run(["move"] + ids + ["--to", "Interview", "--run-actions"], now: "2026-11-25T09:00:00Z"))
        #expect(server.messages.isEmpty)
        let started = Date()
        let dispatchers = try (0..<3).map { _ in try cli.start(["dispatch"], now: "2026-11-25T10:30:00Z") }
        let results = dispatchers.map { $0.finish() }
        let seconds = Date().timeIntervalSince(started)
        for result in results { expectSuccess(result) }
        let addresses = server.messages.flatMap(\.envelopeTo).filter { $0.hasPrefix("load") }
        let expected = Set((1...count).map { "load\($0)@example.com" })
        let duplicates = addresses.count - Set(addresses).count
        let missing = expected.subtracting(addresses).count
        print("three dispatchers, \(count) due emails: \(addresses.count) delivered, \(duplicates) duplicates, \(missing) missing, in \(String(format: "%.2f", seconds)) s")
        #expect(duplicates == 0)
        #expect(missing == 0)
        #expect(Set(server.messages.map(\.messageID)).count == server.messages.count, "every Message-ID once")
        let perDispatcher = results.compactMap { $0.output.firstMatch(of: /Sent (\d+), failed 0\./).map { Int($0.1)! } }
        #expect(perDispatcher.reduce(0, +) == count, "the three reports add up: \(perDispatcher)")
    }

    @Test(arguments: TestStore.allCases) func aServerThatAnswers451GetsTheEmailOnTheRetryAMinuteLater(store: TestStore) throws {
        let scratch = try Scratch()
        let server = try SMTPServer(in: scratch.url, answers: ["451"])
        let cli = try workspace(sendingTo: server, store: store)
        let zoe = try apply(cli)
        let first = try #require(try emails(of: zoe, cli).first)
        #expect(first["status"] as? String == "scheduled")
        #expect(first["dueAt"] as? String == "2026-11-25T09:01:00Z", "retried after one minute")
        #expect((first["failure"] as? String)?.contains("451 4.3.0") == true)
        #expect(server.messages.isEmpty)
        expectSuccess(try cli.run(["dispatch"], now: "2026-11-25T09:00:59Z"))
        #expect(server.messages.isEmpty)
        let retried = expectSuccess(try cli.run(["dispatch"], now: "2026-11-25T09:01:00Z"))
        #expect(retried.output.contains("Sent 1, failed 0."), "\(retried.output)")
        #expect(server.messages.count == 1 && server.attempts.count == 2)
        let lines = try timeline(of: zoe, cli)
        #expect(lines.contains { $0.contains("Attempt 1 of 5") && $0.contains("451 4.3.0") })
        #expect(lines.contains { $0.hasSuffix("sent on attempt 2") })
    }

    @Test(arguments: TestStore.allCases) func a550FailsAtOnceShowsOnTheTimelineAndIsNotSentAgainUnlessRetried(store: TestStore) throws {
        let scratch = try Scratch()
        let server = try SMTPServer(in: scratch.url, refuse: [Self.zoe.email])
        let cli = try workspace(sendingTo: server, store: store)
        let zoe = try apply(cli)
        let email = try #require(try emails(of: zoe, cli).first)
        #expect(email["status"] as? String == "failed")
        #expect(try timeline(of: zoe, cli).contains { $0.contains("was refused: The server answered 550 5.1.1") })
        let listed = expectSuccess(try cli.run(["scheduled"]))
        #expect(listed.output.contains("Failed or unknown (1)") && listed.output.contains("550 5.1.1"))
        expectSuccess(try cli.run(["dispatch"], now: "2026-11-28T09:00:00Z"))
        #expect(try emails(of: zoe, cli).first?["attempts"] as? Int == 1, "a refused email is not tried again by itself")
        let retry = try cli.run(["scheduled", "retry", email["id"] as! String])
        #expect(retry.status == 5 && retry.errors.contains("550 5.1.1"), "\(retry.errors)")
        #expect(!server.messages.contains { $0.envelopeTo.contains(Self.zoe.email) })
    }

    @Test func theSendmailTransportPipesToMsmtp() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/msmtp") else {
            Issue.record("msmtp is not installed: apt-get install msmtp; .ci/run does this.")
            return
        }
        let scratch = try Scratch()
        let server = try SMTPServer(in: scratch.url)
        let cli = try StagehandCLI()
        expectSuccess(try cli.run(["demo"]))
        let command = "msmtp -t --host=127.0.0.1 --port=\(server.port) --auth=off --tls=off --read-envelope-from"
        expectSuccess(try cli.run(["mail", "set", "sendmail", "--command", command]))
        let test = expectSuccess(try cli.run(["mail", "test", "--to", "recruiter@example.com"]))
        #expect(test.output.contains("Sent a test message"))
        let zoe = try apply(cli)
        #expect(try emails(of: zoe, cli).first?["status"] as? String == "sent")
        let message = try #require(server.messages.last)
        #expect(message.envelopeTo == [Self.zoe.email] && message.to.contains(Self.zoe.name))
        let refused = try SMTPServer(in: scratch.url.appendingPathComponent("second"), refuse: ["nobody@example.com"])
        expectSuccess(try cli.run(["mail", "set", "sendmail", "--command", "msmtp -t --host=127.0.0.1 --port=\(refused.port) --auth=off --tls=off --read-envelope-from"]))
        let failed = try cli.run(["mail", "test", "--to", "nobody@example.com"])
        #expect(failed.status == 5 && failed.errors.contains("was refused") && failed.errors.contains("550"), "\(failed.errors)")
    }

    @Test(arguments: TestStore.allCases) func anEmailWhoseSenderIsKilledMidSendIsReportedUnknownAndNeverResent(store: TestStore) throws {
        let scratch = try Scratch()
        let server = try SMTPServer(in: scratch.url, stall: [Self.zoe.email])
        let cli = try workspace(sendingTo: server, store: store)
        let applying = try cli.start(["apply", "--job", "ios", "--name", Self.zoe.name, "--email", Self.zoe.email])
        try server.waitUntil("the email to be claimed") {
            let emails = (try? emails(of: Self.zoe.name, cli)) ?? []
            return emails.contains { $0["status"] as? String == "sending" }
        }
        kill(applying.process.processIdentifier, SIGKILL)
        _ = applying.finish()
        let dispatched = try cli.run(["dispatch"])
        #expect(dispatched.status == 5, "cron hears that an email needs a look")
        #expect(dispatched.output.contains("Unknown") && dispatched.output.contains("check the server"), "\(dispatched.output)")
        let candidate = "Zoë Ünal"
        let email = try #require(try emails(of: candidate, cli).first)
        #expect(email["status"] as? String == "unknown")
        expectSuccess(try cli.run(["dispatch"], now: "2026-11-26T09:00:00Z"))
        #expect(try emails(of: candidate, cli).first?["status"] as? String == "unknown", "never sent again by itself")
        #expect(!server.messages.contains { $0.envelopeTo.contains(Self.zoe.email) })
        #expect(try timeline(of: candidate, cli).contains { $0.contains("unknown — check the server") })
        #expect(expectSuccess(try cli.run(["scheduled"])).output.contains("UNKNOWN"))
    }

    @Test(arguments: TestStore.allCases) func dispatchWatchWakesWhenTheWorkspaceChangesAndStopsOnSIGTERM(store: TestStore) throws {
        let scratch = try Scratch()
        let server = try SMTPServer(in: scratch.url, login: "jobs:s3cret")
        let cli = try workspace(sendingTo: server, extra: ["--user", "jobs", "--password-env", "TEST_SMTP_PASSWORD"], store: store)
        let settings = try cli.run(["mail"])
        #expect(settings.status == 2 && settings.output.contains("Not ready here") && settings.output.contains("TEST_SMTP_PASSWORD"))
        let saved = cli.savedState().compactMap { $0.map { String(decoding: $0, as: UTF8.self) } }.joined()
        #expect(saved.contains("TEST_SMTP_PASSWORD") && !saved.contains("s3cret"))
        // Only the dispatcher knows the password: the mover's emails wait for it.
        let watch = try cli.start(["dispatch", "--watch"], environment: ["TEST_SMTP_PASSWORD": "s3cret"])
        // The watcher may even claim the email before the mover tries (and leaves it waiting).
        expectSuccess(try cli.run(["apply", "--job", "ios", "--name", Self.zoe.name, "--email", Self.zoe.email]))
        try server.waitUntil("the watching dispatcher to send the email", seconds: 5) { server.messages.count == 1 }
        #expect(server.messages.first?.envelopeTo == [Self.zoe.email])
        kill(watch.process.processIdentifier, SIGTERM)
        let stopped = watch.finish()
        #expect(stopped.status == 0 && stopped.errors.contains("Stopped."), "\(stopped.errors)")
        #expect(stopped.output.contains("Sent '"))
        let right = expectSuccess(try cli.run(["mail", "test", "--to", "a@example.com"], environment: ["TEST_SMTP_PASSWORD": "s3cret"]))
        #expect(!right.output.contains("offered no login"), "\(right.output)")
        let wrong = try cli.run(["mail", "test", "--to", "a@example.com"], environment: ["TEST_SMTP_PASSWORD": "wrong"])
        #expect(wrong.status == 5 && wrong.errors.contains("refused the login"), "\(wrong.errors)")
    }

    @Test func starttlsIsRequiredAndTheServersCertificateChecked() throws {
        let scratch = try Scratch()
        let tls = try SMTPServer.makeCertificate(in: scratch.url)
        let server = try SMTPServer(in: scratch.url, login: "jobs:s3cret", starttls: tls)
        let cli = try StagehandCLI()
        expectSuccess(try cli.run(["demo"]))
        let password = scratch.url.appendingPathComponent("smtp-password")
        try "s3cret\n".write(to: password, atomically: true, encoding: .utf8)
        expectSuccess(try cli.run([
            "mail", "set", "smtp", "--host", "127.0.0.1", "--port", "\(server.port)", "--security", "starttls", "--user", "jobs",
            "--password-file", password.path,
        ]))
        let untrusted = try cli.run(["mail", "test", "--to", "recruiter@example.com"])
        #expect(untrusted.status == 5 && untrusted.errors.contains("--ca-file"), "a self-signed server is not trusted by default: \(untrusted.errors)")
        expectSuccess(try cli.run(["mail", "set", "smtp", "--ca-file", tls.certificate.path]))
        let trusted = expectSuccess(try cli.run(["mail", "test", "--to", "recruiter@example.com"]))
        #expect(trusted.output.contains("STARTTLS, login jobs") && trusted.output.contains("250 2.0.0 Ok"), "\(trusted.output)")
        #expect(server.messages.map(\.subject) == ["Stagehand test message"])
        let saved = cli.savedState().compactMap { $0.map { String(decoding: $0, as: UTF8.self) } }.joined()
        #expect(saved.contains(password.path) && !saved.contains("s3cret"), "the password stays out of the state file")
    }

    @Test(arguments: TestStore.allCases) func aBoardStaysResponsiveWhileTheMailServerHangsAndQuitsAnyway(store: TestStore) throws {
        let board = try BoardTerminalTests.OpenBoard(store: store)
        let name = try #require(try board.cards(in: "applied").first)
        let address = try #require(try board.profile(name)["email"] as? String)
        let server = try SMTPServer(in: board.cli.scratch.url, stall: [address])
        expectSuccess(try board.cli.run(["mail", "set", "smtp", "--host", "127.0.0.1", "--port", "\(server.port)", "--security", "none"]))
        try board.tmux.send("L")
        try board.tmux.waitFor(text: "[c] Cancel")
        try server.waitUntil("the board to claim the email") {
            let emails = (try? board.profile(name)["emails"] as? [[String: Any]]) ?? []
            return emails.contains { $0["status"] as? String == "sending" }
        }
        try board.tmux.send("?")
        try board.tmux.waitFor(text: "Keys", timeout: 3)
        try board.tmux.send("Escape")
        try board.tmux.send("s")
        try board.tmux.waitFor(text: "soonest first", timeout: 3)
        try board.tmux.send("q")
        try board.tmux.send("q")
        #expect(try board.tmux.waitForExit(timeout: 20) == 0)
        let dispatched = try board.cli.run(["dispatch"])
        #expect(dispatched.status == 5 && dispatched.output.contains("Unknown"), "the email the board left mid-send is reported, not resent: \(dispatched.output)")
        #expect(server.messages.isEmpty)
    }

    /// User plus system CPU time of a process so far, in clock ticks (/proc/PID/stat).
    func cpuTicks(of pid: Int32) throws -> Int {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        let fields = stat[stat.index(after: stat.lastIndex(of: ")")!)...].split(separator: " ")
        return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
    }

    @Test(arguments: TestStore.allCases) func aWatcherThatCannotSendSaysWhyOnceAndSleeps(store: TestStore) throws {
        let scratch = try Scratch()
        let server = try SMTPServer(in: scratch.url, login: "jobs:s3cret")
        let cli = try workspace(sendingTo: server, extra: ["--user", "jobs", "--password-env", "TEST_SMTP_PASSWORD"], store: store)
        let applied = expectSuccess(try cli.run(["apply", "--job", "ios", "--name", Self.zoe.name, "--email", Self.zoe.email]))
        #expect(applied.errors.contains("its emails wait"))
        let watch = try cli.start(["dispatch", "--watch"])
        let pid = watch.process.processIdentifier
        try server.waitUntil("the watcher to start") { ((try? cpuTicks(of: pid)) ?? 0) > 0 }
        let before = try cpuTicks(of: pid)
        let start = Date()
        while Date().timeIntervalSince(start) < 2 { usleep(100_000) }
        let used = try cpuTicks(of: pid) - before
        kill(pid, SIGTERM)
        let stopped = watch.finish()
        #expect(used < 50, "an email it cannot send must not make the watcher spin: \(used) ticks in 2 s")
        #expect(stopped.errors.components(separatedBy: "nothing is sent until this is fixed").count == 2, "said once: \(stopped.errors)")
        #expect(server.messages.isEmpty)
    }

    @Test func aServerThatGoesSilentAfterTheWholeMessageLeavesItUnknownNotRetried() throws {
        let scratch = try Scratch()
        let server = try SMTPServer(in: scratch.url, stall: [Self.zoe.email])
        let transport = SMTPTransport(
            settings: SMTPSettings(host: "127.0.0.1", port: server.port, security: .none), password: nil, deadline: .seconds(2))
        let message = MailMessage(
            fromName: "Ana", fromAddress: "ana@example.com", toName: Self.zoe.name, toAddress: Self.zoe.email,
            subject: "Hello", body: "Hi", date: Date(), messageID: "<silent@example.com>")
        #expect {
            try transport.send(message)
        } throws: { error in
            (error as? DeliveryFailure)?.kind == .uncertain
        }
        let other = MailMessage(
            fromName: "Ana", fromAddress: "ana@example.com", toName: "", toAddress: "nobody@example.com",
            subject: "Hello", body: "Hi", date: Date(), messageID: "<heard@example.com>")
        #expect(try transport.send(other).hasPrefix("250"), "the same server answers others")
    }
}
