import ArgumentParser
import Foundation
import StagehandCore

struct MailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail", abstract: "Show or change how emails go out, and send a test message.",
        discussion: """
            Transports: outbox (one .eml file per message in a folder), sendmail (pipe each message to a \
            sendmail-compatible command) and smtp (straight to a server, through libcurl). Changing them needs \
            the same permissions as editing jobs. SMTP passwords are never stored in the state file: give the \
            name of an environment variable (--password-env) or a file (--password-file) that holds it.
            """,
        subcommands: [Show.self, Change.self, Test.self], defaultSubcommand: Show.self)
}

extension MailCommand {
    /// A password file others can read is a password others can read.
    static func passwordFileWarning(_ settings: MailSettings) -> String? {
        guard settings.transport == .smtp, let path = settings.smtp?.passwordFile,
            let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0
        else { return nil }
        return "the password file \(path) can be read by others (mode \(String(mode, radix: 8))): run 'chmod 600 \(path)'."
    }
}

extension MailTransportKind: ExpressibleByArgument {}
extension SMTPSecurity: ExpressibleByArgument {}

extension MailCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show the mail settings and check, without sending anything, whether they work from here.",
            discussion: """
                smtp: connects, switches to TLS and logs in, then hangs up. sendmail: the program is there and reads \
                the recipients from the message (-t). outbox: the folder can be written. Exits 2 when not ready.
                """)
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session(global)
            let settings = try session.load().setup.settings.mail
            TextOutput.print("Mail goes out through \(settings.transportDescription).")
            TextOutput.print("From address when no team member sends: \(settings.fromAddress)")
            if settings.transport == .smtp, let smtp = settings.smtp {
                if let name = smtp.passwordVariable { TextOutput.print("Password: from the environment variable \(name)") }
                if let path = smtp.passwordFile { TextOutput.print("Password: from the file \(path)") }
                if let path = smtp.certificateAuthorityFile { TextOutput.print("Trusted authorities: \(path)") }
            }
            if let warning = MailCommand.passwordFileWarning(settings) { printError("stagehand: \(warning)") }
            do {
                let checked = try session.transports.transport(for: settings).checkWithoutSending()
                TextOutput.print("Ready: \(checked); nothing was sent.")
                TextOutput.print("'stagehand mail test --to ADDRESS' sends a test message.")
            } catch let problem as any UserFacingError {
                // Whatever stands in the way, the settings cannot work from here (README: exit 2).
                TextOutput.print("Not ready here: \(continuing(problem.sentence))")
                throw ExitCode(2)
            }
        }
    }

    struct Change: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Choose the transport and its settings; options not given keep their current values.",
            discussion: """
                Examples:
                  stagehand mail set smtp --host smtp.example.com --user jobs --password-env STAGEHAND_SMTP_PASSWORD
                  stagehand mail set smtp --host 127.0.0.1 --port 1025 --security none
                  stagehand mail set sendmail --command "msmtp -t"
                  stagehand mail set outbox --folder outbox
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "How mail goes out.") var transport: MailTransportKind
        @Option(help: ArgumentHelp("The From address of emails no team member sends, and of test messages.", valueName: "address"))
        var from: String?
        @Option(help: ArgumentHelp("outbox: the folder, relative to the state file's folder unless absolute.", valueName: "path"))
        var folder: String?
        @Option(help: ArgumentHelp("sendmail: the command; it must read the recipients from the message (-t).", valueName: "command"))
        var command: String?
        @Option(help: ArgumentHelp("smtp: the server's host name or address.", valueName: "host")) var host: String?
        // Unconditional, so that `--port -5` reaches the check that says what a port is,
        // instead of being read as an unknown option.
        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("smtp: the port (default 587 for starttls, 465 for tls, 25 for none).", valueName: "port"))
        var port: Int?
        @Option(help: ArgumentHelp("smtp: starttls, tls or none.", valueName: "security")) var security: SMTPSecurity?
        @Option(help: ArgumentHelp("smtp: the user name to log in with.", valueName: "name")) var user: String?
        @Option(help: ArgumentHelp("smtp: the environment variable that holds the password.", valueName: "variable"))
        var passwordEnv: String?
        @Option(help: ArgumentHelp("smtp: a file that holds the password (keep it mode 0600).", valueName: "path"))
        var passwordFile: String?
        @Option(help: ArgumentHelp("smtp: a PEM file of certificate authorities to trust besides the system's (\"\" forgets it).", valueName: "path"))
        var caFile: String?
        @Flag(help: "smtp: log in without a user name or password.") var noLogin = false

        func validate() throws {
            let smtpOnly = [host, port.map(String.init), security?.rawValue, user, passwordEnv, passwordFile, caFile]
            if transport != .smtp, smtpOnly.contains(where: { $0 != nil }) || noLogin {
                throw ValidationError("--host, --port, --security, --user, --password-env, --password-file, --ca-file and --no-login are for smtp only.")
            }
            if transport != .sendmail, command != nil { throw ValidationError("--command is for sendmail only.") }
            if transport != .outbox, folder != nil { throw ValidationError("--folder is for outbox only.") }
            if noLogin, user != nil || passwordEnv != nil || passwordFile != nil {
                throw ValidationError("--no-login cannot go with --user, --password-env or --password-file.")
            }
            if passwordEnv != nil, passwordFile != nil {
                throw ValidationError("Give the password either with --password-env or with --password-file, not both.")
            }
            for (option, path) in [("--password-file", passwordFile), ("--ca-file", caFile)] {
                guard let path, !path.isEmpty else { continue }
                guard FileManager.default.isReadableFile(atPath: path) else {
                    throw ValidationError("\(option) \(path): there is no readable file there; give the path of one you can read.")
                }
            }
        }

        func run() throws {
            let session = try Session(global)
            let said = try session.changeSetup { workspace, _ in
                .setMail(changed(workspace.setup.settings.mail))
            }
            TextOutput.print(said + ".")
            if let warning = MailCommand.passwordFileWarning(session.store.workspace.setup.settings.mail) {
                printError("stagehand: \(warning)")
            }
            if case .failure(let problem as MailSetupError) = Result(catching: { try session.transports.transport(for: session.store.workspace.setup.settings.mail) }) {
                printError("stagehand: saved, but not ready here: \(continuing(problem.sentence))")
            }
        }

        private func changed(_ current: MailSettings) -> MailSettings {
            var settings = current
            settings.transport = transport
            if let from { settings.fromAddress = from }
            if let folder { settings.outboxFolder = folder }
            if let command { settings.sendmailCommand = command }
            guard transport == .smtp else { return settings }
            var smtp = current.smtp ?? SMTPSettings(host: "", security: security ?? .starttls)
            if let host { smtp.host = host }
            if let security { smtp.setSecurity(security) }
            if let port { smtp.port = port }
            if let user { smtp.username = user }
            if let passwordEnv {
                smtp.passwordVariable = passwordEnv
                smtp.passwordFile = nil
            }
            if let passwordFile {
                smtp.passwordFile = passwordFile.isEmpty ? nil : absolute(passwordFile)
                smtp.passwordVariable = nil
            }
            if let caFile { smtp.certificateAuthorityFile = caFile.isEmpty ? nil : absolute(caFile) }
            if noLogin {
                smtp.username = nil
                smtp.passwordVariable = nil
                smtp.passwordFile = nil
            }
            settings.smtp = smtp
            return settings
        }

        /// Every process that sends reads it, from whatever folder it was started in.
        private func absolute(_ path: String) -> String {
            path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Send one test message through the configured transport and report the server's answer.")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Who receives the test message.", valueName: "address")) var to: String

        func validate() throws {
            guard EmailAddress.isValid(to) else {
                throw ValidationError("'\(to)' is not an email address: give one such as you@example.com.")
            }
        }

        func run() throws {
            let session = try Session(global)
            let settings = try session.load().setup.settings.mail
            let transport = try session.transports.transport(for: settings)
            let message = MailMessage(
                fromName: "Stagehand", fromAddress: settings.fromAddress, toName: "", toAddress: to,
                subject: "Stagehand test message",
                body: "This message was sent by 'stagehand mail test' through \(settings.transportDescription).\nIf you can read it, mail from Stagehand reaches you.\n",
                date: session.clock.now, messageID: MailMessage.makeMessageID(domain: "stagehand.local"))
            do {
                let answer = try transport.send(message)
                TextOutput.print("Sent a test message to \(to) through \(settings.transportDescription): \(answer)")
            } catch let failure as DeliveryFailure {
                let kind = switch failure.kind {
                case .transient: "not sent"
                case .permanent: "refused"
                // Silence after the whole message: the server may have it.
                case .uncertain: "perhaps delivered"
                }
                printError("stagehand: The test message to \(to) was \(kind): \(continuing(failure.detail))")
                throw ExitCode(ErrorReporting.exitStatus(for: failure) ?? 5)
            }
        }
    }
}
