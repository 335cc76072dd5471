import StagehandCore
import Testing
@testable import StagehandBoard

/// Every text field has a cursor: the keys a shell's line takes (← →, Home/End,
/// Ctrl-A/E/W/U/K, Backspace, Delete), in the forms, the filter and the finder,
/// and the cursor is drawn where the next key goes.
@Suite struct TextCursorTests {
    typealias F = BoardFixture

    // MARK: The editing keys, on a text

    @Test func editingKeysWorkWhereTheCursorIs() {
        var typed = TypedText("Called him")
        for _ in 1...4 { typed.apply(.left) }
        typed.insert("_")
        #expect(typed.text == "Called_ him" && typed.cursor == 7)
        typed.apply(.deleteBack)
        typed.apply(.deleteForward)
        #expect(typed.text == "Calledhim")
        typed.apply(.lineStart)
        #expect(typed.cursor == 0)
        let movedLeft = typed.apply(.left)
        let deleted = typed.apply(.deleteBack)
        #expect(!movedLeft && !deleted, "nothing is left of the start")
        typed.apply(.lineEnd)
        #expect(typed.isAtEnd)
    }

    @Test func controlWDeletesTheWordBeforeTheCursorAndControlUAndKTheRestOfTheLine() {
        var typed = TypedText("Call  Peter back")
        typed.apply(.deleteWordBack)
        #expect(typed.text == "Call  Peter ")
        typed.apply(.deleteWordBack)
        #expect(typed.text == "Call  ", "the spaces before the cursor go with the word")
        typed = TypedText("first line\nsecond line", cursor: 18)
        typed.apply(.deleteToLineStart)
        #expect(typed.text == "first line\nline" && typed.cursor == 11, "only the cursor's own line")
        typed.apply(.deleteToLineEnd)
        #expect(typed.text == "first line\n")
    }

    @Test func upAndDownKeepTheColumnAndStopAtTheFirstAndLastLine() {
        var typed = TypedText("Dear Peter,\nthanks\nBest", cursor: 9)
        let above = typed.apply(.lineUp)
        #expect(!above, "the first line has nothing above")
        typed.apply(.lineDown)
        #expect(typed.cursor == 18, "a shorter line: its end")
        typed.apply(.lineDown)
        #expect(typed.cursor == 23)
        let below = typed.apply(.lineDown)
        #expect(!below, "the last line has nothing below")
    }

    // MARK: Laid out on screen

    @Test func rowsKeepEveryCharacterAndPlaceTheCursor() {
        let rows = TypedTextRows(TypedText("Send laptop to Peter", cursor: 6), width: 10, showsCursor: true)
        #expect(rows.rows == ["Send ", "laptop to ", "Peter"])
        #expect(rows.cursor == .init(row: 1, column: 1, character: "a"))
        let long = TypedTextRows(TypedText("https://example.com/x"), width: 8, showsCursor: true)
        #expect(long.rows.joined() == "https://example.com/x", "a word longer than a row breaks, nothing is cut")
        #expect(long.cursor?.row == long.rows.count - 1 && long.cursor?.character == nil)
        let full = TypedTextRows(TypedText("12345678"), width: 8, showsCursor: true)
        #expect(full.rows == ["12345678", ""] && full.cursor == .init(row: 1, column: 0, character: nil), "a full row: the cursor starts the next")
    }

    // MARK: In a form

    @Test func typingInTheMiddleOfANoteGoesWhereTheCursorIsAndIsDrawnThere() throws {
        var state = F.state()
        F.press([.enter, "n"] + F.keys("Called him.") + [.home], &state)
        F.press([.right, .right, .right, .right, .right, .right], &state)
        F.type(" and emailed", &state)
        #expect(F.form(state)?.value(.text) == "Called and emailed him.")
        let frame = Board.render(state)
        let row = try #require(F.lines(state).firstIndex { $0.contains("Called and emailed him.") })
        let column = try #require(F.lines(state)[row].range(of: " him.")).lowerBound
        let x = F.lines(state)[row].distance(from: F.lines(state)[row].startIndex, to: column)
        #expect(frame[x, row].glyph == " " && frame[x, row].style.reverse != Theme.defaultDark[.cardFocused].reverse, "the cursor is the reversed cell under it")
        #expect(!F.lines(state)[row].contains("_"), "no '_' inside the text")

        F.press([.control("w")], &state)
        #expect(F.form(state)?.value(.text) == "Called and  him.", "the word, not the space after it")
        F.press([.control("u")], &state)
        #expect(F.form(state)?.value(.text) == " him.")
        F.press([.end], &state)
        #expect(F.lines(state)[row].contains(" him._"), "at the end the cursor is the '_' after the text")
    }

