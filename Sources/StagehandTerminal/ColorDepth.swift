/// How many colours the terminal can show, which decides how a theme's colours
/// are mapped.
public enum ColorDepth: Equatable, Sendable {
    /// No colour (a monochrome terminal, or NO_COLOR set): attributes only.
    case none
    /// The 8 basic colours: theme colours are mapped to the nearest of them.
    case basic8
    /// The 256 xterm colours: theme colours are used as they are.
    case full256

    /// The depth for a terminal that reports `colors` colours.
    init(colors: Int) {
        switch colors {
        case 256...: self = .full256
        case 8...: self = .basic8
        default: self = .none
        }
    }
}
