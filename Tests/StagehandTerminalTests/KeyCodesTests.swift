import CNcursesw
import StagehandBoard
import Testing

@testable import StagehandTerminal

/// The key contract (spec §6) depends on every named key arriving as the board's `Key`.
@Suite struct KeyCodesTests {
    @Test("Named keys from keypad mode", arguments: [
        (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
        (KEY_SLEFT, .shiftLeft), (KEY_SRIGHT, .shiftRight), (KEY_BTAB, .backTab),
        (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_DC, .delete),
        (KEY_HOME, .home), (KEY_END, .end), (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown),
    ])
    func namedKeys(code: Int32, key: Key) {
        #expect(KeyCodes.key(forCode: code) == key)
    }

    @Test func functionKeys() {
        #expect(KeyCodes.key(forCode: stagehand_key_f(1)) == .function(1))
        #expect(KeyCodes.key(forCode: stagehand_key_f(12)) == .function(12))
    }

    @Test("Key codes the board has no use for are dropped")
    func unknownCodes() {
        #expect(KeyCodes.key(forCode: KEY_IC) == nil)
        #expect(KeyCodes.key(forCode: KEY_MAX + 5) == nil)
    }

    @Test("Control characters with a name", arguments: [
        (UInt32(9), Key.tab), (10, .enter), (13, .enter), (27, .escape), (127, .backspace), (8, .backspace),
    ])
    func namedCharacters(value: UInt32, key: Key) {
        #expect(KeyCodes.key(forCharacter: value) == key)
    }

    @Test("Other control characters are Ctrl-letters")
    func controlLetters() {
        #expect(KeyCodes.key(forCharacter: 3) == .control("c"))
        #expect(KeyCodes.key(forCharacter: 1) == .control("a"))
        #expect(KeyCodes.key(forCharacter: 26) == .control("z"))
        #expect(KeyCodes.key(forCharacter: 12) == .control("l"))
    }

    @Test("Printable characters, ASCII or not, are typed text")
    func printable() {
        #expect(KeyCodes.key(forCharacter: 0x6A) == .character("j"))
        #expect(KeyCodes.key(forCharacter: 0x20) == .character(" "))
        #expect(KeyCodes.key(forCharacter: 0xEB) == .character("ë"))
        #expect(KeyCodes.key(forCharacter: 0x26A1) == .character("⚡"))
    }

    @Test("NUL, the other C0 controls and C1 controls are ignored")
    func ignored() {
        for value: UInt32 in [0, 28, 29, 30, 31, 0x85, 0x9B] {
            #expect(KeyCodes.key(forCharacter: value) == nil)
        }
    }
}
