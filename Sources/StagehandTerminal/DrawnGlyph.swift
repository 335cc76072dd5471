/// What is actually sent for one cell's glyph. The board lays out with its own
/// width table; ncurses moves its cursor by the C library's `wcwidth`. Where the
/// two disagree, or the locale cannot show the glyph, a stand-in that takes a
/// known width keeps every later column where the board put it.
struct DrawnGlyph: Equatable, Sendable {
    /// A spacing character followed by the combining marks drawn over it.
    var scalars: [Unicode.Scalar]
    /// Columns ncurses will advance; the rest of the glyph's cells are blanked.
    var width: Int

    static let unknown = DrawnGlyph(scalars: ["?"], width: 1)
    static let blank = DrawnGlyph(scalars: [" "], width: 1)

    /// ncurses keeps one spacing character and at most four combining marks per cell.
    private static let maximumMarks = 4

    /// The glyph to draw in `span` cells (2 for a wide glyph, else 1). `width` is
    /// how many columns the terminal library gives a character (`wcwidth`).
    static func fitting(_ glyph: String, span: Int, unicode: Bool, width: (Unicode.Scalar) -> Int) -> DrawnGlyph {
        guard let base = glyph.unicodeScalars.first else { return .blank }
        guard base.isASCII || unicode else { return .unknown }
        let baseWidth = width(base)
        guard baseWidth >= 1, baseWidth <= span else { return .unknown }
        let marks = unicode ? glyph.unicodeScalars.dropFirst().filter { isCombiningMark($0) && width($0) == 0 } : []
        return DrawnGlyph(scalars: [base] + marks.prefix(maximumMarks), width: baseWidth)
    }

    /// Accents stay; variation selectors and joiners go, because terminals
    /// disagree on how wide they make an emoji.
    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        if (0xFE00...0xFE0F).contains(scalar.value) { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
