/// A colour as a theme names it. The terminal driver maps it to what the terminal
/// can show (256 colours, 8 colours or none).
public enum ThemeColor: Equatable, Hashable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 16 ANSI colours (0–7 normal, 8–15 bright).
    case ansi(Int)
    /// One of the 256 xterm colours.
    case indexed(Int)

    /// The nearest of the 8 basic colours, for terminals with only those. A channel
    /// counts when it is at least half the strongest one, so a dark green stays green
    /// rather than turning black. Greys: as a foreground all but the darkest show as
    /// white (a grey line must stay visible on a dark terminal); as a background the
    /// darker half is black.
    public func basic(asBackground: Bool) -> Int? {
        switch self {
        case .terminalDefault: return nil
        case .ansi(let n): return n % 8
        case .indexed(let n):
            if n < 16 { return n % 8 }
            if n >= 232 { return n < (asBackground ? 244 : 236) ? 0 : 7 }
            let cube = n - 16
            let (r, g, b) = (cube / 36, (cube / 6) % 6, cube % 6)
            let strongest = max(r, g, b)
            guard strongest > 0 else { return 0 }
            func counts(_ channel: Int) -> Bool { channel * 2 >= strongest }
            return (counts(r) ? 1 : 0) | (counts(g) ? 2 : 0) | (counts(b) ? 4 : 0)
        }
    }
}

/// How a cell looks. Attributes survive on monochrome terminals, so every state
/// that matters (focus, selection) must be visible through them alone.
public struct Style: Equatable, Hashable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool
    /// The theme role the style was drawn for, so a test can ask what a cell is
    /// ("the finished pane"), not only how it looks. Not part of its look: two
    /// styles that look alike are equal, and the terminal redraws nothing for it.
    public var role: Theme.Role?

    public init(
        foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault, bold: Bool = false,
        reverse: Bool = false, underline: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()

    public static func == (a: Style, b: Style) -> Bool {
        a.foreground == b.foreground && a.background == b.background && a.bold == b.bold && a.reverse == b.reverse
            && a.underline == b.underline && a.dim == b.dim
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(foreground)
        hasher.combine(background)
        hasher.combine(bold)
        hasher.combine(reverse)
        hasher.combine(underline)
        hasher.combine(dim)
    }
}
