import Foundation

/// Finds an executable that `swift build` put beside the test bundle, or in
/// `$STAGEHAND_BINARIES` (say `.build/release`, to measure release builds).
enum BuiltBinary {
    static func url(_ name: String) throws -> URL {
        if let folder = ProcessInfo.processInfo.environment["STAGEHAND_BINARIES"], !folder.isEmpty {
            let binary = URL(fileURLWithPath: folder).appendingPathComponent(name)
            guard FileManager.default.isExecutableFile(atPath: binary.path) else {
                throw Missing(name: name, searchedFrom: folder)
            }
            return binary
        }
        var folder = Bundle.main.bundleURL
        for _ in 0..<6 {
            for candidate in [folder, folder.appendingPathComponent("debug")] {
                let binary = candidate.appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
            }
            folder.deleteLastPathComponent()
        }
        throw Missing(name: name, searchedFrom: Bundle.main.bundleURL.path)
    }

    struct Missing: Error, CustomStringConvertible {
        let name: String
        let searchedFrom: String
        var description: String {
            "\(name) was not found beside the test bundle (\(searchedFrom)) or in a debug folder above it: "
                + "build it with 'swift build' before running these tests."
        }
    }
}

/// A folder of its own for one test, removed afterwards.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("stagehand-e2e-\(UUID().uuidString)")
        dataFolder = url
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var statePath: URL { url.appendingPathComponent("state.json") }
    /// Where relative settings point: beside the state file, or a board's data folder on a database.
    var dataFolder: URL
    var outbox: URL { dataFolder.appendingPathComponent("outbox") }
}
