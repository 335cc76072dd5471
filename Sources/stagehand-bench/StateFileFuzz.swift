import Foundation
import StagehandCore

/// `stagehand-bench fuzz-state [--files 10000] [--seed 1]`
///
/// Not a benchmark: the loader's bad-input test. Writes the sample workspace, then
/// loads thousands of mutated copies of it — truncated, bytes flipped, invalid UTF-8,
/// values of the wrong type, huge strings, deep nesting, duplicate ids, dangling
/// references — each of which must either load (and pass `check` or report its
/// inconsistencies) or be refused with a `StateFileError` sentence that names the
/// file. A crash or a hang ends the run, so finishing is the result; the counts say
/// which mutations were accepted. The seed makes a run repeatable.
enum StateFileFuzz {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            let options = try BenchOptions(arguments)
            let files = try options.integer("--files", default: 10_000)
            var random = SplitMix64(seed: UInt64(try options.integer("--seed", default: 1)))
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-state-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("state.json")
            try StateFile(path: path).create(SampleWorkspace.make(now: Date(timeIntervalSince1970: 1_795_597_200), currentLogin: "ana"), replacing: false)
            let original = try Data(contentsOf: path)
            var loaded: [String: Int] = [:]
            var refused: [String: Int] = [:]
            var flagged: [String: Int] = [:]
            var slowest = (seconds: 0.0, mutation: "")
            let started = Date()
            for _ in 0..<files {
                let mutation = Mutation.allCases.randomElement(using: &random)!
                let bytes = mutation.apply(to: original, using: &random)
                try bytes.write(to: path)
                try? FileManager.default.removeItem(at: folder.appendingPathComponent("state.json.journal"))
                let begun = Date()
                do {
                    _ = try StateFile(path: path).load()
                    if !(try StateFile(path: path).check().isConsistent) { flagged[mutation.rawValue, default: 0] += 1 }
                    loaded[mutation.rawValue, default: 0] += 1
                } catch let error as StateFileError {
                    guard error.sentence.contains(path.path), [65, 74].contains(error.sysexitsClass) else {
                        print("unclear refusal for \(mutation.rawValue): \(error.sentence)")
                        return 1
                    }
                    refused[mutation.rawValue, default: 0] += 1
                }
                let took = Date().timeIntervalSince(begun)
                if took > slowest.seconds { slowest = (took, mutation.rawValue) }
            }
            let total = Date().timeIntervalSince(started)
            print("fuzz-state: \(files) mutated files in \(String(format: "%.1f", total)) s, no crash, no hang")
            print("  slowest load or refusal: \(String(format: "%.0f", slowest.seconds * 1000)) ms (\(slowest.mutation))")
            for mutation in Mutation.allCases {
                let name = mutation.rawValue
                print("  \(name): \(loaded[name, default: 0]) loaded (\(flagged[name, default: 0]) of them flagged by check), \(refused[name, default: 0]) refused with a clear error")
            }
            return 0
        } catch {
            return report(error)
        }
    }

    enum Mutation: String, CaseIterable {
        case truncated, flippedBytes, invalidUTF8, wrongType, hugeString, deepNesting, duplicateID, danglingReference, emptyFile

        func apply(to original: Data, using random: inout SplitMix64) -> Data {
            var bytes = [UInt8](original)
            switch self {
            case .truncated:
                return Data(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
            case .flippedBytes:
                for _ in 0..<Int.random(in: 1...8, using: &random) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
                return Data(bytes)
            case .invalidUTF8:
                let at = Int.random(in: 0..<bytes.count, using: &random)
                bytes.insert(contentsOf: [0xC3, 0x28, 0xFF, 0xFE], at: at)
                return Data(bytes)
            case .wrongType:
                return replacing(in: original, pattern: #": "[^"]*""#, with: [": 12345", ": null", ": []", ": {}", ": true"], using: &random)
            case .hugeString:
                let huge = "\"" + String(repeating: "é", count: Int.random(in: 10_000...300_000, using: &random)) + "\""
                return replacing(in: original, pattern: #""[^"]*""#, with: [huge], using: &random)
            case .deepNesting:
                let depth = Int.random(in: 1_000...200_000, using: &random)
                let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
                return replacing(in: original, pattern: #": "[^"]*""#, with: [": " + nested], using: &random)
            case .duplicateID:
                return replacing(in: original, pattern: #""id" : "[^"]*""#, with: [#""id" : "cand-1""#, #""id" : "ios""#, #""id" : "email-1""#], using: &random)
            case .danglingReference:
                return replacing(
                    in: original, pattern: #""(job|stage|candidate|template|run|sender|assignee|member|reason)" : "[^"]*""#,
                    with: [#""$1" : "nowhere""#], using: &random)
            case .emptyFile:
                return Data()
            }
        }

        /// Replaces one random match of `pattern` with one of `replacements`.
        private func replacing(in original: Data, pattern: String, with replacements: [String], using random: inout SplitMix64) -> Data {
            let text = String(decoding: original, as: UTF8.self)
            guard let expression = try? NSRegularExpression(pattern: pattern) else { return original }
            let matches = expression.matches(in: text, range: NSRange(text.startIndex..., in: text))
            guard let match = matches.randomElement(using: &random), let range = Range(match.range, in: text) else { return original }
            let template = replacements.randomElement(using: &random)!
            let replacement = expression.replacementString(for: match, in: text, offset: 0, template: NSRegularExpression.escapedTemplate(for: template).replacingOccurrences(of: "\\$1", with: "$1"))
            return Data(text.replacingCharacters(in: range, with: replacement).utf8)
        }
    }
}
