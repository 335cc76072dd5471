import Foundation

/// Text typed to find cards: it matches a name, email, source or tag containing
/// it, whatever the case and accents ("zoe" finds Zoë).
public struct CardFilter: Sendable, Equatable {
    public let text: String
    let folded: String

    public init(_ text: String) {
        self.text = text
        folded = Self.fold(text)
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
