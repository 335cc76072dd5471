import ArgumentParser
import Foundation
import StagehandCore

/// Notes, tags, following, contact details and reinstating: one small command each,
/// all through the core's door.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Write a note on a candidate's timeline, signed by you.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The candidate (id or part of the name).") var candidate: String
    @Argument(help: "The note ('-' reads it from standard input, for several lines).") var text: String
    @Option(help: "The job it is about, if any.") var job: String?

    func run() throws {
        try Session(global).change(candidate) { workspace, person in
            .addNote(person.id, job: try job.map { try workspace.jobForCandidate(person, named: $0).id }, text: StandardInput.or(text))
        }
    }
}

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag", abstract: "Add or remove a candidate's tags.",
        discussion: "A tag is one word such as take-home or relocation_ok: no spaces, no #.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The candidate (id or part of the name).") var candidate: String
    @Option(help: "Tags to add, separated by commas.") var add: String?
    @Option(help: "Tags to remove, separated by commas.") var remove: String?

    func validate() throws {
        if add == nil && remove == nil { throw ValidationError("Say which tags to --add or --remove.") }
    }

    func run() throws {
        func list(_ text: String?) -> [String] { (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        try Session(global).change(candidate) { _, person in .tag(person.id, adding: list(add), removing: list(remove)) }
    }
}

struct FollowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow", abstract: "Follow a candidate: news about them shows in your My work.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The candidate (id or part of the name).") var candidate: String

    func run() throws {
        try Session(global).change(candidate) { _, person in .follow(person.id) }
    }
}

struct UnfollowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unfollow", abstract: "Stop following a candidate.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The candidate (id or part of the name).") var candidate: String

    func run() throws {
        try Session(global).change(candidate) { _, person in .unfollow(person.id) }
    }
}

enum EmailConsent: String, EnumerableFlag {
    case doNotEmail, allowEmail

    static func help(for value: EmailConsent) -> ArgumentHelp? {
        switch value {
        case .doNotEmail: "Mark the candidate do not email: emails to them are skipped."
        case .allowEmail: "Allow emails to the candidate again."
        }
    }
}

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change a candidate's name, email address, or do-not-email mark.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The candidate (id or part of the name).") var candidate: String
    @Option(help: "The candidate's full name.") var name: String?
    @Option(help: "The email address (\"\" removes it).") var email: String?
    /// Collected rather than exclusive, so that both at once get a sentence of ours,
    /// not ArgumentParser's "had already been set with flag".
    @Flag var consent: [EmailConsent] = []

    func validate() throws {
        if name == nil && email == nil && consent.isEmpty {
            throw ValidationError("Say what to change: --name, --email, --do-not-email or --allow-email.")
        }
        if Set(consent).count > 1 {
            throw ValidationError("--do-not-email and --allow-email say opposite things: pass one of them.")
        }
    }

    func run() throws {
        try Session(global).change(candidate) { _, person in
            .editContact(person.id, name: name, email: email, doNotEmail: consent.first.map { $0 == .doNotEmail })
        }
    }
}

struct ReinstateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reinstate", abstract: "Take back a disqualification: the candidate is back in their stage; no actions run.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The candidate (id or part of the name).") var candidate: String
    @Option(help: "The job (needed when the candidate is disqualified from several).") var job: String?

    func run() throws {
        try Session(global).change(candidate) { workspace, person in
            let disqualified = person.placements.filter { $0.disqualification != nil }.map(\.job)
            let jobID = try job.map { try workspace.jobForCandidate(person, named: $0).id }
                ?? (disqualified.count == 1 ? disqualified[0] : workspace.jobForCandidate(person, named: nil).id)
            return .reinstate(person.id, job: jobID)
        }
    }
}

extension Session {
    /// Makes a change to the candidate named, as the acting member, and says what it did.
    func change(_ name: String, _ make: (Workspace, Candidate) throws -> CandidateChange) throws {
        let workspace = try store.load()
        let person = try workspace.findCandidate(name)
        let outcome = try perform(try make(workspace, person), by: try member(in: workspace).id)
        TextOutput.print(outcome.sentence + (outcome.made.map { " [\($0)]" } ?? "") + ".")
    }
}

/// Text given as '-' is read from standard input: a note or a comment of several lines.
enum StandardInput {
    static func or(_ text: String) -> String {
        text == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : text
    }
}
