import Foundation
import StagehandBoard
import StagehandCore

/// `stagehand-bench insights [--candidates 10000]`
///
/// Pipeline insights on a large workspace whose stages all carry an expected time:
/// the figures for every job (what `report` works out) and the board's insights
/// page opening (update and render) ≤ 200 ms; `stagehand report` as a process, from
/// start to exit, when the binary sits beside this one; and the board's frame cost
/// with expected times against the same board without them (a focus move, handled
/// and rendered). Medians.
enum InsightsTiming {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            let options = try BenchOptions(arguments)
            try measure(candidates: try options.integer("--candidates", default: 10_000))
            return 0
        } catch {
            return report(error)
        }
    }

    private static func measure(candidates: Int) throws {
        let now = Date()
        let plain = SampleWorkspace.makeLarge(candidates: candidates, now: now)
        var expecting = plain
        for index in expecting.setup.jobs.indices {
            for stage in expecting.setup.jobs[index].pipeline.indices {
                expecting.setup.jobs[index].pipeline[stage].expected = stage % 2 == 0 ? RelativeDuration(3, .businessDays) : RelativeDuration(5, .days)
            }
        }
        let calendar = expecting.setup.settings.calendar
        let period = InsightPeriod.lastDays(30, before: now, calendar: calendar)
        let figures = Timing.measure(20) { _ = expecting.insights(period: period, now: now) }

        let board = BoardState(workspace: expecting, me: "ben", now: now, width: 120, height: 35)
        let page = Timing.measure(20) {
            var opened = board
            _ = Board.update(&opened, .input(.key("I")))
            _ = Board.render(opened)
        }
        func frames(_ workspace: Workspace) -> Timing.Summary {
            var state = BoardState(workspace: workspace, me: "ben", now: now, width: 120, height: 35)
            var down = true
            return Timing.measure(200) {
                down.toggle()
                _ = Board.update(&state, .input(.key(down ? .down : .up)))
                _ = Board.render(state)
            }
        }
        let withExpected = frames(expecting)
        let without = frames(plain)

        print("insights: \(candidates) candidates, \(expecting.setup.jobs.count) jobs, every stage with an expected time")
        print("  figures for every job (report's work)   \(figures)   \(figures.verdict(budget: 200))")
        print("  the insights page opens (update, render) \(page)   \(page.verdict(budget: 200))")
        print("  a focus move, expected times            \(withExpected)")
        print("  a focus move, none                      \(without)")
        if let process = try reportProcess(expecting) {
            print("  stagehand report, start to exit         \(process)   \(process.verdict(budget: 200))")
        } else {
            print("  stagehand report: no stagehand binary beside this one (swift build -c release)")
        }
    }

    /// `stagehand report` run as a process on the workspace written to a state file.
    private static func reportProcess(_ workspace: Workspace) throws -> Timing.Summary? {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("stagehand")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stagehand-insights-timing-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.json")
        try StateFile(path: path).create(workspace, replacing: true)
        return try Timing.measure(10) { try TimedCommand.run(binary.path, ["report", "--state", path.path]) }
    }
}
