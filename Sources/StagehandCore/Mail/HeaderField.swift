import Foundation

/// One header field as it goes on the wire, folded so that no line passes 78 characters
/// (RFC 5322 §2.1.1). Folding only ever happens between pieces, by putting the space that
/// joins two pieces at the start of a new line, so unfolding gives back the value exactly.
struct HeaderField: Equatable, Sendable {
    static let lineLimit = 78

    let name: String
    /// The value as pieces that are joined by single spaces.
    let pieces: [String]

    var lines: [String] {
        var lines: [String] = []
        var line = name + ":"
        var lineHasPiece = false
        for piece in pieces {
            if lineHasPiece, line.utf8.count + 1 + piece.utf8.count > Self.lineLimit {
                lines.append(line)
                line = ""
            }
            line += " " + piece
            lineHasPiece = true
        }
        lines.append(line)
        return lines
    }

    var fitsLineLimit: Bool { lines.allSatisfy { $0.utf8.count <= Self.lineLimit } }

    var wireText: String { lines.map { $0 + "\r\n" }.joined() }

    /// The longest encoded-word that still fits on the first line, after "Name: ".
    static func longestFirstWord(inField name: String) -> Int {
        min(EncodedWords.longestWord, lineLimit - name.utf8.count - 2)
    }

    /// An unstructured field such as Subject: as it is when it is plain ASCII that folds
    /// cleanly, otherwise as RFC 2047 encoded-words.
    static func unstructured(_ name: String, _ value: String) -> HeaderField {
        let text = value.asOneHeaderLine
        let plain = HeaderField(name: name, pieces: text.isEmpty ? [] : text.components(separatedBy: " "))
        if text.isPlainHeaderText, plain.fitsLineLimit { return plain }
        return HeaderField(name: name, pieces: EncodedWords.encode(text, longestWord: longestFirstWord(inField: name)))
    }
}

extension String {
    /// Line breaks and other control characters become spaces: a header value is one
    /// logical line, and a raw CR or LF in it would start a header of its own.
    var asOneHeaderLine: String {
        String(map { character in
            character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? " " : character
        })
    }

    /// Printable ASCII that any reader shows as written: no leading, trailing or doubled
    /// spaces (folding could not keep them), and nothing a reader could take for an
    /// encoded-word.
    var isPlainHeaderText: Bool {
        unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
            && !hasPrefix(" ") && !hasSuffix(" ") && !contains("  ") && !contains("=?")
    }

    /// What may stand between the angle brackets of an address or a Message-ID: whitespace,
    /// control characters and the brackets themselves are dropped, as they could only end
    /// the value early or start a header of their own.
    var asAngleBracketContent: String {
        String(String.UnicodeScalarView(unicodeScalars.filter { scalar in
            scalar.value > 0x20 && scalar.value != 0x7F && scalar != "<" && scalar != ">"
        }))
    }
}
