import ArgumentParser
import StagehandCore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Write the sample workspace to the state file.",
        discussion: "Refuses to replace an existing state file unless --force is given; the old file is kept as state.json.bak.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Replace an existing state file (a copy is kept as .bak).") var force = false

    func run() throws {
        let session = try Session(global)
        let kept = try session.writeSample(replacing: force)
        let workspace = try session.store.load()
        let me = try? session.member(in: workspace)
        TextOutput.print("Wrote a sample workspace to \(session.location.shown)")
        if let kept { TextOutput.print("The workspace it replaced is kept as \(kept).") }
        TextOutput.print(
            "\(workspace.setup.companyName): \(workspace.setup.jobs.count) jobs, \(workspace.candidates.count) candidates; you are \(me?.name ?? Session.osLogin) (admin).")
        TextOutput.print("Next: stagehand board, or stagehand to open the board.")
    }
}
