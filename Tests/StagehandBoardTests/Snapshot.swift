import Foundation
import Testing
@testable import StagehandBoard

/// What a snapshot records beside a screen's text, where a test cares how it looks.
enum SnapshotLayer {
    /// Marks the cells drawn in these roles, a letter each ("the finished pane is
    /// drawn as paneDone"); a legend names the letters.
    case roles([Theme.Role])
    /// Marks the cells that stand out without colour: R reverse video, B bold, U underline.
    case emphasis
}

/// Compares a screen with the snapshot stored in `Snapshots/NAME.txt`: its text,
/// then each layer asked for. `STAGEHAND_RECORD_SNAPSHOTS=1 swift test` writes the
/// files and fails, so that a recorded run never passes by itself: review the
/// diff, then run again without it.
func expectSnapshot(_ frame: Frame, named name: String, layers: [SnapshotLayer] = [], sourceLocation: SourceLocation = #_sourceLocation) {
    let text = ([frame.text] + layers.map { layer in layer.render(frame) }).joined(separator: "\n")
    expectSnapshot(text, named: name, sourceLocation: sourceLocation)
}

func expectSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent("\(name).txt")
    if ProcessInfo.processInfo.environment["STAGEHAND_RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data((text + "\n").utf8).write(to: file)
        Issue.record("Recorded the snapshot \(name): review its diff, then run the tests again without STAGEHAND_RECORD_SNAPSHOTS.", sourceLocation: sourceLocation)
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

extension SnapshotLayer {
    /// The layer as a heading, a legend, and one line per row with a mark per cell.
    func render(_ frame: Frame) -> String {
        let heading: String
        let mark: (Style) -> Character?
        switch self {
        case .roles(let roles):
            let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            heading = "--- roles: " + roles.enumerated().map { "\(letters[$0.offset]) \($0.element.rawValue)" }.joined(separator: ", ")
            mark = { style in style.role.flatMap { roles.firstIndex(of: $0) }.map { letters[$0] } }
        case .emphasis:
            heading = "--- emphasis: R reverse, B bold, U underline"
            mark = { style in style.reverse ? "R" : style.bold ? "B" : style.underline ? "U" : nil }
        }
        var lines = [heading]
        for y in 0..<frame.height {
            var line = ""
            for x in 0..<frame.width { line.append(mark(frame[x, y].style) ?? " ") }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
