import Foundation
import StagehandCore

/// The real `stagehand` binary with odd arguments, on a sample state of its own.
struct OddCommandLine {
    private let stagehand: URL
    private let environment: [String: String]
    private let state: URL

    private static let commands = [
        "", "board", "move", "show", "apply", "import", "disqualify", "automations", "pipeline", "jobs", "reasons",
        "templates", "scheduled", "mail", "check", "members", "--as", "help",
    ]
    private static let options = [
        "--job", "--to", "--name", "--email", "--source", "--reason", "--title", "--subject", "--body", "--stage",
        "--template", "--delay", "--as", "--state", "--theme", "--json", "--without-actions", "--run-actions", "--force",
    ]
    /// Documented in the README: success, refusals (1–5), usage (64), and the state file's sysexits.
    private static let exitCodes: Set<Int32> = [0, 1, 2, 3, 4, 5, 64, 65, 66, 73, 74, 75]

    init(folder: URL) throws {
        stagehand = ChildLines.bench.deletingLastPathComponent().appendingPathComponent("stagehand")
        state = folder.appendingPathComponent("cli/state.json")
        environment = [
            "STAGEHAND_STATE": state.path, "HOME": folder.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
            "STAGEHAND_NOW": "2026-11-25T09:00:00Z", "USER": "ana", "LOGNAME": "ana",
        ]
        try StateFile(path: state).create(SampleWorkspace.make(now: Date(), currentLogin: "ana"), replacing: false)
    }

    mutating func check(random: inout SplitMix64, tally: inout TextFuzzTally) -> String? {
        var arguments = [Self.commands.randomElement(using: &random)!].filter { !$0.isEmpty }
        for _ in 0..<Int.random(in: 0...3, using: &random) { arguments.append(OddText.argument(using: &random)) }
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            arguments += [Self.options.randomElement(using: &random)!, OddText.argument(using: &random)]
        }
        // The board needs a terminal, and --watch never ends by design.
        if arguments.isEmpty || arguments.contains("--state") { arguments.insert("check", at: 0) }
        let described = arguments.map { String($0.prefix(40)).debugDescription }.joined(separator: " ")
        do {
            let result = try run(arguments)
            guard let status = result.status else { return "stagehand \(described) did not finish within 20 s" }
            guard Self.exitCodes.contains(status) else {
                return "stagehand \(described) ended with \(status): \(result.errors)"
            }
            if status != 0 && result.errors.isEmpty { return "stagehand \(described) failed (\(status)) without saying why" }
            let printed = arguments.contains("--json") ? result.errors : result.output + result.errors
            if let control = printed.unicodeScalars.first(where: { OddCard.isControl($0) && $0 != "\n" && $0 != "\t" }) {
                return "stagehand \(described) wrote the control character U+\(String(control.value, radix: 16, uppercase: true))"
            }
            tally.count("command lines", accepted: status == 0)
            _ = try StateFile(path: state).load()
            return nil
        } catch {
            return "stagehand \(described): \(error)"
        }
    }

    /// Status nil when it had to be stopped. Output goes to files, so a chatty
    /// command cannot block on a full pipe while nobody reads it.
    private func run(_ arguments: [String]) throws -> (status: Int32?, output: String, errors: String) {
        let output = state.deletingLastPathComponent().appendingPathComponent("stdout")
        let errors = state.deletingLastPathComponent().appendingPathComponent("stderr")
        for file in [output, errors] { try Data().write(to: file) }
        let process = Process()
        process.executableURL = stagehand
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { usleep(2_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return (nil, "", "")
        }
        process.waitUntilExit()
        let status = process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
        return (status, try String(contentsOf: output, encoding: .utf8), try String(contentsOf: errors, encoding: .utf8))
    }
}
