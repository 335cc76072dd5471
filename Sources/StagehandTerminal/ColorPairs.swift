/// The colour pairs handed out so far. ncurses needs a numbered pair for every
/// foreground/background combination; numbering them as they first appear keeps
/// the count to what a theme really uses.
struct ColorPairs: Sendable {
    struct Colors: Hashable, Sendable {
        var foreground: Int16
        var background: Int16
    }

    /// What pair 0 shows: ncurses fixes it to the terminal's default colours.
    let defaultColors: Colors
    /// How many pairs besides pair 0 the terminal allows.
    let capacity: Int
    private var numbers: [Colors: Int16] = [:]

    init(defaultColors: Colors, capacity: Int) {
        self.defaultColors = defaultColors
        self.capacity = max(0, min(capacity, Int(Int16.max)))
    }

    /// The pair for these colours, and whether it is new (so the caller must
    /// `init_pair` it). When the terminal runs out of pairs, pair 0: the text stays
    /// readable and attributes still show focus and selection.
    mutating func number(for colors: Colors) -> (number: Int16, isNew: Bool) {
        if colors == defaultColors { return (0, false) }
        if let known = numbers[colors] { return (known, false) }
        guard numbers.count < capacity else { return (0, false) }
        let number = Int16(numbers.count + 1)
        numbers[colors] = number
        return (number, true)
    }
}
