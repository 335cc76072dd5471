import Foundation

public enum ActivityKind: String, Codable, Sendable, CaseIterable {
    case applied, imported, forwarded, moved, note, task, tagged, followed, evaluationRequested
    case email, assigned, pooled, disqualified, actionSkipped, actionsCancelled
    /// Added in schema 4: what people do by hand to the work automations hand them.
    case taskDone, taskReopened, taskChanged, evaluated, untagged, unfollowed, contactEdited, reinstated, undone
}

/// One entry on a candidate's timeline. Automatic entries (made by an automatic
/// action) are marked; automatic notes and evaluation requests have no author.
public struct Activity: Codable, Sendable, Equatable, Identifiable {
    public var id: ActivityID
    public var at: Date
    public var kind: ActivityKind
    public var author: MemberID?
    public var automatic: Bool
    public var text: String
    public var job: JobID?
    /// For email entries: the email's current state, kept in step with the email.
    public var status: EmailStatus?
    public var email: EmailID?
    public var task: TaskID?

    public init(
        id: ActivityID, at: Date, kind: ActivityKind, author: MemberID?, automatic: Bool,
        text: String, job: JobID? = nil, status: EmailStatus? = nil, email: EmailID? = nil,
        task: TaskID? = nil
    ) {
        self.id = id
        self.at = at
        self.kind = kind
        self.author = author
        self.automatic = automatic
        self.text = text
        self.job = job
        self.status = status
        self.email = email
        self.task = task
    }
}
