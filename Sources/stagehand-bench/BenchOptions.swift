import Foundation
import StagehandCore

/// The `--name value` pairs the bench subcommands take.
struct BenchOptions {
    private var values: [String: String] = [:]

    init(_ arguments: [String]) throws {
        var remaining = arguments[...]
        while let name = remaining.popFirst() {
            guard name.hasPrefix("--"), let value = remaining.popFirst() else {
                throw BenchUsageError(description: "Expected '--name value' pairs but found '\(name)'.")
            }
            values[name] = value
        }
    }

    func string(_ name: String) throws -> String {
        guard let value = values[name] else { throw BenchUsageError(description: "Missing \(name) VALUE.") }
        return value
    }

    func integer(_ name: String, default fallback: Int? = nil) throws -> Int {
        if values[name] == nil, let fallback { return fallback }
        guard let value = Int(try string(name)) else {
            throw BenchUsageError(description: "\(name) needs a whole number.")
        }
        return value
    }
}

struct BenchUsageError: Error, CustomStringConvertible {
    let description: String
}

/// Prints the error's sentence to stderr and answers the exit code: 64 for a
/// command line the bench does not understand, 1 for anything else.
func report(_ error: any Error) -> Int32 {
    FileHandle.standardError.write(Data("stagehand-bench: \(error)\n".utf8))
    return error is BenchUsageError ? 64 : 1
}
