import Foundation

/// Reads JSON text straight into values, for the tables that make up nearly all
/// of a large state file: candidates with their timelines, emails, runs.
///
/// JSONDecoder first maps the whole document, then decodes through generic
/// containers that look every key up in a dictionary made for each object: most
/// of a second for 10,000 candidates. This reader walks the bytes once and hands
/// each key to a `switch`.
///
/// It reads a strict subset of what JSONDecoder accepts, and gives the same
/// values: an object's keys in ascending order, as the store writes them (so no
/// key is repeated, which JSONDecoder would resolve by keeping the first) or in
/// any order in text from PostgreSQL's `jsonb`, which keeps one of each key; only
/// keys the type knows, keys without escapes, whole numbers without fraction or
/// exponent. Anything else throws `Unreadable`, and the caller hands the text to
/// JSONDecoder, which reads it or says precisely what is wrong.
struct JSONReader {
    /// Not in the shape this reader knows; not necessarily wrong.
    struct Unreadable: Error {}

    /// An object's key as it stands in the text; `case "name":` matches it.
    struct Key {
        fileprivate let bytes: UnsafeRawBufferPointer

        static func ~= (name: StaticString, key: Key) -> Bool {
            name.withUTF8Buffer { Self.same(UnsafeRawBufferPointer($0), key.bytes) }
        }

        /// memcmp, where `elementsEqual` would compare byte by byte.
        static func same(_ some: UnsafeRawBufferPointer, _ other: UnsafeRawBufferPointer) -> Bool {
            some.count == other.count && (some.isEmpty || memcmp(some.baseAddress!, other.baseAddress!, some.count) == 0)
        }

        fileprivate func precedes(_ other: Key) -> Bool {
            let common = min(bytes.count, other.bytes.count)
            let order = common == 0 ? 0 : memcmp(bytes.baseAddress!, other.bytes.baseAddress!, common)
            return order < 0 || (order == 0 && bytes.count < other.bytes.count)
        }
    }

    let text: UnsafeRawBufferPointer
    var offset: Int
    /// For the parts handed to JSONDecoder; without one, they are unreadable here.
    let decoder: JSONDecoder?
    /// True for text in which no object repeats a key whatever its order (`jsonb`'s).
    let keysUnique: Bool
    /// What JSONDecoder gave for each distinct text handed to `decodeShared`.
    var shared: [SharedText: Any] = [:]
    /// Set when `text` is a snapshot the store wrote and nobody changed since:
    /// candidates' timelines are then left where they are, to be read when needed.
    var storedTimelines: StoredTimelines?
    /// Set while reading a table whose entities repeat some texts (`readRepeatedString`).
    var repeatedValues: RepeatedValues?

    /// Reads `text` from `offset`; the text must outlive the reader.
    init(_ text: UnsafeRawBufferPointer, from offset: Int = 0, decoder: JSONDecoder? = nil, keysUnique: Bool = false) {
        self.text = text
        self.offset = offset
        self.decoder = decoder
        self.keysUnique = keysUnique
    }

    /// Reads one value of a type the reader knows.
    mutating func read<Value: JSONReadable>(_ type: Value.Type = Value.self) throws -> Value {
        try Value(json: &self)
    }

    /// True when only whitespace is left.
    mutating func isAtEnd() -> Bool {
        skipWhitespace()
        return offset == text.count
    }

    // MARK: Objects and arrays

    /// Reads an object, handing `field` each key with the reader at its value,
    /// which `field` must read (or throw `Unreadable` for a key it does not know).
    mutating func readObject(_ field: (Key, inout JSONReader) throws -> Void) throws {
        try consume(Self.openBrace)
        if consumeIfPresent(Self.closeBrace) { return }
        var previous: Key?
        repeat {
            let key = try readKey()
            if !keysUnique, let previous, !previous.precedes(key) { throw Unreadable() }
            previous = key
            try consume(Self.colon)
            try field(key, &self)
        } while try consumeSeparator(closing: Self.closeBrace)
    }

    /// Reads an array, handing `element` the reader at each element in turn.
    mutating func readArray(_ element: (inout JSONReader) throws -> Void) throws {
        try openArray()
        if consumeIfPresent(Self.closeBracket) { return }
        try readElements(element)
    }

    /// Reads the opening bracket of an array whose elements are read in parts.
    mutating func openArray() throws {
        try consume(Self.openBracket)
    }

    /// Reads the elements from here, at the start of one, through the closing bracket.
    mutating func readElements(_ element: (inout JSONReader) throws -> Void) throws {
        repeat { try element(&self) } while try consumeSeparator(closing: Self.closeBracket)
    }

    /// Reads the elements from here, at the start of one, to `end`, where a later
    /// one starts; throws if they do not end exactly there.
    mutating func readElements(before end: Int, _ element: (inout JSONReader) throws -> Void) throws {
        repeat {
            try element(&self)
            try consume(Self.comma)
            skipWhitespace()
        } while offset < end
        guard offset == end else { throw Unreadable() }
    }

