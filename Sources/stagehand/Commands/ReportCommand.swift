import ArgumentParser
import Foundation
import StagehandBoard
import StagehandCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Pipeline insights: per stage, who is there, came, moved on, how long they stay; what automations did.",
        discussion: """
            For each job (or --job JOB), each stage: candidates now, entered in the period, the share of those who left \
            that moved on to a later stage, median and 90th-percentile days of the stays that ended, and how many are past \
            the stage's expected time now; then the automatic actions' emails (sent, failed, unknown, skipped by reason), \
            tasks (created, done, overdue) and evaluation requests (asked, answered). The period runs from --since (a day \
            such as 2026-11-01, or a span back from now such as 30d, 2w, 10bd; default 30d) to now. How each figure is \
            read from the timelines is in the README.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "One job (id or part of the title); every job when left out.") var job: String?
    @Option(help: ArgumentHelp("Start of the period: a day (2026-11-01) or a span back from now (30d, 2w, 10bd).", valueName: "since"))
    var since: String = InsightPeriod.defaultSince
    @Flag(help: "Print JSON (documented in the README).") var json = false
    @Flag(help: "Print CSV for a spreadsheet: the stages' figures, an empty line, then the automation outcomes.") var csv = false

    func validate() throws {
        if json && csv { throw ValidationError("Use either --json or --csv, not both.") }
    }

    func run() throws {
        let session = try Session(global)
        let workspace = try session.load(everyTimeline: true)
        let now = session.clock.now
        let period = try InsightPeriod(since: since, now: now, calendar: workspace.setup.settings.calendar)
        let jobs = try job.map { [try workspace.findJob($0).id] }
        let insights = workspace.insights(for: jobs, period: period, now: now)
        if json { return try JSONOutput.print(InsightsReport(insights)) }
        if csv { return Swift.print(InsightsCSV.text(insights), terminator: "") }
        let width = TerminalWidth.current(ProcessInfo.processInfo.environment)
        var text: [String] = []
        for job in insights.jobs {
            let closed = workspace.job(job.job)?.status == .closed ? " (closed)" : ""
            if !text.isEmpty { text.append("") }
            let title = "\(job.title)\(closed): since \(workspace.day(period.start)) (\(period.days) day\(period.days == 1 ? "" : "s")), counted \(workspace.moment(now))"
            text += Board.wrap(title, width: width)
            text.append(String(repeating: TextOutput.symbols.horizontal, count: width))
            text += InsightsChart.lines(job, period: period, width: width, symbols: TextOutput.symbols, workspace: workspace).map(\.text)
        }
        TextOutput.print(text.isEmpty ? "No jobs yet." : text.joined(separator: "\n"))
    }
}
