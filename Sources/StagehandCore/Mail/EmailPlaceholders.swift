/// The placeholders an email template may use, as Mustache dotted names.
public enum EmailPlaceholders {
    public static let allowed: [String] = EmailPlaceholder.allCases.map(\.rawValue)
}

/// One allowed placeholder and where its value comes from; the single list both
/// validation and rendering read, so they cannot disagree.
enum EmailPlaceholder: String, CaseIterable, Sendable {
    case candidateFirstName = "candidate.first_name"
    case candidateName = "candidate.name"
    case jobTitle = "job.title"
    case stageName = "stage.name"
    case senderName = "sender.name"
    case companyName = "company.name"

    func value(in context: EmailContext) -> String {
        switch self {
        case .candidateFirstName: context.candidateFirstName
        case .candidateName: context.candidateName
        case .jobTitle: context.jobTitle
        case .stageName: context.stageName
        case .senderName: context.senderName
        case .companyName: context.companyName
        }
    }

    /// The object and the property of the dotted name: "candidate" and "first_name".
    var path: (object: String, property: String) {
        let parts = rawValue.split(separator: ".", maxSplits: 1)
        return (String(parts[0]), String(parts[1]))
    }
}
