extension Board {
    /// Breaks text into lines of at most `width` columns, at spaces where possible.
    /// Lines after the first start with `hang`, so that a wrapped line does not read
    /// as a new one; an indented line (a quoted email body) keeps its indent too.
    public static func wrap(_ text: String, width: Int, hang: String = "") -> [String] {
        guard width > 0 else { return [] }
        // No character takes more columns than it has UTF-8 bytes: text this short fits as it is.
        if text.utf8.count <= width { return [text] }
        let indent = String(text.prefix { $0 == " " })
        if !indent.isEmpty, indent.count < text.count, indent.count < width / 2 {
            return wrap(String(text.dropFirst(indent.count)), width: width - indent.count, hang: hang).map { indent + $0 }
        }
        let hangWidth = DisplayWidth.of(hang)
        guard hangWidth == 0 || hangWidth < width / 2 else { return wrap(text, width: width) }
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        var limit = width
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = DisplayWidth.of(String(word))
            let joined = current.isEmpty ? wordWidth : currentWidth + 1 + wordWidth
            if joined <= limit {
                current = current.isEmpty ? String(word) : current + " " + word
                currentWidth = joined
            } else {
                if !current.isEmpty {
                    lines.append(current)
                    limit = width - hangWidth
                }
                current = wordWidth <= limit ? String(word) : DisplayWidth.truncate(String(word), to: limit)
                currentWidth = min(wordWidth, limit)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines.enumerated().map { $0.offset == 0 ? $0.element : hang + $0.element }
    }
}
