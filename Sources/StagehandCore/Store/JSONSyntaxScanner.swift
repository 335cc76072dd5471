import Foundation

/// A small JSON syntax checker over raw bytes. Foundation's decoder on Linux
/// does not say where a syntax error is, so after a decode has failed this
/// finds the first error — or where a coding path's value starts — to point the
/// user at a line and column. It never runs when a file reads fine.
struct JSONSyntaxScanner {
    struct SyntaxError: Error {
        let offset: Int
        let problem: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0
    /// Foundation's decoder refuses deeper nesting too; the limit also keeps this recursion off the stack's edge.
    private static let maximumDepth = 512
    private static let anyValue = "a value (an object, array, string, number, true, false or null)"

    private init(_ data: Data) { bytes = [UInt8](data) }

    /// The first syntax error, or nil when the text is one valid JSON value.
    static func firstError(in data: Data) -> SyntaxError? {
        var scanner = JSONSyntaxScanner(data)
        do {
            try scanner.skipValue()
            scanner.skipWhitespace()
            if scanner.current != nil {
                throw scanner.failure("there is more text after the end of the JSON document")
            }
            return nil
        } catch {
            return error as? SyntaxError
        }
    }

    /// Where the value at `path` begins, or nil when the text has no such value.
    static func offset(of path: [any CodingKey], in data: Data) -> Int? {
        var scanner = JSONSyntaxScanner(data)
        return (try? scanner.seek(path[...])) ?? nil
    }

    /// What kind of JSON value starts at `offset`, as a phrase ("a number").
    static func kindOfValue(at offset: Int, in data: Data) -> String? {
        guard offset < data.count else { return nil }
        switch data[data.startIndex + offset] {
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "true or false"
        case UInt8(ascii: "n"): return "null"
        default: return "a number"
        }
    }

