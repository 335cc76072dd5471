import Foundation
import StagehandBoard
import StagehandCore

/// `stagehand-bench fuzz-text [--cases 2000] [--seed 1]`
///
/// Not a benchmark: odd text (`OddText`) fed everywhere a recruiter can type or
/// paste it. Each case tries an email template (saved, previewed for a candidate
/// with an odd name, turned into a message), a CSV import, a candidate on the
/// board rendered at a random size with its profile, and every tenth case the
/// real `stagehand` binary with odd arguments. Each must be accepted or refused
/// with a sentence; messages stay 7-bit with exactly their own headers; frames
/// hold no control characters and keep every column separator in its place;
/// the command line exits with a documented code, never by a signal or a hang,
/// and writes no control character a terminal would obey.
enum TextFuzz {
    @MainActor
    static func run(_ arguments: [String]) -> Int32 {
        do {
            let options = try BenchOptions(arguments)
            let total = try options.integer("--cases", default: 2_000)
            let seed = try options.integer("--seed", default: 1)
            var random = SplitMix64(seed: UInt64(seed))
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-text-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let now = Date(timeIntervalSince1970: 1_795_597_200)
            let sample = SampleWorkspace.make(now: now, currentLogin: "ana")
            var tally = TextFuzzTally()
            var commandLine = try OddCommandLine(folder: folder)
            let started = Date()
            for number in 1...max(1, total) {
                var workspace = sample
                let problem =
                    OddTemplate.check(&workspace, now: now, random: &random, tally: &tally)
                    ?? OddImport.check(workspace, now: now, random: &random, tally: &tally)
                    ?? OddCard.check(&workspace, now: now, random: &random, tally: &tally)
                    ?? (number % 10 == 0 ? commandLine.check(random: &random, tally: &tally) : nil)
                if let problem {
                    print("fuzz-text: seed \(seed), case \(number): \(problem)")
                    return 1
                }
            }
            let seconds = Date().timeIntervalSince(started)
            print("fuzz-text: \(total) cases in \(String(format: "%.1f", seconds)) s: \(tally.summary); no crash, no hang, columns in place")
            return 0
        } catch {
            return report(error)
        }
    }
}

/// How many odd inputs each part accepted and refused.
struct TextFuzzTally {
    private var counts: [(part: String, accepted: Int, refused: Int)] = []

    mutating func count(_ part: String, accepted: Bool) {
        if let index = counts.firstIndex(where: { $0.part == part }) {
            if accepted { counts[index].accepted += 1 } else { counts[index].refused += 1 }
        } else {
            counts.append((part, accepted ? 1 : 0, accepted ? 0 : 1))
        }
    }

    var summary: String {
        counts.map { "\($0.part) \($0.accepted) accepted / \($0.refused) refused clearly" }.joined(separator: ", ")
    }
}

/// Runs `body`; a refusal must be a sentence for people. Nil and a tally when all is well.
func acceptedOrRefusedClearly(_ part: String, tally: inout TextFuzzTally, _ body: () throws -> String?) -> String? {
    do {
        if let problem = try body() { return "\(part): \(problem)" }
        tally.count(part, accepted: true)
        return nil
    } catch let error as any UserFacingError {
        tally.count(part, accepted: false)
        return error.sentence.isEmpty ? "\(part): a refusal without a sentence" : nil
    } catch {
        return "\(part): refused without a sentence for people: \(type(of: error)) \(error)"
    }
}
