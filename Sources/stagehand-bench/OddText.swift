import StagehandCore

/// Text a recruiter might paste, or a file might hold: empty, huge, control
/// characters, right-to-left scripts and overrides, emoji sequences, stacked
/// combining marks, wide CJK, and Mustache-looking braces, mixed at random.
struct OddText {
    private static let pieces: [String] = [
        "", " ", "Ana", "Zoë Müller", "O'Connor", "\"quoted\"", "a,b", "semi;colon",
        "\t", "\n", "\r\n", "\r", "\u{1B}[31m", "\u{1B}]0;title\u{7}", "\u{7}", "\u{8}", "\u{7F}", "\u{85}", "\u{9B}",
        "עברית", "مرحبا بك", "\u{202E}evil\u{202C}", "\u{2067}isolate\u{2069}", "\u{200F}",
        "👨‍👩‍👧", "👍🏽", "🇺🇸", "❤️", "⚡", "🧑🏿‍🚀", "1️⃣",
        "Z̵̡̢̛a̷̧l̸g̶o̴", "e\u{301}", "\u{301}", "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{FFFD}", "\u{AD}",
        "漢字", "ｆｕｌｌ", "한국어", "│", "─", "…",
        "{{", "}}", "{{candidate.first_name}}", "{{candidate.name}}", "{{job.title}}", "{{nope}}", "{{#x}}", "{{/x}}",
        "{{{candidate.name}}}", "{{! note }}", "{{> partial}}", "{{=<% %>=}}",
        "@", "a@b.c", "<a@b.c>", "=?utf-8?q?x?=", ".", "..", "/", "../../etc/passwd", "%s%n", "\\", "NULL",
    ]

    /// One random text: usually a few pieces, sometimes one repeated into the tens of thousands.
    static func make(using random: inout SplitMix64) -> String {
        switch Int.random(in: 0..<20, using: &random) {
        case 0: return ""
        case 1:
            let piece = pieces.randomElement(using: &random)!
            return String(repeating: piece.isEmpty ? "x" : piece, count: Int.random(in: 1_000...20_000, using: &random))
        default:
            return (0..<Int.random(in: 1...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
    }

    /// Command-line arguments cannot hold NUL, and Linux refuses one over 128 KiB.
    static func argument(using random: inout SplitMix64) -> String {
        let text = make(using: &random).replacingOccurrences(of: "\0", with: "")
        var bytes = 0
        return String(text.prefix { character in
            bytes += character.utf8.count
            return bytes < 120_000
        })
    }
}
