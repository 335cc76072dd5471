/// The values an email's placeholders are filled with, taken when the email is scheduled.
public struct EmailContext: Sendable, Equatable {
    public var candidateName: String
    public var candidateFirstName: String
    public var jobTitle: String
    public var stageName: String
    public var senderName: String
    public var companyName: String

    public init(
        candidateName: String, candidateFirstName: String, jobTitle: String, stageName: String,
        senderName: String, companyName: String
    ) {
        self.candidateName = candidateName
        self.candidateFirstName = candidateFirstName
        self.jobTitle = jobTitle
        self.stageName = stageName
        self.senderName = senderName
        self.companyName = companyName
    }

    /// Nested the way the dotted names read. Empty values are left out rather than set to "",
    /// so that `{{^candidate.first_name}}there{{/candidate.first_name}}` can stand in for a
    /// missing first name: Mustache treats any string, even an empty one, as present.
    var mustacheValues: [String: [String: String]] {
        var objects: [String: [String: String]] = [:]
        for placeholder in EmailPlaceholder.allCases {
            let value = placeholder.value(in: self)
            guard !value.isEmpty else { continue }
            objects[placeholder.path.object, default: [:]][placeholder.path.property] = value
        }
        return objects
    }
}
