import Foundation

/// Waits for a condition by looking every 10 ms, rather than sleeping for a
/// guessed time; gives up with a sentence after `seconds`.
func waitUntil(_ what: String, seconds: Double = 30, _ condition: () throws -> Bool) throws {
    let deadline = Date().addingTimeInterval(seconds)
    while try !condition() {
        guard Date() < deadline else { throw BenchUsageError(description: "Waited \(Int(seconds)) s in vain for \(what).") }
        usleep(10_000)
    }
}
