import Foundation
import StagehandCore

/// `stagehand-bench generate --candidates N --state PATH`: writes the benchmarks'
/// large workspace (3 jobs × 8 stages, 10 timeline entries per candidate) to a new
/// state file, to profile a command or the board on it by hand.
enum Generate {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            let options = try BenchOptions(arguments)
            let workspace = SampleWorkspace.makeLarge(candidates: try options.integer("--candidates"), now: Date())
            try BenchStore.open(try options.string("--state")).create(workspace, replacing: false)
            return 0
        } catch {
            return report(error)
        }
    }
}