    @Test func inABodyTheArrowsWalkItsLinesBeforeLeavingIt() throws {
        var state = F.state()
        F.press([.enter, "n"] + F.keys("one") + [.enter] + F.keys("two"), &state)
        F.press([.up], &state)
        F.type("!", &state)
        #expect(F.form(state)?.value(.text) == "one!\ntwo")
        F.press([.down], &state)
        F.type("?", &state)
        #expect(F.form(state)?.value(.text) == "one!\ntwo?", "the column is kept where the line allows")
    }

    @Test func comingDownIntoABodyStartsOnItsFirstLine() throws {
        var state = F.state()
        F.press(["1", "a", "n", .tab, .tab, .tab], &state)
        #expect(F.form(state)?.focusedField?.key == .draft(.subject))
        F.press([.down], &state)
        #expect(F.form(state)?.focusedField?.key == .draft(.body))
        #expect(F.form(state)?.cursor == 0, "the cursor is at the start of the body")
        F.press([.down], &state)
        #expect(F.form(state)?.focusedField?.key == .draft(.body), "↓ walks the body's lines before it leaves")
    }

    @Test func aPresetTypingWouldReplaceIsDrawnSelectedAndMovingIntoItEditsItInstead() throws {
        var state = F.state()
        F.press(["1", "a", "n"] + Array(repeating: .tab, count: 6) + [.right], &state)
        let preset = try #require(F.form(state)?.value(.delay))
        #expect(F.form(state)?.typingReplaces == true)
        let row = try #require(F.lines(state).firstIndex { $0.hasPrefix(" Delay") })
        let x = try #require(F.lines(state)[row].range(of: preset)).lowerBound.utf16Offset(in: F.lines(state)[row])
        #expect(Board.render(state)[x, row].style.reverse, "the preset is drawn selected")
        #expect(!F.lines(state)[row].contains("\(preset)_"), "no cursor after what typing replaces")
        F.press([.end], &state)
        F.type("0", &state)
        #expect(F.form(state)?.value(.delay) == preset + "0", "once the cursor moved into it, typing adds to it")
    }

    @Test func presetsAreWalkedWhileTheFieldShowsOneAndTypedTextHasACursor() throws {
        var state = F.state()
        F.press(["1", "a", "n"] + Array(repeating: .tab, count: 6), &state)
        #expect(F.form(state)?.focusedField?.key == .draft(.delay))
        F.press([.right], &state)
        let preset = try #require(F.form(state)?.value(.delay))
        #expect(!preset.isEmpty, "→ picks a preset while the field shows one or nothing")
        F.type("90m", &state)
        #expect(F.form(state)?.value(.delay) == "90m", "typing replaces the preset")
        F.press([.left, .left], &state)
        F.type("1", &state)
        #expect(F.form(state)?.value(.delay) == "910m", "typed text: ← moves the cursor, it does not pick a preset")
        F.press([.end, .control("u")], &state)
        F.press([.right], &state)
        #expect(F.form(state)?.value(.delay) == preset, "cleared, the arrows pick presets again")
    }

    // MARK: The filter and the finder

    @Test func theFilterAndTheFinderHaveACursorToo() throws {
        var state = F.state()
        F.press(["/"] + F.keys("Zo") + [.home] + F.keys("x"), &state)
        #expect(state.filter == "xZo")
        F.press([.delete], &state)
        #expect(state.filter == "xo", "Delete takes the character under the cursor")
        F.press([.escape, "f"] + F.keys("Okafr") + [.left], &state)
        F.type("o", &state)
        guard case .finding(let finder) = state.mode else {
            Issue.record("the finder closed")
            return
        }
        #expect(finder.text == "Okafor")
        #expect(F.lines(state).contains { $0.contains("> Okafor") && !$0.contains("_") }, "the cursor is on the 'r', not after it")
    }
}
