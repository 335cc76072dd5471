import ArgumentParser
import Foundation
import StagehandCore

struct ScheduledCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scheduled", abstract: "List the delayed emails still waiting; send one now, cancel it, or retry a failed one.",
        discussion: "Emails are named by the id the list shows. Sending, cancelling and retrying are recorded on the candidate's timeline.",
        subcommands: [List.self, SendNow.self, Cancel.self, Retry.self], defaultSubcommand: List.self)
}

extension ScheduledCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every waiting email by due time (candidate, job, stage, template, sender), then the failed ones.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON (documented in the README).") var json = false

        func run() throws {
            let workspace = try Session(global).store.load()
            let waiting = workspace.waitingEmails
            let toRetry = workspace.emailsToRetry
            if json {
                try JSONOutput.print(ScheduledReport(waiting: waiting, toRetry: toRetry, in: workspace))
                return
            }
            TextOutput.print(waiting.isEmpty ? "No emails are waiting." : "Waiting (\(waiting.count)), soonest first:")
            if !waiting.isEmpty { TextOutput.print(Self.table(waiting, in: workspace)) }
            if !toRetry.isEmpty {
                TextOutput.print("\nFailed or unknown (\(toRetry.count)): check, then 'stagehand scheduled retry ID':")
                TextOutput.print(Self.table(toRetry, in: workspace))
            }
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
        static let configuration = CommandConfiguration(commandName: "send-now", abstract: "Send waiting emails now instead of at their due time.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Email ids, as 'stagehand scheduled' lists them.") var emails: [String]

        func run() throws {
            let session = try Session(global)
            try session.deliverNow(emails) { .sendEmailsNow($0) }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel waiting emails; they stay on the timeline as cancelled.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Email ids, as 'stagehand scheduled' lists them.") var emails: [String]

        func run() throws {
            let session = try Session(global)
            let ids = try session.emails(named: emails)
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
