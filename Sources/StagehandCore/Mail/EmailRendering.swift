import Foundation
import Mustache
import Synchronization

/// Checks and fills email templates with swift-mustache, for plain-text email.
public enum EmailRendering {
    /// Refuses what would not render as written: a Mustache syntax error, or any tag that
    /// names something other than an allowed placeholder.
    public static func validate(subject: String, body: String) throws {
        try check(subject, field: "subject")
        try check(body, field: "body")
    }

    /// Refuses a note's text for the same reasons, naming the note rather than an email.
    public static func validate(note: String) throws {
        try check(note, field: "note")
    }

    /// A task's title is filled as a note is: the same placeholders, refused the same way.
    public static func validate(taskTitle: String) throws {
        try check(taskTitle, field: "task title")
    }

    /// Fills the placeholders without HTML escaping: these are plain-text emails, so
    /// "O'Brien & Co" must stay exactly that. Validates first, so that nothing renders
    /// from a template that would have been refused when it was saved.
    public static func render(_ text: String, with context: EmailContext) throws -> String {
        try checkedTemplate(text).render(context.mustacheValues)
    }

    private static let plainTextPragma = "{{%CONTENT_TYPE:TEXT}}"

    /// Templates already checked and parsed, by text: a bulk move renders the same
    /// few templates for a thousand candidates.
    private static let checked = Mutex<[String: MustacheTemplate]>([:])

    private static func checkedTemplate(_ text: String) throws -> MustacheTemplate {
        if let known = checked.withLock({ $0[text] }) { return known }
        try check(text, field: "template")
        // The pragma sits alone on its own first line, so Mustache drops that line whole
        // and reads the user's text exactly as it would without it.
        let template = try parse(plainTextPragma + "\n" + text, field: "template")
        checked.withLock { cache in
            if cache.count > 256 { cache.removeAll() }
            cache[text] = template
        }
        return template
    }

    /// swift-mustache parses sections recursively: thousands of nested ones
    /// overflow the stack, so anything deeper than a person would write is refused
    /// before it is parsed.
    static let deepestSections = 20

    private static func check(_ text: String, field: String) throws {
        let tags: [TemplateTag]
        do {
            tags = try TemplateTags.list(in: text)
        } catch {
            throw MailError.templateSyntax(
                field: field, detail: "line \(error.line), column \(error.column): a {{ is never closed with }}")
        }
        if tags.deepestNesting > deepestSections {
            throw MailError.templateSyntax(field: field, detail: "sections are nested more than \(deepestSections) deep")
        }
        _ = try parse(text, field: field)
        for tag in tags {
            switch tag.kind {
            case .lookup where EmailPlaceholders.allowed.contains(tag.name), .inert:
                continue
            case .lookup, .unsupported:
                throw MailError.unknownPlaceholder(name: tag.name, field: field)
            }
        }
    }

    private static func parse(_ text: String, field: String) throws -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            let place = "line \(error.context.lineNumber), column \(error.context.columnNumber)"
            throw MailError.templateSyntax(field: field, detail: "\(place): \(problem(error.error))")
        }
    }

    private static func problem(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .unfinishedName: "a tag is not closed with }} or its name has a character a placeholder cannot have"
        case .sectionCloseNameIncorrect: "a closing tag does not match the section it closes"
        case .expectedSectionEnd: "a section is never closed"
        case nil: "the text ends inside a tag"
        default: "a tag is malformed"
        }
    }
}
