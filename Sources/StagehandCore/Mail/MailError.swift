/// Refusals of the mail layer: templates that would not render as written, and outboxes
/// that cannot take a message.
public enum MailError: UserFacingError, Equatable {
    /// `field` is "subject", "body", "template" when a single text is rendered, or "note".
    case unknownPlaceholder(name: String, field: String)
    case templateSyntax(field: String, detail: String)
    case outboxNotWritable(path: String, detail: String)
    /// A message with the same Message-ID is already in the outbox: it was delivered before.
    case alreadyInOutbox(path: String)

    /// "The email body"; "The note" and "The task title" for the texts of the other actions.
    private static func text(_ field: String) -> String {
        switch field {
        case "note": "The note"
        case "task title": "The task title"
        default: "The email \(field)"
        }
    }

    public var sentence: String {
        switch self {
        case .unknownPlaceholder(let name, let field):
            let allowed = EmailPlaceholders.allowed.map { "{{\($0)}}" }
            let choices = allowed.dropLast().joined(separator: ", ") + " or " + (allowed.last ?? "")
            return "\(Self.text(field)) uses the unknown placeholder {{\(name)}}: use one of \(choices)."
        case .templateSyntax(let field, let detail):
            return "\(Self.text(field)) has a mistake in its placeholders (\(detail)): close every {{ with }} and every {{#section}} with {{/section}}."
        case .outboxNotWritable(let path, let detail):
            return "Cannot write to the outbox folder \(path) (\(detail)): make sure it is a folder you can write to on a disk with free space, or choose another outbox folder in the workspace settings."
        case .alreadyInOutbox(let path):
            return "The outbox already holds \(path): this email was delivered there before, so it was not written again."
        }
    }
}
