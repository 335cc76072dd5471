import Foundation

/// Pipes each message to a sendmail-compatible command (`sendmail -t -i`, `msmtp -t`),
/// which reads the recipients from the message's headers. Its exit status says what
/// happened, in the <sysexits.h> words every such program uses.
public struct SendmailTransport: MailTransport {
    /// The program's resolved path, then its arguments.
    public let arguments: [String]
    public let timeout: Duration

    public init(arguments: [String], timeout: Duration = .seconds(120)) {
        self.arguments = arguments
        self.timeout = timeout
    }

    /// Resolves the program on PATH now, so that a missing program is found before any
    /// email is claimed rather than failing each one.
    public static func make(command: String, environment: [String: String]) throws -> SendmailTransport {
        _ = ignoringBrokenPipes
        guard let words = try? CommandLineWords.split(command), let program = words.first else {
            throw MailSetupError.badSendmailCommand(command)
        }
        guard let path = Self.resolve(program, path: environment["PATH"] ?? "/usr/sbin:/usr/bin:/sbin:/bin") else {
            throw MailSetupError.sendmailNotFound(program: program)
        }
        return SendmailTransport(arguments: [path] + words.dropFirst())
    }

    /// A program that exits before reading the whole message must cost a failed write,
    /// not the whole process (SIGPIPE's default).
    private static let ignoringBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// sendmail traditionally lives in /usr/sbin, which is not on every user's PATH.
    static func resolve(_ program: String, path: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let folders = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/lib", "/sbin"]
        return folders.map { $0 + "/" + program }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @discardableResult
    public func send(_ message: MailMessage) throws -> String {
        try DeliveryFailure.checkAddress(message.toAddress, role: "recipient")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw DeliveryFailure(.transient, "Could not start \(arguments[0]): \(error.localizedDescription)")
        }
        // Read while writing: a program that answers at length before reading all its
        // input would otherwise wait on us while we wait on it.
        let said = OutputCollector(output.fileHandleForReading)
        let wrote = Result { try input.fileHandleForWriting.write(contentsOf: message.rfc5322()) }
        try? input.fileHandleForWriting.close()
        let seconds = Double(timeout.components.seconds)
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            process.terminate()
            finished.wait()
            // Once it has the whole message it may have passed it on before hanging.
            let kind: DeliveryFailure.Kind = (try? wrote.get()) == nil ? .transient : .uncertain
            throw DeliveryFailure(kind, "\(programName) did not finish within \(Int(seconds)) seconds")
        }
        let text = said.text()
        let status = process.terminationStatus
        if status == 0, process.terminationReason == .exit {
            if case .failure(let error) = wrote {
                throw DeliveryFailure(.transient, "\(programName) stopped reading the message: \(error.localizedDescription)")
            }
            return text.isEmpty ? "\(programName) accepted the message" : text
        }
        throw Self.failure(program: programName, status: status, signalled: process.terminationReason == .uncaughtSignal, said: text)
    }

    /// Nothing else can be checked without sending: the program decides the rest.
    public func checkWithoutSending() throws -> String {
        guard readsRecipientsFromMessage else {
            let command = ([programName] + arguments.dropFirst()).joined(separator: " ")
            throw DeliveryFailure(
                .permanent,
                "The sendmail command '\(command)' does not read the recipients from the message: add -t, as in 'stagehand mail set sendmail --command \"\(command) -t\"'.")
        }
        return "\(arguments[0]) is there and reads the recipients from each message (-t)"
    }

    /// Stagehand names no recipient on the command line, so the program must take them
    /// from the headers: -t, alone or among flags such as -ti, or msmtp's --read-recipients.
    var readsRecipientsFromMessage: Bool {
        arguments.dropFirst().contains { $0 == "--read-recipients" || $0.wholeMatch(of: /-[it]*t[it]*/) != nil }
    }

    private var programName: String { (arguments[0] as NSString).lastPathComponent }

    /// When the program quotes the server's reply (msmtp does: "server message: 451 …"),
    /// its class decides, since such programs use one status for 4xx and 5xx alike.
    /// Otherwise EX_TEMPFAIL (75) and the "try later" family are transient, and a
    /// refused address or message (EX_NOUSER, EX_DATAERR, …) is permanent.
    static func failure(program: String, status: Int32, signalled: Bool, said: String) -> DeliveryFailure {
        let answer = said.isEmpty ? "" : ": \(said)"
        if signalled { return DeliveryFailure(.transient, "\(program) was stopped by signal \(status)\(answer)") }
        let detail = "\(program) exited with status \(status)\(answer)"
        if let reply = said.firstMatch(of: /(?:^|\s)([45])\d\d[ -]/) {
            return DeliveryFailure(reply.1 == "4" ? .transient : .permanent, detail)
        }
        let transient: Set<Int32> = [69, 70, 71, 74, 75]  // unavailable, software, os error, io error, tempfail
        return DeliveryFailure(transient.contains(status) ? .transient : .permanent, detail)
    }
}

/// Everything a child process writes, read on a thread of its own until it closes its end.
private final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            let all = (try? handle.readToEnd()) ?? Data()
            lock.withLock { data = all }
            done.signal()
        }
    }

    func text() -> String {
        done.wait()
        let all = lock.withLock { data }
        return String(decoding: all, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            .split(whereSeparator: \.isNewline).suffix(3).joined(separator: " ")
    }
}
