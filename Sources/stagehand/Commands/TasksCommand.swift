import ArgumentParser
import Foundation
import StagehandCore

struct TasksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks", abstract: "List tasks; mark them done or open again; add or change one.",
        discussion: "Tasks are named by id (as the list shows them) or by an unambiguous part of their title.",
        subcommands: [List.self, Done.self, Reopen.self, Add.self, Edit.self], defaultSubcommand: List.self)
}

extension TasksCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Open tasks, soonest due first (overdue ones marked).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this member's tasks.") var assignee: String?
        @Flag(help: "Only your own tasks.") var mine = false
        @Flag(help: "Only tasks past their due time.") var overdue = false
        @Flag(help: "Done tasks too.") var all = false
        @Flag(help: "Print JSON (documented in the README).") var json = false

        func validate() throws {
            if mine && assignee != nil { throw ValidationError("Give --mine or --assignee, not both.") }
        }

        func run() throws {
            let session = try Session(global)
            let workspace = try session.load()
            let now = session.clock.now
            let who: MemberID? = try mine ? session.member(in: workspace).id : assignee.map { try workspace.findMember($0).id }
            let tasks = workspace.tasks
                .filter { (all || !$0.done) && (who == nil || $0.assignee == who) && (!overdue || $0.isOverdue(at: now)) }
                .sorted { ($0.done ? 1 : 0, $0.due, $0.title) < ($1.done ? 1 : 0, $1.due, $1.title) }
            let entries = tasks.map { CandidateReport.TaskEntry($0, in: workspace, listedAt: now) }
            if json { return try JSONOutput.print(entries) }
            guard !entries.isEmpty else { return TextOutput.print(all ? "No tasks." : "No open tasks.") }
            let rows = entries.map { entry in
                [
                    entry.done ? "done" : entry.overdue == true ? "OVERDUE" : "open", workspace.due(entry.due, now: now), entry.title,
                    entry.candidate?.name ?? "", workspace.job(JobID(entry.job ?? ""))?.title ?? "",
                    workspace.member(MemberID(entry.assignee))?.name ?? entry.assignee, entry.id,
                ]
            }
            let notes = entries.map { $0.leftBehind.map { "    \($0): nothing may be left to do" } }
            TextOutput.print(
                TextTable.render(header: ["", "Due", "Task", "Candidate", "Job", "Assignee", "Id"], rows: rows, notes: notes, whole: [1, 6]))
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark tasks done.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Tasks (id or part of the title).") var tasks: [String]

        func run() throws {
            let session = try Session(global)
            let (ids, member) = try session.tasks(named: tasks)
            TextOutput.print(try session.perform(.completeTasks(ids), by: member).sentence + ".")
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Open done tasks again.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Tasks (id or part of the title).") var tasks: [String]

        func run() throws {
            let session = try Session(global)
            let (ids, member) = try session.tasks(named: tasks)
            TextOutput.print(try session.perform(.reopenTasks(ids), by: member).sentence + ".")
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Give someone (you, by default) a task about a candidate.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The candidate (id or part of the name).") var candidate: String
        @Option(help: "What is to be done.") var title: String
        @Option(help: "Whose task it is (default: yours).") var assignee: String?
        @Option(help: "When it is due: a time from now (3d, 2bd, 4h) or a day (2026-12-01).") var due = "1d"
        @Option(help: "The job it is about (needed when the candidate is in several).") var job: String?

        func run() throws {
            let session = try Session(global)
            let workspace = try session.load()
            let member = try session.member(in: workspace).id
            let person = try workspace.findCandidate(candidate)
            // About a job when the candidate is in one; the one named when they are in several.
            let jobID: JobID? = person.placements.isEmpty ? nil : try workspace.jobForCandidate(person, named: job).id
            let assigneeID = try assignee.map { try workspace.findMember($0).id } ?? member
            let outcome = try session.perform(
                .addTask(person.id, job: jobID, title: title, assignee: assigneeID, due: try TaskDue(parsing: due)), by: member)
            TextOutput.print(outcome.sentence + (outcome.made.map { " [\($0)]" } ?? "") + ".")
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a task's title, assignee or due time.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The task (id or part of the title).") var task: String
        @Option(help: "A new title.") var title: String?
        @Option(help: "Give it to this member.") var assignee: String?
        @Option(help: "A new due time: from now (3d, 2bd, 4h) or a day (2026-12-01).") var due: String?

        func validate() throws {
            if title == nil && assignee == nil && due == nil { throw ValidationError("Say what to change: --title, --assignee or --due.") }
        }

        func run() throws {
            let session = try Session(global)
            let (ids, member) = try session.tasks(named: [task])
            let workspace = session.store.workspace
            let change = CandidateChange.editTask(
                ids[0], title: title, assignee: try assignee.map { try workspace.findMember($0).id }, due: try due.map { try TaskDue(parsing: $0) })
            TextOutput.print(try session.perform(change, by: member).sentence + ".")
        }
    }
}

extension Session {
    /// The tasks named, and the acting member.
    fileprivate func tasks(named names: [String]) throws -> ([TaskID], MemberID) {
        let workspace = try store.load()
        return (try names.map { try workspace.findTask($0).id }, try member(in: workspace).id)
    }
}
