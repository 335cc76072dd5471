import Foundation

/// A child process of the bench, its standard output read line by line as it comes.
final class ChildLines {
    let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    private var buffer = Data()

    /// This bench's own executable, for children that run one of its subcommands.
    static var bench: URL {
        URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
    }

    init(_ arguments: [String], executable: URL = ChildLines.bench) throws {
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = errors
        try process.run()
    }

    /// The next whole line, waiting for it; nil once the child closed its output.
    func nextLine() -> String? {
        while true {
            if let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[buffer.startIndex..<end], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...end)
                return line
            }
            let more = output.fileHandleForReading.availableData
            if more.isEmpty { return nil }
            buffer.append(more)
        }
    }

    /// Every line until the child closes its output, then waits for it to end.
    func remainingLines() -> [String] {
        var lines: [String] = []
        while let line = nextLine() { lines.append(line) }
        process.waitUntilExit()
        return lines
    }

    func kill() { Foundation.kill(process.processIdentifier, SIGKILL) }

    /// What the child wrote to standard error; call once it has ended.
    func errorText() -> String {
        String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }
}
