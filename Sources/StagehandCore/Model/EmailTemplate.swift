/// A reusable email: subject and body with Mustache placeholders.
public struct EmailTemplate: Codable, Sendable, Equatable, Identifiable {
    public var id: EmailTemplateID
    public var name: String
    public var subject: String
    public var body: String

    public init(id: EmailTemplateID, name: String, subject: String, body: String) {
        self.id = id
        self.name = name
        self.subject = subject
        self.body = body
    }
}
