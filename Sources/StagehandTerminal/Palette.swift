import CNcursesw
import StagehandBoard

/// What ncurses needs to show a style: attribute bits and the colour numbers of
/// the pair (−1 is the terminal's own colour).
struct CellLook: Hashable, Sendable {
    var attributes: attr_t
    var foreground: Int16
    var background: Int16
}

/// Maps a theme's styles to what this terminal can show.
struct Palette: Sendable {
    let depth: ColorDepth
    /// Whether the terminal's own colours can be asked for as −1
    /// (`use_default_colors` worked); otherwise they are white on black.
    let hasDefaultColors: Bool

    var defaultForeground: Int16 { hasDefaultColors ? -1 : 7 }
    var defaultBackground: Int16 { hasDefaultColors ? -1 : 0 }

    func look(for style: Style) -> CellLook {
        var attributes = stagehand_a_normal()
        if style.bold { attributes |= stagehand_a_bold() }
        if style.reverse { attributes |= stagehand_a_reverse() }
        if style.underline { attributes |= stagehand_a_underline() }
        if style.dim { attributes |= stagehand_a_dim() }
        var foreground = number(for: style.foreground, asBackground: false)
        let background = number(for: style.background, asBackground: true)
        // Two colours that fold into one basic colour would hide the text: it takes
        // black or white, whichever shows on that background.
        if depth == .basic8, let background, foreground == background {
            foreground = [2, 3, 6, 7].contains(background) ? 0 : 7
        }
        return CellLook(attributes: attributes, foreground: foreground ?? defaultForeground, background: background ?? defaultBackground)
    }

    /// The colour number, or nil for the terminal's own colour.
    private func number(for color: ThemeColor, asBackground: Bool) -> Int16? {
        switch (depth, color) {
        case (.none, _), (_, .terminalDefault): return nil
        case (.full256, .ansi(let n)), (.full256, .indexed(let n)): return Int16(min(max(n, 0), 255))
        case (.basic8, _): return color.basic(asBackground: asBackground).map { Int16($0) }
        }
    }
}
