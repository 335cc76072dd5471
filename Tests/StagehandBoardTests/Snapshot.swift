import Foundation
import Testing

/// Compares a screen's text with the snapshot stored in `Snapshots/NAME.txt`.
/// Record new snapshots with `STAGEHAND_RECORD_SNAPSHOTS=1 swift test`.
func expectSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent("\(name).txt")
    let record = ProcessInfo.processInfo.environment["STAGEHAND_RECORD_SNAPSHOTS"] == "1"
    if record {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data((text + "\n").utf8).write(to: file)
        return
    }
    guard let stored = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record(
            "No snapshot \(file.path): record it with STAGEHAND_RECORD_SNAPSHOTS=1 swift test, then review it.",
            sourceLocation: sourceLocation)
        return
    }
    let expected = String(stored.dropLast(stored.hasSuffix("\n") ? 1 : 0))
    if expected != text {
        let diff = zip(expected.split(separator: "\n", omittingEmptySubsequences: false), text.split(separator: "\n", omittingEmptySubsequences: false))
            .enumerated().first { $0.element.0 != $0.element.1 }
        let where_ = diff.map { "first difference on line \($0.offset + 1):\n  expected: \($0.element.0)\n  actual:   \($0.element.1)" } ?? "line counts differ"
        Issue.record("Screen differs from snapshot \(name): \(where_)\n--- actual ---\n\(text)", sourceLocation: sourceLocation)
    }
}
