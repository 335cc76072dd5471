import CNcursesw
import StagehandBoard
import Testing

@testable import StagehandTerminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The driver against the real ncurses, without a terminal (ncurses is not
/// thread-safe, hence one test at a time on the main actor).
@Suite(.serialized) @MainActor struct NcursesScreenTests {
    let focused = Style(foreground: .indexed(16), background: .indexed(214), bold: true)

    /// Four stage columns of two-row cards, as the board lays them out.
    func board(width: Int = 120, height: Int = 40, focus: (column: Int, card: Int)) -> Frame {
        var frame = Frame(width: width, height: height)
        frame.put(" Backend engineer  ⚡ 3 runs", x: 0, y: 0, style: Style(bold: true))
        let columnWidth = width / 4
        for column in 0..<4 {
            let x = column * columnWidth
            frame.put(["Applied", "Phone screen ⚡", "Interview ⚡", "Offer"][column], x: x + 1, y: 2, style: Style(bold: true))
            for card in 0..<8 {
                let y = 4 + card * 3
                let isFocused = (column, card) == focus
                let style = isFocused ? focused : .plain
                if isFocused { frame.fill(x: x + 1, y: y, width: columnWidth - 2, height: 2, style: style) }
                frame.put((isFocused ? "> " : "  ") + "Candidate \(column)-\(card)", x: x + 1, y: y, style: style)
                frame.put("  #backend · 3d", x: x + 1, y: y + 1, style: isFocused ? style : Style(dim: true))
            }
        }
        return frame
    }

    @Test("Text, wide glyphs and styles arrive as the frame has them")
    func drawsTheFrame() throws {
        let terminal = try HeadlessTerminal(width: 40, height: 6)
        var frame = Frame(width: 40, height: 6)
        frame.put("Phone screen ⚡ 漢字", x: 1, y: 1)
        frame.put("Ana Silva", x: 1, y: 3, style: focused)
        terminal.screen.draw(frame)
        #expect(terminal.row(1) == " Phone screen ⚡ 漢字")
        #expect(terminal.row(3) == " Ana Silva")
        let look = terminal.look(x: 1, y: 3)
        #expect(look.attributes == stagehand_a_bold())
        #expect(look.foreground == 16)
        #expect(look.background == 214)
        #expect(terminal.screen.colorDepth == .full256)
    }

    @Test("Without UTF-8, whatever is not ASCII is sent as ?")
    func asciiOnly() throws {
        let terminal = try HeadlessTerminal(width: 40, height: 6, unicode: false)
        var frame = Frame(width: 40, height: 6)
        frame.put("Offer ⚡ Zoë", x: 0, y: 0)
        terminal.screen.draw(frame)
        #expect(terminal.row(0) == "Offer ?  Zo?")
        #expect(!terminal.screen.supportsUnicode)
    }

    @Test("NO_COLOR: attributes only")
    func noColor() throws {
        let terminal = try HeadlessTerminal(width: 20, height: 4, environment: ["NO_COLOR": "1"])
        var frame = Frame(width: 20, height: 4)
        frame.put("Ana", x: 0, y: 0, style: focused)
        terminal.screen.draw(frame)
        #expect(terminal.screen.colorDepth == .none)
        #expect(terminal.look(x: 0, y: 0).attributes == stagehand_a_bold())
    }

    @Test("A focus move sends only the two cards: within the 300-byte budget")
    func focusMoveIsSmall() throws {
        let terminal = try HeadlessTerminal(width: 120, height: 40)
        terminal.screen.draw(board(focus: (1, 2)))
        let afterFirstFrame = terminal.bytesSent
        terminal.screen.draw(board(focus: (1, 3)))
        let focusMove = terminal.bytesSent - afterFirstFrame
        #expect(focusMove > 0)
        #expect(focusMove <= 300, "a focus move sent \(focusMove) bytes")
        #expect(terminal.row(13).contains("> Candidate 1-3"))
        #expect(!terminal.row(10).contains(">"))
    }

    @Test("The same frame again sends nothing")
    func unchangedFrame() throws {
        let terminal = try HeadlessTerminal(width: 120, height: 40)
        terminal.screen.draw(board(focus: (0, 0)))
        let before = terminal.bytesSent
        terminal.screen.draw(board(focus: (0, 0)))
        #expect(terminal.bytesSent == before)
    }

    @Test("After a resize the next frame is drawn in full, at the new size")
    func resize() throws {
        let terminal = try HeadlessTerminal(width: 120, height: 40)
        terminal.screen.draw(board(focus: (0, 0)))
        resizeterm(20, 60)
        #expect(terminal.screen.nextEvent(timeout: 0) == .resize(width: 60, height: 20))
        terminal.screen.draw(board(width: 60, height: 20, focus: (0, 0)))
        #expect(terminal.row(4).hasPrefix(" > Candidate 0-0"))
        #expect(terminal.row(19).count <= 59)
    }

    @Test("A frame larger than the screen is cut at its edges")
    func frameLargerThanScreen() throws {
        let terminal = try HeadlessTerminal(width: 30, height: 10)
        terminal.screen.draw(board(focus: (0, 0)))
        #expect(terminal.row(4) == " > Candidate 0-0")
        #expect(terminal.row(2) == " Applied")
    }

    @Test("Input that is closed is a hangup, reported at once and from then on")
    func closedInput() throws {
        let terminal = try HeadlessTerminal(width: 20, height: 4)
        let clock = ContinuousClock()
        let started = clock.now
        #expect(terminal.screen.nextEvent(timeout: 5) == .hangup)
        #expect(clock.now - started < .seconds(2))
        #expect(terminal.screen.nextEvent(timeout: 5) == .hangup)
    }

    @Test("Stopping twice is safe; a stopped screen draws nothing and reports a hangup")
    func stop() throws {
        let terminal = try HeadlessTerminal(width: 20, height: 4)
        terminal.screen.stop()
        terminal.screen.stop()
        let sent = terminal.bytesSent
        terminal.screen.draw(Frame(width: 20, height: 4))
        #expect(terminal.bytesSent == sent)
        #expect(terminal.screen.nextEvent(timeout: 1) == .hangup)
        #expect(terminal.screen.size == (20, 4))
    }

    @Test("An unknown TERM is an error with its name, not an exit")
    func unknownTerm() {
        #expect(throws: TerminalError.cannotStart(term: "no-such-terminal")) {
            try HeadlessTerminal(width: 20, height: 4, term: "no-such-terminal")
        }
    }
}
