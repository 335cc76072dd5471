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
    /// When it was marked done, and by whom.
    public var doneAt: Date?
    public var doneBy: MemberID?
    /// The action run that made it, for a task an automatic action added: undoing
    /// the move that started the run takes the task away again.
    public var run: ActionRunID?
    /// The stage whose action made it: once the candidate has left it, the task may
    /// wait for nothing.
    public var stage: StageID?

    public init(
        id: TaskID, title: String, assignee: MemberID, due: Date, done: Bool = false,
        candidate: CandidateID, job: JobID?, automatic: Bool, doneAt: Date? = nil, doneBy: MemberID? = nil,
        run: ActionRunID? = nil, stage: StageID? = nil
    ) {
        self.id = id
        self.title = title
        self.assignee = assignee
        self.due = due
        self.done = done
        self.candidate = candidate
        self.job = job
        self.automatic = automatic
        self.doneAt = doneAt
        self.doneBy = doneBy
        self.run = run
        self.stage = stage
    }

    /// Open, and due before `now`.
    public func isOverdue(at now: Date) -> Bool { !done && due < now }
}
