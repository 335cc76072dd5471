import Foundation

extension Workspace {
    /// Creates a job with its own copy of the default pipeline: later edits to the
    /// template do not reach it, and its edits do not reach the template.
    public mutating func createJob(title: String, by member: MemberID) throws -> JobID {
        try require(Self.automationPermissions, of: member, toDo: "create jobs")
        let title = try checkedJobTitle(title, renaming: nil)
        guard !setup.defaultPipeline.isEmpty else {
            throw StagehandError.invalidAction("The default pipeline has no stages: add one before creating a job.")
        }
        let id: JobID = makeID("job")
        setup.jobs.append(Job(id: id, title: title, pipeline: setup.defaultPipeline))
        return id
    }

    public mutating func renameJob(_ id: JobID, to title: String, by member: MemberID) throws {
        try require(Self.automationPermissions, of: member, toDo: "change jobs")
        let title = try checkedJobTitle(title, renaming: id)
        guard let index = jobIndex(id) else { throw StagehandError.notFound(kind: "job", name: id.rawValue) }
        setup.jobs[index].title = title
    }

    /// Closes a job (no new applicants; its board stays readable) or reopens it.
    public mutating func setStatus(of id: JobID, to status: JobStatus, by member: MemberID) throws {
        try require(Self.automationPermissions, of: member, toDo: status == .closed ? "close jobs" : "reopen jobs")
        guard let index = jobIndex(id) else { throw StagehandError.notFound(kind: "job", name: id.rawValue) }
        guard setup.jobs[index].status != status else {
            throw StagehandError.invalidAction("The job \(setup.jobs[index].title) is already \(status.rawValue): nothing to do.")
        }
        setup.jobs[index].status = status
    }

    /// Puts a job at another place in the job order: the order Tab walks on the
    /// board and `jobs list` prints.
    public mutating func moveJob(_ id: JobID, to position: Int, by member: MemberID) throws {
        try require(Self.automationPermissions, of: member, toDo: "reorder jobs")
        guard let index = jobIndex(id) else { throw StagehandError.notFound(kind: "job", name: id.rawValue) }
        guard setup.jobs.indices.contains(position) else {
            let count = setup.jobs.count
            let range = count == 1 ? "1" : "1–\(count)"
            throw StagehandError.invalidAction(
                "There \(count == 1 ? "is 1 job" : "are \(count) jobs"); there is no position \(position + 1): use \(range).")
        }
        setup.jobs.insert(setup.jobs.remove(at: index), at: position)
    }

    private func checkedJobTitle(_ title: String, renaming id: JobID?) throws -> String {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw StagehandError.invalidAction("A job needs a title.") }
        try TextLimit.check(title, "A job's title", limit: TextLimit.name)
        if let other = setup.jobs.first(where: { $0.id != id && NameLookup.fold($0.title) == NameLookup.fold(title) }) {
            throw StagehandError.invalidAction("There is already a job called \(other.title): choose another title.")
        }
        return title
    }
}
