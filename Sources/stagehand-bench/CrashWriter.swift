import Foundation
import StagehandCore

/// `stagehand-bench crash-writer --state PATH|URI --seed N [--compact-after BYTES]`
///
/// Not a benchmark: the process `crash` kills, and the writer `db-kill` keeps
/// going while it kills the database server. It changes the state until it is
/// killed: at random, a candidate of the first job moves one stage on with its
/// actions run at once, or gets a note. Each line it prints is written only
/// after `update` returned, so the killer knows what must have survived:
/// - `committed note TEXT`
/// - `committed move CANDIDATE`
/// - `refused SENTENCE` when the store could not write (full disk, read-only
///   folder, the database unreachable); it goes on with the next change.
enum CrashWriter {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            let options = try BenchOptions(arguments)
            let seed = try options.integer("--seed")
            let state = try options.string("--state")
            let file: any WorkspaceStore =
                switch StoreLocation.from(option: state, environment: [:]) {
                case .file(let path): StateFile(path: path, compactAfterBytes: try options.integer("--compact-after", default: 32_000))
                case .database(let database): try DatabaseStore(database)
                }
            var random = SplitMix64(seed: UInt64(seed))
            let candidates = movableCandidates(in: try file.load())
            guard !candidates.isEmpty else { throw BenchUsageError(description: "The state has no candidate to move.") }
            for change in 0... {
                let candidate = candidates.randomElement(using: &random)!
                let line: String
                do {
                    if Bool.random(using: &random) {
                        try file.update { try BenchMove.nextStageOrRefusal(candidate, in: &$0, choice: .runActions) }
                        line = "committed move \(candidate)"
                    } else {
                        let text = "crash \(seed) change \(change)"
                        try file.update { addNote(text, to: candidate, in: &$0) }
                        line = "committed note \(text)"
                    }
                } catch let error as StateFileError {
                    line = "refused \(error.sentence)"
                } catch let error as DatabaseError {
                    line = "refused \(error.sentence)"
                    // A pace for trying again while the server is down, rather than a busy loop.
                    usleep(20_000)
                }
                // Unbuffered: the line is out before the next change starts.
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
            return 0
        } catch {
            return report(error)
        }
    }

    /// The first job's candidates that are in it and nowhere else, so a move
    /// always has one stage to go to.
    static func movableCandidates(in workspace: Workspace) -> [CandidateID] {
        let job = workspace.setup.jobs[0].id
        return workspace.candidates
            .filter { candidate in
                guard let placement = candidate.placement(in: job) else { return false }
                return candidate.placements.count == 1 && placement.disqualification == nil
            }
            .map(\.id).sorted()
    }

    private static func addNote(_ text: String, to candidate: CandidateID, in workspace: inout Workspace) {
        let id: ActivityID = workspace.makeID("note")
        workspace.candidates.modify(candidate) {
            $0.timeline.append(Activity(id: id, at: Date(), kind: .note, author: nil, automatic: false, text: text))
        }
    }
}
