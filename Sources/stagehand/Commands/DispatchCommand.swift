import ArgumentParser
import Dispatch
import Foundation
import StagehandCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct DispatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "Send every delayed email that is due, and run actions whose grace period or time in the stage is over.",
        discussion: """
            Run it from cron or a systemd timer, or keep it running with --watch: it then sleeps until the next \
            email is due or the state file changes, and stops cleanly on SIGTERM or Ctrl-C.
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Keep running and send emails as they fall due (stop with Ctrl-C or SIGTERM).") var watch = false

    func run() throws {
        let session = try Session(global)
        _ = try session.load()
        let dispatcher = session.dispatcher
        guard watch else {
            let result = try dispatcher.runDue()
            report(result, in: session)
            // A dispatch from cron is often all that runs while nobody has a board
            // open: it folds a long journal too, as --watch does when idle. A failure
            // (a full disk) must not fail the sending, which is done.
            _ = try? session.store.compactIfLarge()
            if let problem = result.setupProblem { throw problem }
            // cron mails whoever owns the job when a command fails: worth it for mail that did not go.
            if !result.failed.isEmpty || !result.unknown.isEmpty { throw ExitCode(5) }
            return
        }
        let changes = try session.location.watch()
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { changes.wake() }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        printError("Watching \(session.location.shown) for due emails; Ctrl-C stops.")
        var lastProblem: MailSetupError?
        while true {
            _ = try session.store.refreshIfChanged()
            let result = try dispatcher.runDue()
            report(result, in: session)
            TextOutput.flush()
            if result.setupProblem != lastProblem, let problem = result.setupProblem {
                printError("stagehand: nothing is sent until this is fixed: \(problem.sentence)")
            }
            lastProblem = result.setupProblem
            if !result.didSomething {
                // Idle: fold the journal now, so that no one's move waits for it.
                // Only later loads gain from it, so a failure (a full disk, say)
                // must not stop the sending; the next idle round tries again.
                _ = try? session.store.compactIfLarge()
            }
            // The clock may be fixed (STAGEHAND_NOW): the wait is the time left by it.
            var deadline = dispatcher.nextDueDate().map { Date().addingTimeInterval($0.timeIntervalSince(session.clock.now)) }
            // Something due that this pass could not send (the transport cannot work
            // from here) waits for a change, or a minute, instead of spinning.
            if result.setupProblem != nil { deadline = Date().addingTimeInterval(60) }
            if !result.didSomething, let due = deadline, due <= Date() { deadline = Date().addingTimeInterval(1) }
            if changes.wait(until: deadline) == .woken { break }
        }
        printError("Stopped.")
    }

    private func report(_ result: DispatchReport, in session: Session) {
        let workspace = session.store.workspace
        func line(_ id: EmailID, _ text: (OutgoingEmail) -> String) {
            guard let email = workspace.emails[id] else { return }
            TextOutput.print(text(email) + " [\(id)]")
        }
        for run in result.advancedRuns.compactMap({ workspace.actionRuns[$0] }) where run.trigger == .timeInStage {
            for step in run.steps {
                let what = "\(workspace.summary(of: step.action, in: run)) for \(workspace.name(of: run.candidate))"
                switch step.state {
                case .skipped(let why): TextOutput.print("Skipped \(what): \(why) [\(run.id)]")
                case .failed(let why): TextOutput.print("Failed \(what): \(why) [\(run.id)]")
                default: TextOutput.print("Ran \(what), whose time in the stage came at \(workspace.moment(run.startsAt)) [\(run.id)]")
                }
            }
        }
        for id in result.sent { line(id) { "Sent '\($0.subject)' to \($0.toAddress)" } }
        for id in result.retrying {
            line(id) { "Not sent '\($0.subject)' to \($0.toAddress): \(withoutFinalStop($0.failure ?? "")) — trying again at \(workspace.moment($0.dueAt))" }
        }
        for id in result.failed { line(id) { "Failed '\($0.subject)' to \($0.toAddress): \($0.failure ?? "unknown error")" } }
        for id in result.unknown {
            // The stored reason starts by saying it is unknown; the line says it first already.
            line(id) { "Unknown whether '\($0.subject)' reached \($0.toAddress): \($0.failure ?? "")" }
        }
        if !watch {
            var counts = "Sent \(result.sent.count), failed \(result.failed.count)"
            let timed = result.advancedRuns.filter { workspace.actionRuns[$0]?.trigger == .timeInStage }.count
            if timed > 0 { counts += ", \(counted(timed, "timed action")) run" }
            if !result.retrying.isEmpty { counts += ", retrying later \(result.retrying.count)" }
            if !result.unknown.isEmpty { counts += ", unknown \(result.unknown.count)" }
            TextOutput.print(counts + ".")
        }
    }
}
