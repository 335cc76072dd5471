// TEMPORARY STUB until the mail branch lands
public struct EmailContext: Sendable, Equatable {
    public var candidateName, candidateFirstName, jobTitle, stageName, senderName, companyName: String
    public init(candidateName: String, candidateFirstName: String, jobTitle: String, stageName: String, senderName: String, companyName: String) {
        self.candidateName = candidateName; self.candidateFirstName = candidateFirstName; self.jobTitle = jobTitle; self.stageName = stageName; self.senderName = senderName; self.companyName = companyName
    }
}
public enum EmailRendering {
    public static func validate(subject: String, body: String) throws {}
    public static func render(_ text: String, with context: EmailContext) throws -> String { text }
}
