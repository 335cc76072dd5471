import StagehandCore

/// What the killed writers reported as committed, and the check that the state
/// file holds all of it.
struct CrashLedger {
    private(set) var committed = 0
    /// Each refusal's sentence, the folder taken out so that one cause counts once.
    private(set) var refusals: [String: Int] = [:]
    private var notes: Set<String> = []
    private var moves: [CandidateID: Int] = [:]
    private let movesBefore: [CandidateID: Int]

    init(before workspace: Workspace) {
        movesBefore = Self.moves(in: workspace)
    }

    mutating func record(_ line: String, folder: String) {
        let words = line.split(separator: " ", maxSplits: 2).map(String.init)
        switch (words.first, words.dropFirst().first) {
        case ("committed", "note"):
            notes.insert(words[2])
            committed += 1
        case ("committed", "move"):
            moves[CandidateID(rawValue: words[2]), default: 0] += 1
            committed += 1
        case ("refused", _):
            refusals[line.dropFirst("refused ".count).replacingOccurrences(of: folder, with: "…"), default: 0] += 1
        default: break
        }
    }

    /// Nil when every committed change is present once and no action ran twice.
    func problem(in workspace: Workspace) -> String? {
        let present = workspace.candidates.flatMap { $0.timeline.filter { $0.kind == .note && $0.text.hasPrefix("crash ") }.map(\.text) }
        if Set(present).count != present.count { return "a note is on a timeline twice" }
        let missing = notes.subtracting(present)
        if !missing.isEmpty { return "\(missing.count) committed notes are missing, such as '\(missing.first!)'" }
        let after = Self.moves(in: workspace)
        for (candidate, count) in moves where (after[candidate] ?? 0) - (movesBefore[candidate] ?? 0) < count {
            return "\(candidate) shows fewer moves than the \(count) committed"
        }
        return ActionRunAudit.problem(in: workspace)
    }

    private static func moves(in workspace: Workspace) -> [CandidateID: Int] {
        Dictionary(uniqueKeysWithValues: workspace.candidates.map { ($0.id, $0.timeline.filter { $0.kind == .moved }.count) })
    }
}
