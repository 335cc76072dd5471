import ArgumentParser
import Foundation
import StagehandCore

/// `stagehand copy`: a workspace from a state file into a database, or back out.
struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy", abstract: "Copy a workspace between a state file and a database (either way).",
        discussion: "The target must hold no workspace yet: nothing is ever overwritten (exit 73).")

    @Option(help: "Where the workspace is now: a state file or postgresql://…") var from: String
    @Option(help: "Where it goes: a database (postgresql://…, migrated) or a new state file.") var to: String

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let source = try StoreLocation.from(option: from, environment: environment).open()
        let target = StoreLocation.from(option: to, environment: environment)
        // Every timeline read (and checked) before anything is written elsewhere.
        let workspace = try source.loadEveryTimeline()
        let store = try target.open()
        // Not StateFileError.alreadyExists for a file: its advice, --force, is demo's; copy has none.
        guard !store.exists else { throw DatabaseError.notEmpty(shown: target.shown) }
        if case .file(let path) = target {
            try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        try store.create(workspace, replacing: false)
        TextOutput.print(
            "Copied \(counted(workspace.candidates.count, "candidate")) and \(counted(workspace.setup.jobs.count, "job")) to \(target.shown).")
    }
}
