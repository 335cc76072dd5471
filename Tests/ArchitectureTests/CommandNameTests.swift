import Foundation
import Testing

/// Every command names itself. Without `commandName`, ArgumentParser works a
/// name out with `String(describing:)` of the command's type, for every command
/// in the tree on every run, and each of those looks the type up in every
/// protocol conformance of the binary: 5 ms of each `stagehand …` (help took 16 ms,
/// 12 ms with the names given; the sample's `show` 25 ms, 20 ms).
@Suite struct CommandNameTests {
    @Test(arguments: ["stagehand", "stagehand-serve"])
    func everyCommandConfigurationGivesItsName(_ target: String) throws {
        let folder = ImportRulesTests.sources.appendingPathComponent(target)
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        var unnamed: [String] = []
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            var rest = text[...]
            while let start = rest.range(of: "CommandConfiguration(") {
                var depth = 1
                var index = start.upperBound
                while depth > 0, index < rest.endIndex {
                    if rest[index] == "(" { depth += 1 } else if rest[index] == ")" { depth -= 1 }
                    index = rest.index(after: index)
                }
                let call = rest[start.upperBound..<index]
                if !call.contains("commandName:") {
                    let line = text[..<start.lowerBound].count(where: { $0 == "\n" }) + 1
                    unnamed.append("\(file.lastPathComponent):\(line)")
                }
                rest = rest[index...]
            }
        }
        #expect(unnamed.isEmpty, "give these commands a commandName: \(unnamed)")
    }
}
