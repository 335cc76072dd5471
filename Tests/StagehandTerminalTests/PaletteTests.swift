import CNcursesw
import StagehandBoard
import Testing

@testable import StagehandTerminal

/// Themes name colours once; each terminal shows what it can of them (spec §6: NO_COLOR, 8 or 256 colours).
@Suite struct PaletteTests {
    let full = Palette(depth: .full256, hasDefaultColors: true)
    let basic = Palette(depth: .basic8, hasDefaultColors: true)
    let monochrome = Palette(depth: .none, hasDefaultColors: true)
    let accent = Style(foreground: .indexed(214), background: .ansi(4), bold: true)

    @Test("Every attribute survives, whatever the colours")
    func attributes() {
        let style = Style(bold: true, reverse: true, underline: true, dim: true)
        let expected = stagehand_a_bold() | stagehand_a_reverse() | stagehand_a_underline() | stagehand_a_dim()
        for palette in [full, basic, monochrome] {
            #expect(palette.look(for: style).attributes == expected)
        }
        #expect(full.look(for: .plain).attributes == stagehand_a_normal())
    }

    @Test("256 colours are used as the theme names them")
    func fullColour() {
        #expect(full.look(for: accent) == CellLook(attributes: stagehand_a_bold(), foreground: 214, background: 4))
    }

    @Test("8 colours: the nearest basic colour")
    func basicColour() {
        let look = basic.look(for: accent)
        #expect(look.foreground == 3)
        #expect(look.background == 4)
        #expect(basic.look(for: Style(foreground: .ansi(9))).foreground == 1)
    }

    @Test("8 colours: the finished pane is green, separators show on a dark terminal, no text vanishes into its background")
    func basicColourKeepsWhatMatters() {
        let theme = Theme.defaultDark
        #expect(basic.look(for: theme[.paneDone]).background == 2)
        #expect(basic.look(for: theme[.paneDone]) != basic.look(for: theme[.paneCancelled]))
        #expect(basic.look(for: theme[.paneFailed]).background == 1)
        #expect(basic.look(for: theme[.separator]).foreground == 7)
        for role in Theme.Role.allCases {
            let look = basic.look(for: theme[role])
            #expect(look.background == -1 || look.foreground != look.background, "\(role) would be invisible")
        }
    }

    @Test("No colour: the terminal's own colours, attributes only")
    func noColour() {
        #expect(monochrome.look(for: accent) == CellLook(attributes: stagehand_a_bold(), foreground: -1, background: -1))
    }

    @Test("The terminal's default colour is −1, or white on black where it cannot be asked for")
    func defaultColours() {
        #expect(full.look(for: .plain) == CellLook(attributes: stagehand_a_normal(), foreground: -1, background: -1))
        let fixed = Palette(depth: .full256, hasDefaultColors: false)
        #expect(fixed.look(for: .plain) == CellLook(attributes: stagehand_a_normal(), foreground: 7, background: 0))
    }

    @Test func depthFromColourCount() {
        #expect(ColorDepth(colors: 256) == .full256)
        #expect(ColorDepth(colors: 16_777_216) == .full256)
        #expect(ColorDepth(colors: 88) == .basic8)
        #expect(ColorDepth(colors: 8) == .basic8)
        #expect(ColorDepth(colors: 2) == .none)
        #expect(ColorDepth(colors: 0) == .none)
    }
}

@Suite struct ColorPairsTests {
    typealias Colors = ColorPairs.Colors
    let terminal = Colors(foreground: -1, background: -1)

    @Test("The terminal's own colours are pair 0, never allocated")
    func defaultPair() {
        var pairs = ColorPairs(defaultColors: terminal, capacity: 10)
        let pair = pairs.number(for: terminal)
        #expect(pair == (0, false))
    }

    @Test("Pairs are numbered as they first appear and reused afterwards")
    func allocation() {
        var pairs = ColorPairs(defaultColors: terminal, capacity: 10)
        let first = pairs.number(for: Colors(foreground: 214, background: -1))
        let second = pairs.number(for: Colors(foreground: 0, background: 4))
        let again = pairs.number(for: Colors(foreground: 214, background: -1))
        #expect(first == (1, true))
        #expect(second == (2, true))
        #expect(again == (1, false))
    }

    @Test("Once the terminal has no pairs left, colours fall back to pair 0")
    func exhausted() {
        var pairs = ColorPairs(defaultColors: terminal, capacity: 1)
        let first = pairs.number(for: Colors(foreground: 1, background: -1))
        let second = pairs.number(for: Colors(foreground: 2, background: -1))
        let firstAgain = pairs.number(for: Colors(foreground: 1, background: -1))
        #expect(first == (1, true))
        #expect(second == (0, false))
        #expect(firstAgain == (1, false))
    }
}
