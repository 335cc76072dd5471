import Foundation
import Testing

/// Issue 6's fast parts: the fuzzers of `stagehand-bench` run as real processes with
/// small counts (the soaks run the same code with the README's counts). A crash or a
/// hang fails the test; so does a broken invariant or an unclear refusal.
@Suite struct ReliabilityTests {
    func bench(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = try BuiltBinary.url("stagehand-bench")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func mutatedStateFilesEachLoadOrAreRefusedClearly() throws {
        let result = try bench(["fuzz-state", "--files", "150", "--seed", "7"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("no crash, no hang"), "\(result.output)")
    }

    @Test func randomKeysMouseAndResizesKeepEveryInvariant() throws {
        let result = try bench(["fuzz-board", "--messages", "5000", "--seed", "7"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("every invariant held after every step"), "\(result.output)")
    }

    @Test func oddTextInTemplatesImportsCardsAndArgumentsIsAcceptedOrRefusedClearly() throws {
        let result = try bench(["fuzz-text", "--cases", "300", "--seed", "7"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("no crash, no hang, columns in place"), "\(result.output)")
    }

    @Test func writersAtOnceLoseNoChangeAndRunNoActionTwice() throws {
        let result = try bench(["writers", "--processes", "4", "--changes", "40"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("160 committed, all present, no action ran twice"), "\(result.output)")
    }

    @Test func writersKilledOnAPlainAFullAndAReadOnlyFolderLoseNoCommittedChange() throws {
        let result = try bench(["crash", "--kills", "25", "--seed", "7"])
        #expect(result.status == 0, "\(result.output)")
        for fault in ["plain folder", "full disk", "read-only folder"] {
            #expect(result.output.contains("\(fault): 25 kills; the file loaded after each"), "\(result.output)")
        }
        // The refusals say what to do, in the recruiter's terms.
        #expect(result.output.contains("the disk is full, so make room on it"), "\(result.output)")
        #expect(result.output.contains("mounted read-only, so remount it read-write"), "\(result.output)")
    }
}
