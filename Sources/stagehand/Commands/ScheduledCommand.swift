import ArgumentParser
import Foundation
import StagehandCore

struct ScheduledCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scheduled",
        abstract: "List the delayed emails and timed actions still waiting; send or run one now, cancel it, or retry a failed email.",
        discussion: "Emails and timed actions are named by the id the list shows. Sending, running, cancelling and retrying are recorded on the candidate's timeline.",
        subcommands: [List.self, SendNow.self, Cancel.self, Retry.self], defaultSubcommand: List.self)
}

extension ScheduledCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Every waiting email by due time (candidate, job, stage, template, sender), then the failed ones.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON (documented in the README).") var json = false

        func run() throws {
            let workspace = try Session(global).load()
            let waiting = workspace.waitingEmails
            let toRetry = workspace.emailsToRetry
            let timed = workspace.waitingTimedRuns
            if json {
                try JSONOutput.print(ScheduledReport(waiting: waiting, toRetry: toRetry, timed: timed, in: workspace))
                return
            }
            TextOutput.print(waiting.isEmpty ? "No emails are waiting." : "Waiting (\(waiting.count)), soonest first:")
            if !waiting.isEmpty { TextOutput.print(Self.table(waiting, in: workspace)) }
            if !toRetry.isEmpty {
                TextOutput.print("\nFailed or unknown (\(toRetry.count)): check, then 'stagehand scheduled retry ID':")
                TextOutput.print(Self.table(toRetry, in: workspace))
            }
            if !timed.isEmpty {
                TextOutput.print("\nTimed actions waiting (\(timed.count)), soonest first: 'stagehand scheduled send-now ID' runs one now:")
                TextOutput.print(Self.table(timed, in: workspace))
            }
        }

        static func table(_ runs: [ActionRun], in workspace: Workspace) -> String {
            let header = ["Due", "Candidate", "Job", "Stage", "Action", "Id"]
            let rows = runs.flatMap { run in
                run.steps.map { step -> [String] in
                    let job = workspace.job(run.job)
                    return [
                        workspace.moment(run.startsAt), workspace.name(of: run.candidate), job?.title ?? "", job?.stage(run.stage)?.name ?? "",
                        workspace.summary(of: step.action, in: run), run.id.rawValue,
                    ]
                }
            }
            return TextTable.render(header: header, rows: rows, notes: rows.map { _ in nil }, whole: [0, header.count - 1])
        }

        static func table(_ emails: [OutgoingEmail], in workspace: Workspace) -> String {
            let header = ["Due", "Candidate", "Job", "Stage", "Template", "Sender", "Id"]
            let rows = emails.map { email -> [String] in
                let listing = workspace.listing(of: email)
                return [workspace.dueText(of: email), listing.candidate, listing.job, listing.stage, listing.template, listing.sender, email.id.rawValue]
            }
            let notes = emails.map { email in email.failure.map { "    \($0)" } }
            return TextTable.render(header: header, rows: rows, notes: notes, whole: [0, header.count - 1])
        }
    }

    struct SendNow: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "send-now", abstract: "Send waiting emails, or run waiting timed actions, now instead of at their time.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Email or timed action ids, as 'stagehand scheduled' lists them.") var emails: [String]

        func run() throws {
            let session = try Session(global)
            let (timed, emailNames) = try session.timedRuns(among: emails)
            if !timed.isEmpty {
                let outcome = try session.engine.perform(.runTimedNow(timed), by: try session.member(in: session.store.workspace).id)
                TextOutput.print(outcome.sentence)
                if let problem = outcome.mailProblem { printError("stagehand: \(problem)") }
            }
            if !emailNames.isEmpty { try session.deliverNow(emailNames) { .sendEmailsNow($0) } }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel",
            abstract: "Cancel waiting emails or timed actions; they stay on the timeline as cancelled.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Email or timed action ids, as 'stagehand scheduled' lists them.") var emails: [String]

        func run() throws {
            let session = try Session(global)
            let (timed, emailNames) = try session.timedRuns(among: emails)
            if !timed.isEmpty {
                let outcome = try session.engine.perform(.cancelTimed(timed), by: try session.member(in: session.store.workspace).id)
                TextOutput.print(outcome.sentence)
            }
            guard !emailNames.isEmpty else { return }
            let ids = try session.emails(named: emailNames)
            try session.engine.perform(.cancelEmails(ids), by: try session.member(in: session.store.workspace).id)
            let workspace = session.store.workspace
            for id in ids {
                guard let email = workspace.emails[id] else { continue }
                TextOutput.print("Cancelled '\(email.subject)' to \(email.toAddress) [\(id)]")
            }
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retry",
            abstract: "Send failed emails again, or ones whose sending is unknown once you have checked the server.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Email ids, as 'stagehand scheduled' lists them.") var emails: [String]

        func run() throws {
            let session = try Session(global)
            try session.deliverNow(emails) { .retryEmails($0) }
        }
    }
}

extension Session {
    /// Splits names into the timed actions still waiting and the rest (emails).
    fileprivate func timedRuns(among names: [String]) throws -> (timed: [ActionRunID], rest: [String]) {
        let workspace = try store.load()
        var timed: [ActionRunID] = []
        var rest: [String] = []
        for name in names {
            if let run = workspace.actionRuns[ActionRunID(name)], run.trigger == .timeInStage {
                guard run.isWaitingForItsTime else { throw StagehandError.invalidAction(workspace.notWaiting(run.id)) }
                timed.append(run.id)
            } else if workspace.actionRuns[ActionRunID(name)] == nil, name.hasPrefix("run-") {
                throw StagehandError.invalidAction("Nothing waiting is listed as '\(name)': 'stagehand scheduled' lists the emails and timed actions with their ids.")
            } else {
                rest.append(name)
            }
        }
        return (timed, rest)
    }

    /// The emails named by id, as `stagehand scheduled` lists them.
    fileprivate func emails(named names: [String]) throws -> [EmailID] {
        let workspace = try store.load()
        return try names.map { try workspace.findEmail($0).id }
    }

    /// Asks for the emails to go now and says what became of each; exits non-zero if any did not go.
    fileprivate func deliverNow(_ names: [String], _ change: ([EmailID]) -> CandidateChange) throws {
        let ids = try emails(named: names)
        let outcome = try engine.perform(change(ids), by: try member(in: store.workspace).id)
        if let problem = outcome.delivery?.setupProblem { throw problem }
        let workspace = store.workspace
        for id in ids {
            guard let email = workspace.emails[id] else { continue }
            switch email.status {
            case .sent: TextOutput.print("Sent '\(email.subject)' to \(email.toAddress) [\(id)]")
            case .scheduled:
                printError("stagehand: not sent '\(email.subject)' to \(email.toAddress): \(email.failure ?? "") — trying again at \(workspace.moment(email.dueAt)) [\(id)]")
            default: printError("stagehand: \(email.status.rawValue) '\(email.subject)' to \(email.toAddress): \(email.failure ?? "") [\(id)]")
            }
        }
        if ids.contains(where: { workspace.emails[$0]?.status != .sent }) { throw ExitCode(5) }
    }
}
