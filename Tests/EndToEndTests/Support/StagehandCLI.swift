import Foundation

/// Runs the real `stagehand` binary as a process on a scratch state file.
struct StagehandCLI {
    struct Result {
        var status: Int32
        var output: String
        var errors: String

        var json: Any? { try? JSONSerialization.jsonObject(with: Data(output.utf8)) }
    }

    let scratch: Scratch
    /// The clock every command sees unless a test says otherwise.
    var now = "2026-11-25T09:00:00Z"

    init() throws { scratch = try Scratch() }

    var statePath: String { scratch.statePath.path }

    @discardableResult
    func run(_ arguments: [String], now: String? = nil, environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = try BuiltBinary.url("stagehand")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["STAGEHAND_STATE"] = statePath
        environment["STAGEHAND_NOW"] = now ?? self.now
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "LC_ALL")
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
            errors: String(decoding: errData, as: UTF8.self))
    }

    /// `run` that expects success and returns the parsed JSON object.
    func json(_ arguments: [String], now: String? = nil) throws -> [String: Any] {
        let result = try run(arguments + ["--json"], now: now)
        guard result.status == 0, let object = result.json as? [String: Any] else {
            throw Failure(arguments: arguments, result: result)
        }
        return object
    }

    func stateBytes() -> Data? { FileManager.default.contents(atPath: statePath) }

    /// The snapshot and the journal: a change may write either, so "nothing changed" compares both.
    func savedState() -> [Data?] { [stateBytes(), FileManager.default.contents(atPath: statePath + ".journal")] }

    struct Failure: Error, CustomStringConvertible {
        let arguments: [String]
        let result: Result
        var description: String {
            "stagehand \(arguments.joined(separator: " ")) exited \(result.status): \(result.errors)\(result.output)"
        }
    }
}