    /// Steps over one value of any kind and answers where it stands in the text.
    /// Only the structure is followed: the value is for JSONDecoder, which checks the rest.
    mutating func skipValue() throws -> Range<Int> {
        skipWhitespace()
        let start = offset
        var depth = 0
        while offset < text.count {
            switch text[offset] {
            case Self.quote:
                offset += 1
                try skipStringBody()
                if depth == 0 { return start..<offset }
                continue
            case Self.openBrace, Self.openBracket: depth += 1
            case Self.closeBrace, Self.closeBracket:
                guard depth > 0 else { return try nonEmpty(start..<offset) }
                depth -= 1
                if depth == 0 {
                    offset += 1
                    return start..<offset
                }
            case Self.comma, Self.space, Self.newline, Self.tab, Self.carriageReturn:
                if depth == 0 { return try nonEmpty(start..<offset) }
            default: break
            }
            offset += 1
        }
        guard depth == 0 else { throw Unreadable() }
        return try nonEmpty(start..<offset)
    }

    /// Steps over a pretty-printed array as the store writes it, from closing
    /// bracket to closing bracket with memchr rather than byte by byte (or line
    /// by line: a timeline has ten lines for each of its few brackets). Its own
    /// starts a line indented as the line that opens it, and is the first to,
    /// since strings hold no raw line breaks and what lies within is indented further.
    mutating func skipWrittenArray() throws -> Range<Int> {
        skipWhitespace()
        let start = offset
        guard let base = text.baseAddress, start < text.count, text[start] == Self.openBracket else { throw Unreadable() }
        var lineStart = start
        while lineStart > 0, text[lineStart - 1] != Self.newline { lineStart -= 1 }
        var indentation = 0
        while text[lineStart + indentation] == Self.space { indentation += 1 }
        var next = start + 1
        while next < text.count, let found = memchr(base + next, Int32(Self.closeBracket), text.count - next) {
            let bracket = base.distance(to: UnsafeRawPointer(found))
            let line = bracket - indentation
            if line > start, text[line - 1] == Self.newline, (line..<bracket).allSatisfy({ text[$0] == Self.space }) {
                offset = bracket + 1
                return start..<offset
            }
            next = bracket + 1
        }
        throw Unreadable()
    }

    // MARK: Bytes

    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let minus = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let letterE = UInt8(ascii: "e")
    static let capitalE = UInt8(ascii: "E")
    static let letterN = UInt8(ascii: "n")
    static let letterT = UInt8(ascii: "t")
    static let space = UInt8(ascii: " ")
    static let newline = UInt8(ascii: "\n")
    static let tab = UInt8(ascii: "\t")
    static let carriageReturn = UInt8(ascii: "\r")

    mutating func skipWhitespace() {
        while offset < text.count {
            switch text[offset] {
            case Self.space, Self.newline, Self.tab, Self.carriageReturn: offset += 1
            default: return
            }
        }
    }

    mutating func consume(_ byte: UInt8) throws {
        skipWhitespace()
        guard offset < text.count, text[offset] == byte else { throw Unreadable() }
        offset += 1
    }

    private mutating func consumeIfPresent(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard offset < text.count, text[offset] == byte else { return false }
        offset += 1
        return true
    }

    /// True after a comma, false after the closing bracket.
    private mutating func consumeSeparator(closing: UInt8) throws -> Bool {
        if consumeIfPresent(Self.comma) { return true }
        try consume(closing)
        return false
    }

    private func nonEmpty(_ range: Range<Int>) throws -> Range<Int> {
        guard !range.isEmpty else { throw Unreadable() }
        return range
    }

    mutating func consumeWord(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        let here = UnsafeRawBufferPointer(rebasing: text[offset..<min(offset + count, text.count)])
        guard word.withUTF8Buffer({ Key.same(UnsafeRawBufferPointer($0), here) }) else { throw Unreadable() }
        offset += count
    }

    private mutating func readKey() throws -> Key {
        try consume(Self.quote)
        let start = offset
        while offset < text.count {
            let byte = text[offset]
            if byte == Self.quote {
                offset += 1
                return Key(bytes: UnsafeRawBufferPointer(rebasing: text[start..<offset - 1]))
            }
            // Keys the store writes are plain; an escaped one is JSONDecoder's.
            if byte == Self.backslash || byte < 0x20 { throw Unreadable() }
            offset += 1
        }
        throw Unreadable()
    }

    /// After the opening quote: to just after the closing one. With memchr, as
    /// skipping a snapshot's timelines is mostly skipping their strings.
    private mutating func skipStringBody() throws {
        guard let base = text.baseAddress else { throw Unreadable() }
        while offset < text.count {
            guard let quote = memchr(base + offset, Int32(Self.quote), text.count - offset) else { break }
            let end = base.distance(to: UnsafeRawPointer(quote))
            if let backslash = memchr(base + offset, Int32(Self.backslash), end - offset) {
                offset = base.distance(to: UnsafeRawPointer(backslash)) + 2
                continue
            }
            offset = end + 1
            return
        }
        throw Unreadable()
    }
}
