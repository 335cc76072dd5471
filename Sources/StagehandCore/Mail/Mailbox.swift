import Foundation

/// A display name and an address, as the From and To headers write them.
struct Mailbox: Equatable, Sendable {
    let name: String
    let address: String

    /// The name as atoms when it is plain words, quoted when it has specials such as a
    /// comma, and as encoded-words when it is not ASCII or would not fit on a line.
    func headerField(_ fieldName: String) -> HeaderField {
        let name = self.name.asOneHeaderLine.trimmingCharacters(in: .whitespaces)
        let bareAddress = self.address.asAngleBracketContent
        let address = "<" + bareAddress + ">"
        guard !name.isEmpty else { return HeaderField(name: fieldName, pieces: [bareAddress]) }
        if name.isPlainHeaderText {
            let phrase = name.isAtoms ? name.components(separatedBy: " ") : [name.quoted]
            let plain = HeaderField(name: fieldName, pieces: phrase + [address])
            if plain.fitsLineLimit { return plain }
        }
        let words = EncodedWords.encode(name, longestWord: HeaderField.longestFirstWord(inField: fieldName))
        return HeaderField(name: fieldName, pieces: words + [address])
    }
}

extension String {
    /// Words of RFC 5322 atext, which a phrase may carry unquoted.
    fileprivate var isAtoms: Bool {
        unicodeScalars.allSatisfy { $0 == " " || Self.atext.contains($0) }
    }

    fileprivate var quoted: String {
        "\"" + replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static let atext = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-/=?^_`{|}~".unicodeScalars)
}
