import StagehandBoard
import Testing

@testable import StagehandTerminal

/// What follows an ESC that ncurses did not decode is read whole: known sequences
/// become keys, unknown ones vanish, and their letters never reach the board.
@Suite struct EscapeSequenceTests {
    /// Reads `text` as what waits after the ESC, and what is left unread.
    func read(_ text: String) -> (EscapeSequence.Reading, left: String) {
        var waiting = Array(text.unicodeScalars)
        let reading = EscapeSequence.read {
            waiting.isEmpty ? nil : .character(waiting.removeFirst().value)
        }
        return (reading, String(String.UnicodeScalarView(waiting)))
    }

    @Test("Sequences the board knows", arguments: [
        ("[1~", Key.home), ("[4~", .end), ("[7~", .home), ("[8~", .end), ("[H", .home), ("[F", .end), ("OH", .home), ("OF", .end),
        ("[5~", .pageUp), ("[6~", .pageDown), ("[3~", .delete), ("[A", .up), ("OB", .down), ("[1;2C", .shiftRight),
        ("[1;2D", .shiftLeft), ("[Z", .backTab), ("OP", .function(1)), ("[15~", .function(5)), ("[24~", .function(12)),
    ])
    func known(_ text: String, _ key: Key) {
        let (reading, left) = read(text)
        #expect(reading == .key(key))
        #expect(left.isEmpty)
    }

    @Test("Sequences it does not know are swallowed whole, letters and all", arguments: [
        "[200~", "[201~", "[2~", "[1;5C", "[1;3A", "[99~", "[?1049h", "[<0;12;5M", "[Mabc", "OX",
    ])
    func unknown(_ text: String) {
        let (reading, left) = read(text + "q")
        #expect(reading == .swallowed)
        #expect(left == "q", "only the sequence is read; the key after it is not")
    }

    @Test func aLoneEscapeIsEscape() {
        #expect(read("").0 == .escape(then: nil))
    }

    @Test("Esc then a key typed right after it: Esc, and the key is read next", arguments: ["q", "j", "\u{1B}"])
    func escapeThenAKey(_ text: String) {
        let (reading, left) = read(text)
        #expect(reading == .escape(then: .character(text.unicodeScalars.first!.value)))
        #expect(left.isEmpty)
    }

    @Test func aSequenceCutShortIsEscapeAndTheBracket() {
        #expect(read("[").0 == .escape(then: .character(0x5B)))
    }

    @Test func anEndlessParameterStringIsSwallowedWithoutReadingForever() {
        let (reading, left) = read("[" + String(repeating: "1", count: 100))
        #expect(reading == .swallowed)
        #expect(left.count < 100)
    }
}
