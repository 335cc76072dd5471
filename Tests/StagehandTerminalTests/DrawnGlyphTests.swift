import Testing

@testable import StagehandTerminal

/// What ncurses is given must advance its cursor exactly as far as the board laid out.
@Suite struct DrawnGlyphTests {
    /// wcwidth under a UTF-8 locale, for the characters these tests use.
    static func width(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0..<0x20: return -1
        case 0x0301, 0xFE0F, 0x200D: return 0
        case 0x26A1, 0x6F22, 0x1F469, 0x1F4BB: return 2
        default: return 1
        }
    }

    func fit(_ glyph: String, span: Int = 1, unicode: Bool = true) -> DrawnGlyph {
        DrawnGlyph.fitting(glyph, span: span, unicode: unicode, width: Self.width)
    }

    @Test func plainText() {
        #expect(fit("a") == DrawnGlyph(scalars: ["a"], width: 1))
    }

    @Test func wideGlyphInTwoCells() {
        #expect(fit("⚡", span: 2) == DrawnGlyph(scalars: ["⚡"], width: 2))
        #expect(fit("漢", span: 2) == DrawnGlyph(scalars: ["漢"], width: 2))
    }

    @Test("A wide glyph with only one cell, at the screen's edge, becomes ?")
    func wideGlyphInOneCell() {
        #expect(fit("⚡", span: 1) == .unknown)
    }

    @Test("Where the board counts two cells and the C library one, the glyph is padded")
    func narrowerThanLaidOut() {
        #expect(fit("❤\u{FE0F}", span: 2) == DrawnGlyph(scalars: ["❤"], width: 1))
    }

    @Test("Accents stay with their letter; variation selectors and joined emoji go")
    func combiningMarks() {
        #expect(fit("e\u{0301}") == DrawnGlyph(scalars: ["e", "\u{0301}"], width: 1))
        #expect(fit("👩\u{200D}💻", span: 2) == DrawnGlyph(scalars: ["👩"], width: 2))
    }

    @Test("Without UTF-8 anything beyond ASCII is ?, and accents are dropped")
    func asciiOnly() {
        #expect(fit("⚡", span: 2, unicode: false) == .unknown)
        #expect(fit("ë", unicode: false) == .unknown)
        #expect(fit("e\u{0301}", unicode: false) == DrawnGlyph(scalars: ["e"], width: 1))
        #expect(fit("+", unicode: false) == DrawnGlyph(scalars: ["+"], width: 1))
    }

    @Test("Unprintable characters become ?, an empty glyph a blank")
    func oddGlyphs() {
        #expect(fit("\t") == .unknown)
        #expect(fit("") == .blank)
    }
}
