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
        commandName: "dispatch", abstract: "Send every delayed email that is due, and run actions whose grace period is over.",
        discussion: "Run it from cron or a systemd timer, or keep it running with --watch.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Keep running and send emails as they fall due (stop with Ctrl-C or SIGTERM).") var watch = false

    func run() throws {
        try reportingErrors {
            let session = try Session(global)
            let workspace = try session.store.load()
            let dispatcher = session.dispatcher(for: workspace)
            guard watch else {
                report(try dispatcher.runDue(), in: session)
                return
            }
            let stop = DispatchSemaphore(value: 0)
            let sources = [SIGINT, SIGTERM].map { number in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { stop.signal() }
                source.resume()
                return source
            }
            defer { sources.forEach { $0.cancel() } }
            printError("Watching \(session.statePath.path) for due emails; Ctrl-C stops.")
            while true {
                _ = try session.store.refreshIfChanged()
                let result = try dispatcher.runDue()
                if !result.sent.isEmpty || !result.failed.isEmpty {
                    report(result, in: session)
                } else {
                    // Idle: fold the journal now, so that no one's move waits for it.
                    // Only later loads gain from it, so a failure (a full disk, say)
                    // must not stop the sending; the next idle round tries again.
                    _ = try? session.store.compactIfLarge()
                }
                let wait = dispatcher.nextDueDate().map { max(0.05, $0.timeIntervalSince(session.clock.now)) } ?? 1
                if stop.wait(timeout: .now() + min(wait, 1)) == .success { break }
            }
        }
    }

    private func report(_ result: DispatchReport, in session: Session) {
        let workspace = session.store.workspace
        for id in result.sent {
            guard let email = workspace.emails[id] else { continue }
            TextOutput.print("Sent '\(email.subject)' to \(email.toAddress) [\(id)]")
        }
        for id in result.failed {
            guard let email = workspace.emails[id] else { continue }
            TextOutput.print("Failed '\(email.subject)' to \(email.toAddress) [\(id)]: \(email.failure ?? "unknown error")")
        }
        if !watch { TextOutput.print("Sent \(result.sent.count), failed \(result.failed.count).") }
    }
}
