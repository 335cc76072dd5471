import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A real SMTP server (Python's aiosmtpd) on 127.0.0.1, started for one test; see
/// smtp_server.py for what it can be told to answer.
final class SMTPServer {
    let port: Int
    let spool: URL
    private let process = Process()

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// One message as a mail client reads it.
    struct Message {
        let envelopeTo: [String]
        let from: String
        let to: String
        let subject: String
        let messageID: String
        let body: String
    }

    init(in folder: URL, answers: [String] = [], refuse: [String] = [], stall: [String] = [], login: String? = nil,
        starttls: (certificate: URL, key: URL)? = nil
    ) throws {
        let python = "/usr/bin/python3"
        guard Self.canImportAiosmtpd(python) else {
            throw Failure(description: "\(python) cannot import aiosmtpd: install python3-aiosmtpd (apt-get install python3-aiosmtpd); .ci/run does this.")
        }
        spool = folder.appendingPathComponent("smtp-spool")
        try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("smtp_server.py")
        var arguments = [script.path, spool.path]
        if !answers.isEmpty { arguments += ["--answers", answers.joined(separator: ",")] }
        for address in refuse { arguments += ["--refuse", address] }
        for address in stall { arguments += ["--stall", address] }
        if let login { arguments += ["--login", login] }
        if let starttls { arguments += ["--starttls", starttls.certificate.path, starttls.key.path] }
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The server prints "READY <port>" once it listens; a line read blocks until then.
        let line = Self.readLine(output.fileHandleForReading)
        guard line.hasPrefix("READY "), let port = Int(line.dropFirst(6)) else {
            process.terminate()
            throw Failure(description: "The test SMTP server did not start (it said '\(line)').")
        }
        self.port = port
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }

    /// Every message accepted so far, in the order the server took them.
    var messages: [Message] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: spool.path)) ?? []).filter { $0.hasSuffix(".json") }
        return names.sorted { Int($0.dropLast(5)) ?? 0 < Int($1.dropLast(5)) ?? 0 }.compactMap { name in
            guard let data = FileManager.default.contents(atPath: spool.appendingPathComponent(name).path),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { return nil }
            return Message(
                envelopeTo: object["envelopeTo"] as? [String] ?? [], from: object["from"] as? String ?? "",
                to: object["to"] as? String ?? "", subject: object["subject"] as? String ?? "",
                messageID: object["messageID"] as? String ?? "", body: object["body"] as? String ?? "")
        }
    }

    /// Every DATA the server answered: "451 someone@example.com", "250 …".
    var attempts: [String] {
        let text = (try? String(contentsOf: spool.appendingPathComponent("attempts.log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    /// Waits until `condition` holds, checking every 50 ms, for at most `seconds`.
    func waitUntil(_ what: String, seconds: Double = 10, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            guard Date() < deadline else { throw Failure(description: "Timed out after \(seconds) s waiting for \(what).") }
            usleep(50_000)
        }
    }

    /// A self-signed certificate for 127.0.0.1, made with openssl for one test.
    static func makeCertificate(in folder: URL) throws -> (certificate: URL, key: URL) {
        let certificate = folder.appendingPathComponent("server.pem")
        let key = folder.appendingPathComponent("server.key")
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.path, "-out", certificate.path,
        ]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") else {
            throw Failure(description: "openssl is not installed: apt-get install openssl; .ci/run does this.")
        }
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else { throw Failure(description: "openssl could not make a test certificate.") }
        return (certificate, key)
    }

    private static func canImportAiosmtpd(_ python: String) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: python) else { return false }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = ["-c", "import aiosmtpd"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    private static func readLine(_ handle: FileHandle) -> String {
        var bytes: [UInt8] = []
        while let byte = try? handle.read(upToCount: 1), let first = byte.first, first != UInt8(ascii: "\n") {
            bytes.append(first)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
