import Foundation
import StagehandCore

/// `stagehand-bench store-writer --state PATH --writer NAME --count N [--compact-after BYTES]`
///
/// Not a benchmark: the other process in the store's cross-process tests. Each
/// of its N updates adds the note "NAME i" to one candidate that all writers
/// share (whoever comes first creates it), so a writer working from stale state
/// would drop someone else's notes. "committed NAME i" is printed only once
/// `update` has returned, so a test that kills the writer knows which notes
/// must have survived.
enum StoreWriter {
    static let candidate: CandidateID = "cand-store-writer"

    static func run(_ arguments: [String]) -> Int32 {
        do {
            let options = try BenchOptions(arguments)
            let name = try options.string("--writer")
            let file = StateFile(
                path: URL(fileURLWithPath: try options.string("--state")),
                compactAfterBytes: try options.integer("--compact-after", default: 4 << 20))
            for number in 1...max(1, try options.integer("--count")) {
                try file.update { workspace in addNote("\(name) \(number)", to: &workspace) }
                // Unbuffered: the line is out before the next update starts.
                FileHandle.standardOutput.write(Data("committed \(name) \(number)\n".utf8))
            }
            return 0
        } catch {
            return report(error)
        }
    }

    private static func addNote(_ text: String, to workspace: inout Workspace) {
        if workspace.candidates[candidate] == nil {
            workspace.candidates.upsert(Candidate(id: candidate, name: "Store Writer", email: nil, source: "bench"))
        }
        let note = Activity(
            id: workspace.makeID("note"), at: Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)),
            kind: .note, author: nil, automatic: false, text: text)
        workspace.candidates.modify(candidate) { $0.timeline.append(note) }
    }
}
