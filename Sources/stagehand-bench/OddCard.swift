import Foundation
import StagehandBoard
import StagehandCore

/// A candidate with an odd name, tags and note on the board at a random size,
/// and in their profile.
enum OddCard {
    @MainActor
    static func check(_ workspace: inout Workspace, now: Date, random: inout SplitMix64, tally: inout TextFuzzTally) -> String? {
        let person = NewCandidate(
            name: OddText.make(using: &random), email: nil, source: OddText.make(using: &random),
            tags: (0..<Int.random(in: 0...3, using: &random)).map { _ in OddText.make(using: &random) })
        let note = OddText.make(using: &random)
        let width = Int.random(in: 20...220, using: &random)
        let height = Int.random(in: 8...70, using: &random)
        return acceptedOrRefusedClearly("board cards", tally: &tally) {
            let candidate = try workspace.addCandidate(person, to: "ios", origin: .manualAdd, by: "ana", now: now).candidate
            let id: ActivityID = workspace.makeID("note")
            workspace.candidates.modify(candidate) {
                $0.timeline.append(Activity(id: id, at: now, kind: .note, author: "ana", automatic: false, text: note))
            }
            var state = BoardState(workspace: workspace, me: "ana", now: now, width: width, height: height)
            if let problem = problem(in: Board.render(state), columns: true) { return "the board at \(width)×\(height): \(problem)" }
            state.mode = .profile(candidate, PageCursor(), back: .board)
            if let problem = problem(in: Board.render(state), columns: false) { return "the profile at \(width)×\(height): \(problem)" }
            return nil
        }
    }

    /// Nil when no cell holds a control character, each wide glyph is followed by
    /// its continuation, and (for the board) every row between the column headers
    /// and the bottom bar has a separator wherever the header row has one.
    static func problem(in frame: Frame, columns: Bool) -> String? {
        for y in 0..<frame.height {
            for x in 0..<frame.width {
                let cell = frame[x, y]
                if cell.isContinuation {
                    if x == 0 || DisplayWidth.of(frame[x - 1, y].glyph) != 2 || frame[x - 1, y].isContinuation {
                        return "a continuation cell at \(x),\(y) without a wide glyph before it"
                    }
                    continue
                }
                if cell.glyph.unicodeScalars.contains(where: isControl) {
                    return "the control character in \(cell.glyph.debugDescription) reached the cell at \(x),\(y)"
                }
                if DisplayWidth.of(cell.glyph) == 2, x + 1 >= frame.width || !frame[x + 1, y].isContinuation {
                    return "the wide glyph \(cell.glyph) at \(x),\(y) has no continuation cell"
                }
            }
        }
        guard columns, frame.height > 3, !frame.text.contains("Terminal too small") else { return nil }
        let separators = (0..<frame.width).filter { frame[$0, 1].glyph == "│" }
        for y in 2..<(frame.height - 1) {
            if let x = separators.first(where: { frame[$0, y].glyph != "│" }) {
                return "row \(y) has '\(frame[x, y].glyph)' where the column separator at x \(x) should be:\n\(frame.text)"
            }
        }
        return nil
    }

    /// What a terminal would obey rather than show: C0 and C1 controls and direction overrides.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value)
    }
}
