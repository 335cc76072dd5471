/// The themes shipped in `Themes/`, built into the binary as their files' text,
/// so an installed `stagehand` (copied anywhere, without the repository beside
/// it) offers them too. A file of the same name in a theme folder wins. A test
/// keeps each text byte for byte equal to its file. `dark` is `Theme.defaultDark`.
enum ShippedThemes {
    static let texts: [String: String] = [
        "light": """
            {
              "name": "light",
              "styles": {
                "header": { "fg": 231, "bg": 25, "bold": true },
                "headerAccent": { "fg": 230, "bg": 25, "bold": true },
                "columnTitle": { "fg": 236, "bold": true },
                "columnTitleFocused": { "fg": 16, "bg": 153, "bold": true, "underline": true },
                "separator": { "fg": 248 },
                "bolt": { "fg": 130, "bold": true },
                "card": { "fg": 234 },
                "cardDetail": { "fg": 242 },
                "cardFocused": { "fg": 231, "bg": 25, "bold": true },
                "cardSelected": { "fg": 124, "bold": true },
                "cardCarried": { "fg": 249, "dim": true },
                "dropTarget": { "fg": 231, "bg": 28, "bold": true },
                "overflow": { "fg": 242 },
                "bottomBar": { "fg": 236, "bg": 253 },
                "bottomKey": { "fg": 25, "bg": 253, "bold": true },
                "statusInfo": { "fg": 22, "bg": 253 },
                "statusError": { "fg": 231, "bg": 160, "bold": true },
                "pane": { "fg": 234, "bg": 255 },
                "paneBorder": { "fg": 25, "bg": 255 },
                "paneDone": { "fg": 231, "bg": 28, "bold": true },
                "paneFailed": { "fg": 231, "bg": 160, "bold": true },
                "paneCancelled": { "fg": 231, "bg": 244, "bold": true },
                "progressBar": { "fg": 25, "bg": 255 },
                "dialog": { "fg": 234, "bg": 254 },
                "dialogBorder": { "fg": 130, "bg": 254 },
                "dialogHighlight": { "fg": 231, "bg": 25, "bold": true },
                "automatic": { "fg": 130 },
                "muted": { "fg": 244 },
                "overdue": { "fg": 166, "bold": true }
              }
            }

            """,
        "high-contrast": """
            {
              "name": "high-contrast",
              "styles": {
                "header": { "fg": "bright-white", "bg": "black", "bold": true, "underline": true },
                "headerAccent": { "fg": "bright-yellow", "bg": "black", "bold": true },
                "columnTitle": { "fg": "bright-white", "bold": true },
                "columnTitleFocused": { "fg": "black", "bg": "bright-white", "bold": true },
                "separator": { "fg": "white" },
                "bolt": { "fg": "bright-yellow", "bold": true },
                "card": { "fg": "bright-white" },
                "cardDetail": { "fg": "white" },
                "cardFocused": { "fg": "black", "bg": "bright-yellow", "bold": true },
                "cardSelected": { "fg": "bright-cyan", "bold": true, "underline": true },
                "cardCarried": { "fg": "white", "dim": true },
                "dropTarget": { "fg": "black", "bg": "bright-green", "bold": true },
                "overflow": { "fg": "bright-white" },
                "bottomBar": { "fg": "bright-white", "bg": "black" },
                "bottomKey": { "fg": "bright-yellow", "bg": "black", "bold": true, "underline": true },
                "statusInfo": { "fg": "bright-green", "bg": "black", "bold": true },
                "statusError": { "fg": "bright-white", "bg": "red", "bold": true },
                "pane": { "fg": "bright-white", "bg": "black" },
                "paneBorder": { "fg": "bright-cyan", "bg": "black", "bold": true },
                "paneDone": { "fg": "black", "bg": "bright-green", "bold": true },
                "paneFailed": { "fg": "bright-white", "bg": "red", "bold": true },
                "paneCancelled": { "fg": "black", "bg": "white", "bold": true },
                "progressBar": { "fg": "bright-cyan", "bg": "black" },
                "dialog": { "fg": "bright-white", "bg": "black" },
                "dialogBorder": { "fg": "bright-yellow", "bg": "black", "bold": true },
                "dialogHighlight": { "fg": "black", "bg": "bright-yellow", "bold": true },
                "automatic": { "fg": "bright-yellow" },
                "muted": { "fg": "white" },
                "overdue": { "fg": "bright-yellow", "bold": true, "underline": true }
              }
            }

            """,
        "monochrome": """
            {
              "name": "monochrome",
              "styles": {
                "header": { "reverse": true, "bold": true },
                "headerAccent": { "reverse": true, "bold": true },
                "columnTitle": { "bold": true },
                "columnTitleFocused": { "bold": true, "underline": true },
                "separator": {},
                "bolt": { "bold": true },
                "card": {},
                "cardDetail": { "dim": true },
                "cardFocused": { "reverse": true, "bold": true },
                "cardSelected": { "bold": true, "underline": true },
                "cardCarried": { "dim": true },
                "dropTarget": { "reverse": true, "bold": true },
                "overflow": { "dim": true },
                "bottomBar": { "reverse": true },
                "bottomKey": { "reverse": true, "bold": true },
                "statusInfo": { "reverse": true },
                "statusError": { "reverse": true, "bold": true, "underline": true },
                "pane": {},
                "paneBorder": { "bold": true },
                "paneDone": { "reverse": true, "bold": true },
                "paneFailed": { "reverse": true, "bold": true, "underline": true },
                "paneCancelled": { "reverse": true, "dim": true },
                "progressBar": { "bold": true },
                "dialog": {},
                "dialogBorder": { "bold": true },
                "dialogHighlight": { "reverse": true, "bold": true },
                "automatic": { "bold": true },
                "muted": { "dim": true },
                "overdue": { "bold": true, "underline": true }
              }
            }

            """,
    ]
}