    static func location(of offset: Int, in data: Data) -> TextLocation {
        var line = 1
        var column = 1
        for byte in data.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Counts characters, as editors do, not UTF-8 continuation bytes.
                column += 1
            }
        }
        return TextLocation(line: line, column: column)
    }

    // MARK: Scanning

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func failure(_ problem: String, at offset: Int? = nil) -> SyntaxError {
        SyntaxError(offset: offset ?? index, problem: problem)
    }

    /// The current byte as a phrase for a message.
    private var found: String {
        guard let byte = current else { return "the end of the file" }
        switch byte {
        case UInt8(ascii: "\n"): return "a line break"
        case 0x21..<0x7F: return "'\(Character(Unicode.Scalar(byte)))'"
        case 0x80...: return "a non-ASCII character"
        default: return "a control character"
        }
    }

    private mutating func skipWhitespace() {
        while let byte = current,
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                || byte == UInt8(ascii: "\t")
        {
            index += 1
        }
    }

    private mutating func skipValue() throws {
        skipWhitespace()
        guard let byte = current else { throw failure("the file ends where a value was expected") }
        switch byte {
        case UInt8(ascii: "{"): try skipObject()
        case UInt8(ascii: "["): try skipArray()
        case UInt8(ascii: "\""): _ = try scanString(decoding: false)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try skipNumber()
        case UInt8(ascii: "t"): try skipWord("true")
        case UInt8(ascii: "f"): try skipWord("false")
        case UInt8(ascii: "n"): try skipWord("null")
        default:
            throw failure("expected \(Self.anyValue) but found \(found)")
        }
    }

    private mutating func enterContainer() throws {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw failure("objects and arrays are nested more than \(Self.maximumDepth) levels deep")
        }
        index += 1
    }

    private mutating func skipObject() throws {
        try enterContainer()
        defer { depth -= 1 }
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            _ = try scanMemberName()
            try skipValue()
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                let comma = index
                index += 1
                skipWhitespace()
                if current == UInt8(ascii: "}") {
                    throw failure("a comma stands before '}', which JSON does not allow", at: comma)
                }
            case UInt8(ascii: "}"):
                index += 1
                return
            default:
                throw failure("expected ',' or '}' after a property's value but found \(found)")
            }
        }
    }

    private mutating func skipArray() throws {
        try enterContainer()
        defer { depth -= 1 }
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            try skipValue()
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                let comma = index
                index += 1
                skipWhitespace()
                if current == UInt8(ascii: "]") {
                    throw failure("a comma stands before ']', which JSON does not allow", at: comma)
                }
            case UInt8(ascii: "]"):
                index += 1
                return
            default:
                throw failure("expected ',' or ']' after an array element but found \(found)")
            }
        }
    }

    /// Reads `"name" :` and answers the name.
    private mutating func scanMemberName() throws -> String {
        skipWhitespace()
        guard current == UInt8(ascii: "\"") else {
            throw failure("expected a property name in double quotes but found \(found)")
        }
        let name = try scanString(decoding: true)
        skipWhitespace()
        guard current == UInt8(ascii: ":") else {
            throw failure("expected ':' after the property name \"\(name)\" but found \(found)")
        }
        index += 1
        return name
    }

    /// Reads a string; its decoded value is only built when `decoding` (names, not values).
    private mutating func scanString(decoding: Bool) throws -> String {
        index += 1
        var decoded: [UInt8] = []
        while true {
            guard let byte = current else {
                throw failure("the file ends inside a string (a closing '\"' is missing)")
            }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                let scalar = try scanEscape()
                if decoding { decoded.append(contentsOf: String(scalar).utf8) }
            case 0..<0x20:
                throw failure("a string contains \(found); write it as an escape such as \\n")
            case 0x80...:
                let length = try utf8SequenceLength()
                if decoding { decoded.append(contentsOf: bytes[index..<index + length]) }
                index += length
            default:
                if decoding { decoded.append(byte) }
                index += 1
            }
        }
    }

    /// The length of the multi-byte UTF-8 character at `index`, checked.
    private func utf8SequenceLength() throws -> Int {
        let length =
            switch bytes[index] {
            case 0xC2...0xDF: 2
            case 0xE0...0xEF: 3
            case 0xF0...0xF4: 4
            default: 0
            }
        guard length > 0, index + length <= bytes.count,
            bytes[index + 1..<index + length].allSatisfy({ $0 & 0xC0 == 0x80 })
        else {
            throw failure("the text is not valid UTF-8 here; save the file as UTF-8")
        }
        return length
    }

    private mutating func scanEscape() throws -> Unicode.Scalar {
        let backslash = index
        index += 1
        guard let byte = current else {
            throw failure("the file ends inside a string (a closing '\"' is missing)")
        }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return Unicode.Scalar(byte)
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try scanHexUnit(escapeAt: backslash)
            if (0xD800..<0xDC00).contains(unit), bytes[index...].starts(with: Array("\\u".utf8)) {
                let low = index
                index += 2
                let second = try scanHexUnit(escapeAt: low)
                if (0xDC00..<0xE000).contains(second) {
                    return Unicode.Scalar(0x10000 + (unit - 0xD800) << 10 + (second - 0xDC00)) ?? "\u{FFFD}"
                }
            }
            return Unicode.Scalar(unit) ?? "\u{FFFD}"
        default:
            let character = Character(Unicode.Scalar(byte))
            throw failure("'\\\(character)' is not a valid escape in a string", at: backslash)
        }
    }

    private mutating func scanHexUnit(escapeAt backslash: Int) throws -> UInt32 {
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Character(Unicode.Scalar(byte)).hexDigitValue else {
                throw failure("a \\u escape needs four hexadecimal digits", at: backslash)
            }
            unit = unit * 16 + UInt32(digit)
            index += 1
        }
        return unit
    }

    private mutating func skipNumber() throws {
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, isDigit(first) else {
            throw failure("expected a digit after '-' but found \(found)")
        }
        index += 1
        if first == UInt8(ascii: "0"), let next = current, isDigit(next) {
            throw failure("a number starts with 0 followed by more digits, which JSON does not allow")
        }
        skipDigits()
        if current == UInt8(ascii: ".") {
            index += 1
            guard let byte = current, isDigit(byte) else {
                throw failure("expected a digit after the decimal point but found \(found)")
            }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let byte = current, isDigit(byte) else {
                throw failure("expected a digit in the number's exponent but found \(found)")
            }
            skipDigits()
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private mutating func skipDigits() {
        while let byte = current, isDigit(byte) { index += 1 }
    }

    private mutating func skipWord(_ word: String) throws {
        let start = index
        for expected in word.utf8 {
            guard current == expected else {
                var end = start
                while end < bytes.count, end - start < 12, Character(Unicode.Scalar(bytes[end])).isLetter { end += 1 }
                let text = String(decoding: bytes[start..<max(end, start + 1)], as: UTF8.self)
                throw failure("expected \(Self.anyValue) but found '\(text)'", at: start)
            }
            index += 1
        }
    }

    // MARK: Locating a coding path

    private mutating func seek(_ path: ArraySlice<any CodingKey>) throws -> Int? {
        skipWhitespace()
        guard let key = path.first else { return index }
        if let position = key.intValue, current == UInt8(ascii: "[") {
            index += 1
            skipWhitespace()
            if current == UInt8(ascii: "]") { return nil }
            var element = 0
            while true {
                if element == position { return try seek(path.dropFirst()) }
                try skipValue()
                skipWhitespace()
                guard current == UInt8(ascii: ",") else { return nil }
                index += 1
                element += 1
            }
        }
        guard current == UInt8(ascii: "{") else { return nil }
        index += 1
        skipWhitespace()
        if current == UInt8(ascii: "}") { return nil }
        while true {
            if try scanMemberName() == key.stringValue { return try seek(path.dropFirst()) }
            try skipValue()
            skipWhitespace()
            guard current == UInt8(ascii: ",") else { return nil }
            index += 1
        }
    }
}
