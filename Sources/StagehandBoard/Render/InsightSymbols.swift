extension Symbols {
    /// Before the age of a card past its stage's expected time.
    public var overdue: String { isUnicode ? "⚠" : "!" }

    /// A horizontal bar `eighths / 8` cells long: whole blocks, then the partial block
    /// for what is left (`▏▎▍▌▋▊▉`). ASCII has no partial blocks: `#` per cell, rounded.
    public func bar(eighths: Int) -> String {
        guard eighths > 0 else { return "" }
        guard isUnicode else { return String(repeating: "#", count: (eighths + 4) / 8) }
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partials[eighths % 8]
    }
}
