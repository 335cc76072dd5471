import Foundation
import StagehandCore

/// `stagehand-bench writers [--processes 8] [--changes 250] [--store postgresql|URI]`
///
/// Several processes change one state file (or database) at once, each its own candidates: every
/// other change a move one stage on with its actions run at once, the others a note.
/// Afterwards every change must be there (each note once, each candidate's moves
/// counted), and no action may have run twice (one run per move, each step finished
/// once). Prints throughput and the worst time one change waited for the lock.
enum ConcurrentWriters {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            let options = try BenchOptions(arguments)
            let processes = try options.integer("--processes", default: 8)
            let changes = try options.integer("--changes", default: 250)
            let store = try BenchStore(options)
            defer { store.remove() }
            let now = Date(timeIntervalSince1970: 1_795_597_200)
            try store.create(SampleWorkspace.makeLarge(candidates: 400, timelineEntriesPerCandidate: 3, now: now))
            let before = try store.location.open().load()
            let started = Date()
            let children = try (0..<processes).map { writer -> (Process, Pipe) in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
                process.arguments = [
                    "writer-changes", "--state", store.argument, "--writer", "\(writer)", "--of", "\(processes)", "--changes", "\(changes)",
                ]
                let output = Pipe()
                process.standardOutput = output
                try process.run()
                return (process, output)
            }
            var worstWait = 0.0
            var committed = 0
            var runsMade = 0
            for (process, output) in children {
                let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                guard process.terminationStatus == 0 else {
                    print("writers: a writer failed: \(text)")
                    return 1
                }
                for line in text.split(separator: "\n") {
                    if line.hasPrefix("committed ") {
                        committed += 1
                        runsMade += Int(line.split(separator: " ").last ?? "") ?? 0
                    }
                    if line.hasPrefix("worst "), let seconds = Double(line.dropFirst(6)) { worstWait = max(worstWait, seconds) }
                }
            }
            let seconds = Date().timeIntervalSince(started)
            let after = try store.location.open().load()
            if let problem = check(after, before: before, processes: processes, changes: changes, runs: runsMade) {
                print("writers: \(problem)")
                return 1
            }
            print(
                "writers (\(store.kind)): \(processes) processes × \(changes) changes = \(committed) committed, all present, no action ran twice; "
                    + "\(String(format: "%.0f", Double(committed) / seconds)) changes/s, worst wait for one change \(String(format: "%.0f", worstWait * 1000)) ms")
            return 0
        } catch {
            return report(error)
        }
    }

    /// The candidates writer `writer` of `count` owns: every count-th of the first job's, by id.
    static func candidates(of writer: Int, among count: Int, in workspace: Workspace) -> [CandidateID] {
        let job = workspace.setup.jobs[0].id
        let all = workspace.candidates.filter { $0.placement(in: job) != nil && $0.placements.count == 1 }.map(\.id).sorted()
        return all.enumerated().filter { $0.offset % count == writer }.map(\.element)
    }

    /// `runs`: how many action runs the writers' moves made (a move into a stage
    /// without actions makes none).
    static func check(_ workspace: Workspace, before: Workspace, processes: Int, changes: Int, runs made: Int) -> String? {
        let notes = workspace.candidates.flatMap { $0.timeline.filter { $0.kind == .note && $0.text.hasPrefix("writer ") }.map(\.text) }
        let expectedNotes = processes * (changes / 2)
        if notes.count != expectedNotes || Set(notes).count != notes.count {
            return "\(notes.count) notes (\(Set(notes).count) distinct) where \(expectedNotes) were committed"
        }
        let runs = workspace.actionRuns.count - before.actionRuns.count
        let expectedMoves = processes * (changes - changes / 2)
        let moves = workspace.candidates.reduce(0) { $0 + $1.timeline.filter { $0.kind == .moved }.count }
            - before.candidates.reduce(0) { $0 + $1.timeline.filter { $0.kind == .moved }.count }
        if moves != expectedMoves { return "\(moves) moves on the timelines where \(expectedMoves) were committed" }
        if runs != made { return "\(runs) action runs where the writers' moves made \(made)" }
        return ActionRunAudit.problem(in: workspace)
    }

    /// `writer-changes`: one writer process.
    static func writer(_ arguments: [String]) -> Int32 {
        do {
            let options = try BenchOptions(arguments)
            let writer = try options.integer("--writer")
            let file = try BenchStore.open(try options.string("--state"))
            let mine = candidates(of: writer, among: try options.integer("--of"), in: try file.load())
            var worst = 0.0
            for change in 0..<(try options.integer("--changes")) {
                let candidate = mine[(change / 2) % mine.count]
                let begun = Date()
                let runs = try file.update { workspace -> Int in
                    let now = Date()
                    if change % 2 == 0 {
                        return try BenchMove.nextStageOrRefusal(candidate, in: &workspace, choice: .runActions)
                    } else {
                        let id: ActivityID = workspace.makeID("note")
                        workspace.candidates.modify(candidate) {
                            $0.timeline.append(Activity(id: id, at: now, kind: .note, author: nil, automatic: false, text: "writer \(writer) change \(change)"))
                        }
                        return 0
                    }
                }
                worst = max(worst, Date().timeIntervalSince(begun))
                // The last word is how many action runs the change made.
                FileHandle.standardOutput.write(Data("committed \(writer) \(change) \(runs)\n".utf8))
            }
            FileHandle.standardOutput.write(Data("worst \(worst)\n".utf8))
            return 0
        } catch {
            return report(error)
        }
    }
}
