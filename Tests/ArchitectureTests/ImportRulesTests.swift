import Foundation
import Testing

/// The layering docs/ARCHITECTURE.md describes, checked on the sources: SwiftPM can
/// let a target import a module it does not declare (it is built beside it), so the
/// rules that keep the core free of any screen, and ncurses in one place, are read
/// off the `import` lines themselves. A broken rule fails `swift test`, and so CI.
@Suite struct ImportRulesTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    /// What each layer may import, and why.
    static let allowed: [(target: String, modules: Set<String>, why: String)] = [
        ("StagehandCore", ["Foundation", "Glibc", "Darwin", "Dispatch", "Synchronization", "CCurl", "CCrypto", "CPostgres", "Mustache", "SwiftCSV"],
         "the rules know no board, terminal, server or command line"),
        ("StagehandBoard", ["Foundation", "Glibc", "Darwin", "Dispatch", "StagehandCore"],
         "the board is pure state, update and render: no ncurses, no terminal"),
        ("StagehandTerminal", ["Foundation", "Glibc", "Darwin", "Dispatch", "Synchronization", "CNcursesw", "StagehandBoard", "StagehandCore"],
         "the terminal driver draws frames and reads keys, nothing else"),
        ("StagehandServe", ["Foundation", "Glibc", "Darwin", "Dispatch", "Synchronization", "CPseudoTerminal", "Crypto", "NIOCore", "NIOPosix", "NIOSSH", "StagehandCore"],
         "the SSH server runs the board as a program of its own, and draws nothing itself"),
    ]

    /// The modules a target's Swift files import.
    static func imports(of target: String) throws -> [String: [String]] {
        let folder = sources.appendingPathComponent(target)
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [:] }
        let importLine = try Regex(#"^\s*(?:@testable\s+)?import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)"#)
        var found: [String: [String]] = [:]
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in text.split(separator: "\n") {
                guard let match = try importLine.firstMatch(in: String(line)), let name = match.output[1].substring else { continue }
                found[String(name), default: []].append(file.lastPathComponent)
            }
        }
        return found
    }

    @Test(arguments: allowed.map(\.target))
    func eachLayerImportsOnlyWhatItMay(_ target: String) throws {
        let rule = try #require(Self.allowed.first { $0.target == target })
        let imported = try Self.imports(of: target)
        #expect(!imported.isEmpty, "no sources found for \(target) under \(Self.sources.path)")
        for (module, files) in imported where !rule.modules.contains(module) {
            Issue.record("\(target) imports \(module) (\(files.joined(separator: ", "))): \(rule.why).")
        }
    }

    @Test func onlyTheTerminalDriverImportsNcurses() throws {
        let targets = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
        #expect(targets.contains("StagehandTerminal"))
        for target in targets where target != "StagehandTerminal" {
            let files = try Self.imports(of: target)["CNcursesw"] ?? []
            #expect(files.isEmpty, "\(target) imports CNcursesw in \(files.joined(separator: ", ")): only StagehandTerminal talks to ncurses")
        }
    }
}
