import Foundation

/// A to-do for a team member about a candidate ("Prepare interview kit").
public struct CandidateTask: Codable, Sendable, Equatable, Identifiable {
    public var id: TaskID
    public var title: String
    public var assignee: MemberID
    public var due: Date
    public var done: Bool
    public var candidate: CandidateID
    public var job: JobID?
    public var automatic: Bool

    public init(
        id: TaskID, title: String, assignee: MemberID, due: Date, done: Bool = false,
        candidate: CandidateID, job: JobID?, automatic: Bool
    ) {
        self.id = id
        self.title = title
        self.assignee = assignee
        self.due = due
        self.done = done
        self.candidate = candidate
        self.job = job
        self.automatic = automatic
    }
}
