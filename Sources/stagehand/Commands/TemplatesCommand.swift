import ArgumentParser
import StagehandCore

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates", abstract: "List, add, edit, remove or preview email templates.",
        discussion: """
            Subjects and bodies take the placeholders {{candidate.first_name}}, {{candidate.name}}, {{job.title}}, \
            {{stage.name}}, {{sender.name}} and {{company.name}}; any other is refused, naming it. An edit reaches \
            every action that sends the template; emails already scheduled keep their text. Changing templates \
            needs both the manageAutomations and editJobs permissions.
            """,
        subcommands: [List.self, Add.self, Edit.self, Remove.self, Preview.self], defaultSubcommand: List.self)
}

extension TemplatesCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the email templates with their subject and who sends them.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let workspace = try Session(global).load()
            for template in workspace.setup.emailTemplates {
                let senders = workspace.owners(sending: template.id).map(workspace.ownerName)
                TextOutput.print("\(template.name) [\(template.id)]")
                TextOutput.print("  Subject: \(template.subject)")
                TextOutput.print("  Sent by: \(senders.isEmpty ? "no action" : senders.joined(separator: ", "))")
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an email template.",
            discussion: """
                Example: stagehand templates add --name "Offer follow-up" --subject "{{job.title}}: any questions?" \
                --body "Hi {{candidate.first_name}}, …"
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "The template's name, as actions refer to it.") var name: String
        @Option(help: "The email's subject (placeholders allowed).") var subject: String
        @Option(help: "The email's body (placeholders allowed).") var body: String

        func run() throws {
            let said = try Session(global).changeSetup { _, _ in
                .saveTemplate(nil, name: name, subject: subject, body: body)
            }
            TextOutput.print(said)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change an email template's name, subject or body (what is not given stays).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The template (id or part of its name).") var template: String
        @Option(help: "Its new name.") var name: String?
        @Option(help: "Its new subject (placeholders allowed).") var subject: String?
        @Option(help: "Its new body (placeholders allowed).") var body: String?

        func validate() throws {
            guard name != nil || subject != nil || body != nil else {
                throw ValidationError("Say what to change: --name, --subject or --body.")
            }
        }

        func run() throws {
            let said = try Session(global).changeSetup { workspace, _ in
                let old = try workspace.findTemplate(template)
                return .saveTemplate(
                    old.id, name: name ?? old.name, subject: subject ?? old.subject, body: body ?? old.body)
            }
            TextOutput.print(said)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an email template that no action sends any more.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The template (id or part of its name).") var template: String

        func run() throws {
            let said = try Session(global).changeSetup { workspace, _ in
                .removeTemplate(try workspace.findTemplate(template).id)
            }
            TextOutput.print(said)
        }
    }

    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "preview",
            abstract: "Print a template filled in for a candidate, sent by you.",
            discussion: """
                Without --candidate a made-up candidate (Alex Example) stands in. The job is the one given, else the \
                candidate's only job, else (for Alex) the first job; without one, {{job.title}} and {{stage.name}} stay empty.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The template (id or part of its name).") var template: String
        @Option(help: "The candidate to fill it in for (id or part of the name).") var candidate: String?
        @Option(help: "The job (id or part of the title); needed when the candidate is in several.") var job: String?

        func run() throws {
            let session = try Session(global)
            let workspace = try session.load()
            let chosen = try workspace.findTemplate(template)
            let person = try candidate.map { try workspace.findCandidate($0) }
            let named = try person.map { try workspace.jobForCandidate($0, named: job) } ?? job.map { try workspace.findJob($0) }
            // A made-up candidate is made up for the first job, so that no sentence reads "for the  role".
            let firstJob = named == nil && person == nil ? workspace.setup.jobs.first : nil
            let opening = named ?? firstJob
            // Previewing changes nothing, so someone not on the team may look (then no sender is
            // named); a mistyped --as is still refused.
            let sender =
                session.memberName == nil ? try? session.member(in: workspace) : try session.member(in: workspace)
            let filled = try workspace.preview(
                subject: chosen.subject, body: chosen.body, for: person?.id, in: opening?.id, sender: sender?.id)
            let whom = person.map { "\($0.name) [\($0.id)]" } ?? "Alex Example (made up)"
            let forJob = opening.map { ", \($0.title)\(firstJob == nil ? "" : " (the first job; --job names another)")" } ?? ", no job"
            TextOutput.print("\(chosen.name) for \(whom)\(forJob), from \(sender?.name ?? "nobody"):")
            TextOutput.print("\nSubject: \(filled.subject)\n\n\(filled.body)")
        }
    }
}
