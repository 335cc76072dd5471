import Foundation
import StagehandCore

/// The job each member last had on screen, per workspace, so that `stagehand`
/// opens the board where they left it. A preference of this machine's account
/// (`$XDG_STATE_HOME/stagehand/last-jobs.json`, `~/.local/state` without it), not
/// part of the workspace: switching jobs writes nothing others would see. One that
/// cannot be read or written is simply not remembered; nothing else depends on it.
struct LastJobs {
    let file: URL

    init(environment: [String: String]) {
        // A relative XDG_STATE_HOME is to be ignored, the XDG specification says.
        let stateHome =
            environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
        file = URL(fileURLWithPath: stateHome).appendingPathComponent("stagehand/last-jobs.json")
    }

    /// Workspace (as its location is shown) → member → job id.
    private typealias Remembered = [String: [String: String]]

    func job(in workspace: StoreLocation, for member: String) -> JobID? {
        read()[workspace.shown]?[member].map { JobID($0) }
    }

    func remember(_ job: JobID, in workspace: StoreLocation, for member: String) {
        var remembered = read()
        guard remembered[workspace.shown]?[member] != job.rawValue else { return }
        remembered[workspace.shown, default: [:]][member] = job.rawValue
        guard let data = try? JSONEncoder().encode(remembered) else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Written whole and renamed into place: two boards closing at once leave one answer, never a torn file.
        try? data.write(to: file, options: .atomic)
    }

    /// What can be read of the file: an entry of the wrong shape is left out, not
    /// the whole file, so saving this workspace's entry keeps the others.
    private func read() -> Remembered {
        guard let data = try? Data(contentsOf: file),
            let workspaces = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { return [:] }
        return workspaces.compactMapValues { $0 as? [String: String] }
    }
}
