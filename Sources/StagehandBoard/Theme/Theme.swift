/// The look of every part of the board, by role. Themes are JSON files in
/// `Themes/`; a role a file leaves out keeps the default dark theme's style.
public struct Theme: Sendable, Equatable {
    public enum Role: String, CaseIterable, Sendable, Codable {
        case header, headerAccent, columnTitle, columnTitleFocused, separator, bolt
        case card, cardDetail, cardFocused, cardSelected, cardCarried, dropTarget, overflow
        case bottomBar, bottomKey, statusInfo, statusError
        case pane, paneBorder, paneDone, paneFailed, paneCancelled, progressBar
        case dialog, dialogBorder, dialogHighlight, automatic, muted
        /// A card past its stage's expected time, and the counts of such cards.
        case overdue
    }

    public var name: String
    public var styles: [Role: Style]

    public init(name: String, styles: [Role: Style]) {
        self.name = name
        self.styles = styles
    }

    public subscript(role: Role) -> Style {
        var style = styles[role] ?? Theme.defaultDark.styles[role] ?? .plain
        style.role = role
        return style
    }

    /// Colour and attributes dropped: what `NO_COLOR` and monochrome terminals get.
    /// Focus and selection stay visible through reverse and bold.
    public var monochrome: Theme {
        var plain: [Role: Style] = [:]
        for role in Role.allCases {
            let style = self[role]
            // A role drawn on a background of its own (focus, the drop target, a
            // highlighted choice) keeps standing out through reverse video.
            let highlighted = style.background != .terminalDefault && !Self.panels.contains(role)
            plain[role] = Style(
                bold: style.bold, reverse: style.reverse || highlighted, underline: style.underline, dim: style.dim)
        }
        return Theme(name: name, styles: plain)
    }

    /// Large areas with a background (panes, dialogs, bars) that stay plain without colour.
    static let panels: Set<Role> = [.pane, .paneBorder, .progressBar, .dialog, .dialogBorder, .bottomBar, .bottomKey, .statusInfo]

    public static let defaultDark = Theme(
        name: "dark",
        styles: [
            .header: Style(foreground: .indexed(231), background: .indexed(24), bold: true),
            .headerAccent: Style(foreground: .indexed(222), background: .indexed(24), bold: true),
            .columnTitle: Style(foreground: .indexed(252), bold: true),
            .columnTitleFocused: Style(foreground: .indexed(231), background: .indexed(238), bold: true, underline: true),
            .separator: Style(foreground: .indexed(240)),
            .bolt: Style(foreground: .indexed(220), bold: true),
            .card: Style(foreground: .indexed(252)),
            .cardDetail: Style(foreground: .indexed(244)),
            .cardFocused: Style(foreground: .indexed(231), background: .indexed(31), bold: true, reverse: false),
            .cardSelected: Style(foreground: .indexed(215), bold: true),
            .cardCarried: Style(foreground: .indexed(240), dim: true),
            .dropTarget: Style(foreground: .indexed(231), background: .indexed(22), bold: true),
            .overflow: Style(foreground: .indexed(244)),
            .bottomBar: Style(foreground: .indexed(250), background: .indexed(236)),
            .bottomKey: Style(foreground: .indexed(222), background: .indexed(236), bold: true),
            .statusInfo: Style(foreground: .indexed(157), background: .indexed(236)),
            .statusError: Style(foreground: .indexed(231), background: .indexed(124), bold: true),
            .pane: Style(foreground: .indexed(252), background: .indexed(235)),
            .paneBorder: Style(foreground: .indexed(75), background: .indexed(235)),
            .paneDone: Style(foreground: .indexed(231), background: .indexed(28), bold: true),
            .paneFailed: Style(foreground: .indexed(231), background: .indexed(124), bold: true),
            .paneCancelled: Style(foreground: .indexed(231), background: .indexed(240), bold: true),
            .progressBar: Style(foreground: .indexed(75), background: .indexed(235)),
            .dialog: Style(foreground: .indexed(252), background: .indexed(236)),
            .dialogBorder: Style(foreground: .indexed(220), background: .indexed(236)),
            .dialogHighlight: Style(foreground: .indexed(16), background: .indexed(220), bold: true),
            .automatic: Style(foreground: .indexed(220)),
            .muted: Style(foreground: .indexed(244)),
            .overdue: Style(foreground: .indexed(214), bold: true),
        ])
}
