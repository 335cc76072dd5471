import Foundation

/// Something Stagehand does by itself when a candidate enters a stage (or is
/// disqualified with a reason). Stored flat in JSON with a `kind` field:
/// `{"kind": "addTags", "tags": ["shortlist"]}`.
public enum AutomaticAction: Codable, Sendable, Equatable {
    case sendEmail(SendEmail)
    case addNote(AddNote)
    case addTask(AddTask)
    case addTags(AddTags)
    case requestEvaluation(RequestEvaluation)
    case addFollowers(AddFollowers)
    case assign(Assign)

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case sendEmail, addNote, addTask, addTags, requestEvaluation, addFollowers, assign
    }

    public struct SendEmail: Codable, Sendable, Equatable {
        public var template: EmailTemplateID
        public var sender: Sender
        /// `nil` sends at once; otherwise the email waits this long after the stage entry.
        public var delay: RelativeDuration?

        public init(template: EmailTemplateID, sender: Sender = .mover, delay: RelativeDuration? = nil) {
            self.template = template
            self.sender = sender
            self.delay = delay
        }
    }

    public struct AddNote: Codable, Sendable, Equatable {
        public var text: String
        public init(text: String) { self.text = text }
    }

    public struct AddTask: Codable, Sendable, Equatable {
        public var title: String
        public var assignee: MemberID
        public var due: TaskDue
        public init(title: String, assignee: MemberID, due: TaskDue) {
            self.title = title
            self.assignee = assignee
            self.due = due
        }
    }

    public struct AddTags: Codable, Sendable, Equatable {
        public var tags: [String]
        public init(tags: [String]) { self.tags = tags }
    }

    public struct RequestEvaluation: Codable, Sendable, Equatable {
        public var members: [MemberID]
        public init(members: [MemberID]) { self.members = members }
    }

    public struct AddFollowers: Codable, Sendable, Equatable {
        public var members: [MemberID]
        public init(members: [MemberID]) { self.members = members }
    }

    public struct Assign: Codable, Sendable, Equatable {
        public var job: JobID?
        public var talentPool: TalentPoolID?
        public init(job: JobID) {
            self.job = job
            self.talentPool = nil
        }
        public init(talentPool: TalentPoolID) {
            self.job = nil
            self.talentPool = talentPool
        }
    }

    public var kind: Kind {
        switch self {
        case .sendEmail: .sendEmail
        case .addNote: .addNote
        case .addTask: .addTask
        case .addTags: .addTags
        case .requestEvaluation: .requestEvaluation
        case .addFollowers: .addFollowers
        case .assign: .assign
        }
    }

    /// What the mover's role must allow for this action to run on their behalf.
    public var requiredPermission: Permission {
        switch self {
        case .requestEvaluation: .evaluate
        case .assign(let assign) where assign.job != nil: .editJobs
        default: .moveCandidates
        }
    }

    private enum CodingKeys: String, CodingKey { case kind }

    public init(from decoder: Decoder) throws {
        let kind = try decoder.container(keyedBy: CodingKeys.self).decode(Kind.self, forKey: .kind)
        switch kind {
        case .sendEmail: self = .sendEmail(try SendEmail(from: decoder))
        case .addNote: self = .addNote(try AddNote(from: decoder))
        case .addTask: self = .addTask(try AddTask(from: decoder))
        case .addTags: self = .addTags(try AddTags(from: decoder))
        case .requestEvaluation: self = .requestEvaluation(try RequestEvaluation(from: decoder))
        case .addFollowers: self = .addFollowers(try AddFollowers(from: decoder))
        case .assign:
            let assign = try Assign(from: decoder)
            guard (assign.job == nil) != (assign.talentPool == nil) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "an assign action names either a job or a talentPool"))
            }
            self = .assign(assign)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .sendEmail(let action): try action.encode(to: encoder)
        case .addNote(let action): try action.encode(to: encoder)
        case .addTask(let action): try action.encode(to: encoder)
        case .addTags(let action): try action.encode(to: encoder)
        case .requestEvaluation(let action): try action.encode(to: encoder)
        case .addFollowers(let action): try action.encode(to: encoder)
        case .assign(let action): try action.encode(to: encoder)
        }
    }
}

/// Who an automatic email is from: whoever moved the candidate, or always one member.
public enum Sender: Codable, Sendable, Equatable {
    case mover
    case member(MemberID)

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = text == "mover" ? .mover : .member(MemberID(text))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .mover: try container.encode("mover")
        case .member(let id): try container.encode(id.rawValue)
        }
    }
}

/// When an automatic task is due: some time after the move, or on a fixed day.
public enum TaskDue: Codable, Sendable, Equatable {
    case after(RelativeDuration)
    case on(DateComponents)

    /// Reads `3d` (after the move) or `2026-12-01` (a fixed day).
    public init(parsing text: String) throws {
        let parts = text.split(separator: "-")
        if parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) {
            // A day the calendar does not have (2026-02-30) would silently become another one.
            let components = DateComponents(year: year, month: month, day: day)
            guard components.isValidDate(in: Calendar(identifier: .gregorian)) else { throw Self.notADay(text) }
            self = .on(components)
        } else {
            guard let duration = try? RelativeDuration(parsing: text) else { throw Self.notADay(text) }
            self = .after(duration)
        }
    }

    private static func notADay(_ text: String) -> StagehandError {
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            return .invalidAction("A task needs a due day: write a day such as 2026-12-01, or a time such as 3d, 36h or 2bd (business days).")
        }
        return .invalidAction("'\(text)' is not a due day: write a day such as 2026-12-01, or a time such as 3d, 36h or 2bd (business days).")
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is neither a duration (3d) nor a date (2026-12-01)"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var description: String {
        switch self {
        case .after(let duration): duration.description
        case .on(let day): String(format: "%04d-%02d-%02d", day.year ?? 0, day.month ?? 0, day.day ?? 0)
        }
    }

    public func date(afterMoveAt moment: Date, calendar: Calendar) -> Date {
        switch self {
        case .after(let duration): return duration.after(moment, calendar: calendar)
        case .on(let day):
            var components = day
            components.hour = 9
            return calendar.date(from: components) ?? moment
        }
    }
}
