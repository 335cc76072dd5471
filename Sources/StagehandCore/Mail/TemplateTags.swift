import Foundation

/// A tag of an email template, as the allow-list check sees it.
struct TemplateTag: Sendable {
    enum Kind: Sendable {
        /// `{{name}}`, `{{{name}}}` and `{{&name}}`, and the openings of sections
        /// `{{#name}}` and inverted sections `{{^name}}`: each looks `name` up.
        case lookup
        /// `{{/name}}` and `{{! comment }}`: they look nothing up.
        case inert
        /// Partials, blocks, parents, pragmas and delimiter changes, which a plain-text
        /// email has no use for; a pragma could even turn HTML escaping back on.
        case unsupported
    }

    let kind: Kind
    /// The looked-up name for `lookup` tags; otherwise the tag as written between the braces.
    let name: String
    /// +1 for a section's opening, -1 for its closing, 0 for any other tag.
    var nesting = 0
}

/// The tags of a template that swift-mustache has already parsed. Its token list is
/// internal to it, so the tags are read from the text; that stays simple because email
/// templates keep the default `{{ }}` delimiters: changing them is itself refused, so
/// nothing written after such a change can slip through.
enum TemplateTags {
    /// Throws for a `{{` that is never closed, which swift-mustache lets through as text
    /// when it ends the template, though it is surely a placeholder cut short.
    static func list(in text: String) throws(UnclosedTag) -> [TemplateTag] {
        var tags: [TemplateTag] = []
        var rest = text[...]
        while let opening = rest.firstRange(of: "{{") {
            let afterOpening = rest[opening.upperBound...]
            let isTriple = afterOpening.first == "{"
            guard let closing = afterOpening.firstRange(of: isTriple ? "}}}" : "}}") else {
                throw UnclosedTag(in: text, at: opening.lowerBound)
            }
            tags.append(tag(from: afterOpening[..<closing.lowerBound]))
            rest = afterOpening[closing.upperBound...]
        }
        return tags
    }

    private static func tag(from inside: Substring) -> TemplateTag {
        let written = inside.trimmingCharacters(in: .whitespacesAndNewlines)
        let afterSigil = inside.dropFirst().trimmingCharacters(in: .whitespacesAndNewlines)
        switch inside.first {
        case "#", "^": return TemplateTag(kind: .lookup, name: afterSigil, nesting: 1)
        case "{", "&": return TemplateTag(kind: .lookup, name: afterSigil)
        case "/": return TemplateTag(kind: .inert, name: afterSigil, nesting: -1)
        case "!": return TemplateTag(kind: .inert, name: afterSigil)
        case ">", "<", "$", "%", "=": return TemplateTag(kind: .unsupported, name: written)
        default: return TemplateTag(kind: .lookup, name: written)
        }
    }
}

extension [TemplateTag] {
    /// How many sections deep the template goes at most.
    var deepestNesting: Int {
        var depth = 0
        var deepest = 0
        for tag in self {
            depth += tag.nesting
            deepest = Swift.max(deepest, depth)
        }
        return deepest
    }
}

/// Where a `{{` opens that nothing closes, counted the way an editor shows it.
struct UnclosedTag: Error {
    let line: Int
    let column: Int

    init(in text: String, at position: String.Index) {
        let before = text[..<position]
        let lineStart = before.lastIndex(where: \.isNewline).map(before.index(after:)) ?? before.startIndex
        line = before.filter(\.isNewline).count + 1
        column = before[lineStart...].count + 1
    }
}
