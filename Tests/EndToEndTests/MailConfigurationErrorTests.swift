import Foundation
import Testing

/// Issue 15, item 22: settings that cannot work stay wrong until someone changes them, so
/// they are not retried for hours: they fail at once, in a sentence that says what to change.
@Suite(.serialized) struct MailConfigurationErrorTests {
    func workspace(_ settings: [String]) throws -> StagehandCLI {
        let cli = try StagehandCLI()
        #expect(try cli.run(["demo"]).status == 0)
        let set = try cli.run(["mail", "set", "smtp", "--host", "127.0.0.1"] + settings)
        #expect(set.status == 0, "\(set.errors)")
        return cli
    }

    /// Applies a candidate, whose first stage emails them at once; returns their id.
    func apply(_ cli: StagehandCLI) throws -> (id: String, result: StagehandCLI.Result) {
        let result = try cli.run(["apply", "--job", "ios", "--name", "Zoë Ünal", "--email", "zoe@example.com"])
        let id = try #require(result.output.firstMatch(of: /\[(cand-[^\]]+)\]/).map { String($0.1) }, "\(result.output)\(result.errors)")
        return (id, result)
    }

    func emailAndTimeline(of id: String, _ cli: StagehandCLI) throws -> (email: [String: Any], timeline: [String]) {
        let profile = try cli.json(["show", id])
        let email = try #require((profile["emails"] as? [[String: Any]])?.first, "\(id) has an email")
        let timeline = (profile["timeline"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        return (email, timeline)
    }

    @Test func tlsSpokenToAPlainServerFailsAtOnceSayingWhichSecurityToUse() throws {
        let scratch = try Scratch()
        let server = try SMTPServer(in: scratch.url)
        let cli = try workspace(["--port", "\(server.port)", "--security", "tls"])
        let sentence = "The server at 127.0.0.1:\(server.port) does not speak TLS on connect: use --security starttls or none"
        let test = try cli.run(["mail", "test", "--to", "recruiter@example.com"])
        #expect(test.status == 5 && test.errors.contains("was refused: the server at 127.0.0.1:\(server.port) does not speak TLS on connect: use --security starttls or none."), "\(test.errors)")

        let (id, _) = try apply(cli)
        let (email, timeline) = try emailAndTimeline(of: id, cli)
        #expect(email["status"] as? String == "failed", "no retry schedule: \(email)")
        #expect(timeline.contains { $0.contains(sentence + " — not sent") }, "the timeline says what to change, once punctuated: \(timeline)")
        #expect(!timeline.contains { $0.contains("trying again") }, "\(timeline)")
    }

    @Test func aCAFileHoldingAPrivateKeyIsNamedBeforeAnyEmailIsTried() throws {
        let scratch = try Scratch()
        let tls = try SMTPServer.makeCertificate(in: scratch.url)
        let server = try SMTPServer(in: scratch.url, starttls: tls)
        let cli = try StagehandCLI()
        #expect(try cli.run(["demo"]).status == 0)
        let set = try cli.run(["mail", "set", "smtp", "--host", "127.0.0.1", "--port", "\(server.port)", "--ca-file", tls.key.path])
        let sentence = "The CA file \(tls.key.path) holds no certificate: point --ca-file at the server's CA certificate (PEM)."
        let continued = "the CA file \(tls.key.path) holds no certificate: point --ca-file at the server's CA certificate (PEM)."
        #expect(set.status == 0 && set.errors.contains("saved, but not ready here: " + continued), "said when it is set: \(set.errors)")
        let test = try cli.run(["mail", "test", "--to", "recruiter@example.com"])
        #expect(test.status == 2 && test.errors.contains(sentence), "\(test.errors)")

        let (id, applied) = try apply(cli)
        #expect(applied.errors.contains(continued), "the move says at once why its email waits: \(applied.errors)")
        let (email, timeline) = try emailAndTimeline(of: id, cli)
        #expect(email["status"] as? String == "scheduled" && !timeline.contains { $0.contains("Attempt") }, "never tried, so never retried: \(email) \(timeline)")
        #expect(server.messages.isEmpty)
    }

    @Test func aCAFileLibcurlCannotReadFailsAtOnce() throws {
        let scratch = try Scratch()
        let tls = try SMTPServer.makeCertificate(in: scratch.url)
        let server = try SMTPServer(in: scratch.url, starttls: tls)
        let broken = scratch.url.appendingPathComponent("broken.pem")
        try "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n".write(to: broken, atomically: true, encoding: .utf8)
        let cli = try workspace(["--port", "\(server.port)", "--ca-file", broken.path])
        let test = try cli.run(["mail", "test", "--to", "recruiter@example.com"])
        #expect(test.status == 5 && test.errors.contains("was refused: the CA file \(broken.path) cannot be used"), "\(test.errors)")
        #expect(test.errors.contains("point --ca-file at the server's CA certificate (PEM)."), "\(test.errors)")

        let (id, _) = try apply(cli)
        #expect(try emailAndTimeline(of: id, cli).email["status"] as? String == "failed")
        #expect(server.messages.isEmpty)
    }
}
