import Foundation

/// Text typed to find cards: it matches a name, email, source or tag containing
/// it, whatever the case and accents ("zoe" finds Zoë). Typed as cards show a
/// tag, with `#` first, it matches tags alone ("#swift").
public struct CardFilter: Sendable, Equatable {
    public let text: String
    let folded: String
    let tagsOnly: Bool

    public init(_ text: String) {
        self.text = text
        tagsOnly = text.hasPrefix("#")
        folded = Self.fold(tagsOnly ? String(text.dropFirst()) : text)
    }

    /// Whether the filter finds a candidate with these fields, each folded; lazy
    /// sequences are folded only as far as a match needs.
    func finds<Others: Sequence<String>, Tags: Sequence<String>>(name: @autoclosure () -> String, others: Others, tags: Tags) -> Bool {
        if tagsOnly { return tags.contains { $0.contains(folded) } }
        return name().contains(folded) || others.contains { $0.contains(folded) } || tags.contains { $0.contains(folded) }
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
