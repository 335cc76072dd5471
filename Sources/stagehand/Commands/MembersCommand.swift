import ArgumentParser
import Foundation
import StagehandCore

struct MembersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members", abstract: "List team members, and manage the SSH keys they sign in to stagehand-serve with.",
        discussion: """
            stagehand-serve knows who signed in by the public key they used, so changing keys \
            needs an admin (a role with every permission). Keys are ed25519 or ECDSA; RSA keys are refused.
            """,
        subcommands: [List.self, AddKey.self, RemoveKey.self, ListKeys.self], defaultSubcommand: List.self)
}

extension MembersCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the team members with their roles and how many SSH keys each has.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let workspace = try Session(global).load()
            let rows = workspace.setup.members.map { member in
                [member.name, member.login, workspace.role(of: member.id)?.name ?? member.role.rawValue, "\(member.keys.count)"]
            }
            TextOutput.print(TextTable.render(header: ["member", "login", "role", "SSH keys"], rows: rows))
        }
    }

    struct AddKey: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-key", abstract: "Let a member sign in to stagehand-serve with the public key in FILE (admins only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member (login, id or part of the name).") var member: String
        @Argument(help: "Their public key file, such as id_ed25519.pub; - reads it from standard input.") var file: String

        func run() throws {
            let text = try Self.read(file)
            let said = try Session(global).changeSetup { workspace, _ in
                .addKeys(try workspace.findMember(member).id, publicKeys: text)
            }
            TextOutput.print(said)
        }

        private static func read(_ file: String) throws -> String {
            let data: Data?
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                data = FileManager.default.contents(atPath: file)
            }
            guard let data else {
                throw StagehandError.invalidAction("Cannot read \(file): give the path of a public key file, such as ~/.ssh/id_ed25519.pub.")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw StagehandError.invalidAction("\(file) is not a text file: give the public key (.pub), not the private key.")
            }
            return text
        }
    }

    struct RemoveKey: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove-key", abstract: "Stop a member's key from signing in (admins only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member (login, id or part of the name).") var member: String
        @Argument(help: "The key's fingerprint (SHA256:…, as list-keys shows it) or its comment.") var key: String

        func run() throws {
            let said = try Session(global).changeSetup { workspace, _ in
                .removeKey(try workspace.findMember(member).id, key: key)
            }
            TextOutput.print(said)
        }
    }

    struct ListKeys: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list-keys", abstract: "List the SSH keys each member (or one member) signs in with, by fingerprint.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Only this member (login, id or part of the name).") var member: String?

        func run() throws {
            let workspace = try Session(global).load()
            let members = try member.map { [try workspace.findMember($0)] } ?? workspace.setup.members
            for member in members {
                TextOutput.print("\(member.name) (\(member.login))\(member.keys.isEmpty ? ": no keys" : "")")
                for key in member.keys {
                    TextOutput.print("  \(key.kind)  \(key.fingerprint)\(key.comment.isEmpty ? "" : "  \(key.comment)")")
                }
            }
        }
    }
}
