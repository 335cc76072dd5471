#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import StagehandCore
import Testing

/// Several real processes on one state file, through `stagehand-bench store-writer`.
@Suite(.serialized) struct StoreProcessTests {
    private static let candidate: CandidateID = "cand-store-writer"

    private static let empty = Workspace(setup: WorkspaceSetup(companyName: "Acme"))

    @Test func twoWritersAtOnceLoseNothing() throws {
        let folder = try Scratch()
        try StateFile(path: folder.statePath).create(Self.empty, replacing: false)

        let writers = try ["A", "B"].map { name in
            try WriterProcess(state: folder.statePath, name: name, count: 100)
        }
        var committed: [String] = []
        for writer in writers {
            committed += writer.readAllLines()
            writer.process.waitUntilExit()
            #expect(writer.process.terminationStatus == 0, "\(writer.errorText())")
        }

        let notes = try StateFile(path: folder.statePath).load().candidates[Self.candidate]?.timeline.map(\.text) ?? []
        let expected = ["A", "B"].flatMap { name in (1...100).map { "\(name) \($0)" } }
        #expect(notes.count == 200)
        #expect(Set(notes) == Set(expected))
        #expect(committed.count == 200)
    }

    @Test func aWriterKilledAtAnyInstantLeavesALoadableFileWithEveryCommittedNote() throws {
        let folder = try Scratch()
        try StateFile(path: folder.statePath).create(Self.empty, replacing: false)
        var committed: Set<String> = []

        for round in 1...40 {
            // A small compaction threshold puts some kills in the middle of a compaction.
            let writer = try WriterProcess(
                state: folder.statePath, name: "W\(round)", count: 1_000_000, compactAfter: 16_000)
            let wanted = Int.random(in: 1...25)
            var lines: [String] = []
            while lines.count < wanted, let line = writer.nextLine() { lines.append(line) }
            #expect(lines.count == wanted, "the writer stopped early: \(writer.errorText())")
            // Not synchronisation: spreads the kill over every phase of an update.
            usleep(UInt32.random(in: 0...3_000))
            kill(writer.process.processIdentifier, SIGKILL)
            lines += writer.readAllLines()
            writer.process.waitUntilExit()
            #expect(writer.process.terminationReason == .uncaughtSignal)
            committed.formUnion(lines.map { $0.replacingOccurrences(of: "committed ", with: "") })

            let workspace = try StateFile(path: folder.statePath).load()
            let notes = workspace.candidates[Self.candidate]?.timeline.map(\.text) ?? []
            #expect(committed.isSubset(of: Set(notes)), "round \(round) lost \(committed.subtracting(notes).sorted())")
            #expect(Set(notes).count == notes.count, "round \(round) has a note twice")
        }
        #expect(try StateFile(path: folder.statePath).check().isConsistent)
    }
}

/// One `stagehand-bench store-writer` process and its output, line by line.
private final class WriterProcess {
    let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    private var buffer = Data()

    init(state: URL, name: String, count: Int, compactAfter: Int? = nil) throws {
        process.executableURL = try BuiltBinary.url("stagehand-bench")
        process.arguments = ["store-writer", "--state", state.path, "--writer", name, "--count", "\(count)"]
            + (compactAfter.map { ["--compact-after", "\($0)"] } ?? [])
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Our copy of the write end would keep the pipe open after the writer dies.
        try? output.fileHandleForWriting.close()
        try? errors.fileHandleForWriting.close()
    }

    /// The next line the writer printed, waiting for it; nil once the writer is gone.
    func nextLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }

    /// Every line still to come, up to the writer's end.
    func readAllLines() -> [String] {
        var lines: [String] = []
        while let line = nextLine() { lines.append(line) }
        return lines
    }

    func errorText() -> String {
        String(decoding: (try? errors.fileHandleForReading.readToEnd()) ?? Data(), as: UTF8.self)
    }
}
