import Foundation

/// Writes journal lines and snapshots exactly as JSONEncoder does with sorted
/// keys, slashes unescaped and ISO 8601 dates, compact or pretty-printed — byte for
/// byte, so readers cannot tell — for the candidates, which are most of both (a
/// bulk move of 1,000 spent three quarters of its time in JSONEncoder). Everything
/// else is handed to `fallback`, a JSONEncoder with the same options, and its text
/// copied in.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private let fallback: JSONEncoder
    /// As JSONEncoder's `.prettyPrinted`: a member per line, two spaces per level, `"key" : value`.
    private let pretty: Bool
    /// Per open object or array: whether a member was written yet (a comma is due).
    private var started: [Bool] = []

    init(fallback: JSONEncoder, capacity: Int = 4_096) {
        self.fallback = fallback
        pretty = fallback.outputFormatting.contains(.prettyPrinted)
        bytes.reserveCapacity(capacity)
    }

    // MARK: Structure

    mutating func object(_ members: (inout JSONWriter) throws -> Void) rethrows {
        open(UInt8(ascii: "{"))
        try members(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array<Element>(_ elements: some Sequence<Element>, _ element: (inout JSONWriter, Element) throws -> Void) rethrows {
        open(UInt8(ascii: "["))
        for value in elements {
            separate()
            try element(&self, value)
        }
        close(UInt8(ascii: "]"))
    }

    /// An array of elements of different kinds, each written by `element(_:)`.
    mutating func array(_ elements: (inout JSONWriter) throws -> Void) rethrows {
        open(UInt8(ascii: "["))
        try elements(&self)
        close(UInt8(ascii: "]"))
    }

    /// One element of an array written by `array(_:)`.
    mutating func element(_ write: (inout JSONWriter) throws -> Void) rethrows {
        separate()
        try write(&self)
    }

    /// A member's key; its value must follow. Keys go in ascending order, as sorted keys have them.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
    }

    /// How far a value written now is indented, pretty-printed (its closing line's spaces); nil when compact.
    var indentation: Int? { pretty ? started.count * 2 : nil }

    /// A value's text exactly as this writer would write it here: one copied
    /// from a snapshot where it stood at the same `indentation`.
    mutating func verbatim(_ text: Data) {
        bytes.append(contentsOf: text)
    }

    /// A member, or nothing when `value` is nil, as JSONEncoder leaves an absent optional out.
    mutating func member<Value>(_ name: StaticString, _ value: Value?, _ write: (inout JSONWriter, Value) throws -> Void) rethrows {
        guard let value else { return }
        key(name)
        try write(&self, value)
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        started.append(false)
    }

    /// Pretty-printed, an empty one still spans lines: `[`, a blank line, `]`.
    private mutating func close(_ bracket: UInt8) {
        let hadMembers = started.removeLast()
        if pretty {
            if !hadMembers { bytes.append(UInt8(ascii: "\n")) }
            newLine()
        }
        bytes.append(bracket)
    }

    private mutating func separate() {
        guard let last = started.indices.last else { return }
        if started[last] { bytes.append(UInt8(ascii: ",")) } else { started[last] = true }
        if pretty { newLine() }
    }

    private mutating func newLine() {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: started.count * 2))
    }

    // MARK: Values

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case ..<0x20:
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    mutating func string<Entity>(_ id: Identifier<Entity>) { string(id.rawValue) }

    mutating func integer(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    mutating func boolean(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

    /// Whole seconds from 1583 to 9999 the quick way; any other date as JSONEncoder writes it.
    mutating func date(_ date: Date) throws {
        let seconds = date.timeIntervalSince1970
        guard seconds == seconds.rounded(.down), seconds >= -12_212_553_600, seconds < 253_402_300_800 else {
            return try encoded(date)
        }
        let whole = Int(seconds)
        let (days, secondOfDay) = whole.quotientAndRemainder(dividingBy: 86_400)
        let (day, second) = secondOfDay < 0 ? (days - 1, secondOfDay + 86_400) : (days, secondOfDay)
        let (year, month, dayOfMonth) = Self.civil(fromDays: day)
        bytes.append(UInt8(ascii: "\""))
        digits(year, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(month, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(dayOfMonth, 2)
        bytes.append(UInt8(ascii: "T"))
        digits(second / 3_600, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(second / 60 % 60, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(second % 60, 2)
        bytes.append(contentsOf: [UInt8(ascii: "Z"), UInt8(ascii: "\"")])
    }

    private mutating func digits(_ value: Int, _ count: Int) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// Year, month and day of a count of days since 1970-01-01 in the proleptic
    /// Gregorian calendar (Howard Hinnant's `civil_from_days`).
    private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Any value, as JSONEncoder writes it (pretty-printed, indented to where it stands).
    mutating func encoded(_ value: some Encodable) throws {
        let text = try fallback.encode(value)
        guard pretty, !started.isEmpty else { return bytes.append(contentsOf: text) }
        let indent = started.count * 2
        // JSON strings hold no raw line breaks, so every one is the encoder's own; the
        // blank line of an empty array or object stays blank.
        for (offset, byte) in zip(text.indices, text) {
            bytes.append(byte)
            if byte == UInt8(ascii: "\n"), offset + 1 < text.endIndex, text[offset + 1] != UInt8(ascii: "\n") {
                bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
            }
        }
    }
}

/// What the writer knows how to write itself.
protocol JSONWritable: Encodable {
    func write(to json: inout JSONWriter) throws
}
