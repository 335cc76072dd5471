import Foundation

/// Strings, numbers and literals, read as JSONDecoder reads them or refused.
extension JSONReader {
    /// True, having read it, when the next value is `null`.
    mutating func readNull() throws -> Bool {
        skipWhitespace()
        guard offset < text.count, text[offset] == Self.letterN else { return false }
        try consumeWord("null")
        return true
    }

    mutating func readBool() throws -> Bool {
        skipWhitespace()
        guard offset < text.count else { throw Unreadable() }
        if text[offset] == Self.letterT {
            try consumeWord("true")
            return true
        }
        try consumeWord("false")
        return false
    }

    mutating func readInt() throws -> Int {
        skipWhitespace()
        let negative = offset < text.count && text[offset] == Self.minus
        if negative { offset += 1 }
        let start = offset
        var value = 0
        while offset < text.count {
            let digit = Int(text[offset]) &- 48
            guard (0...9).contains(digit) else { break }
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times10.addingReportingOverflow(digit)
            guard !overflow, !carry else { throw Unreadable() }
            value = sum
            offset += 1
        }
        // JSON forbids leading zeros; a fraction or exponent is JSONDecoder's to judge.
        guard offset > start, offset - start == 1 || text[start] != Self.zero else { throw Unreadable() }
        if offset < text.count {
            switch text[offset] {
            case Self.dot, Self.letterE, Self.capitalE: throw Unreadable()
            default: break
            }
        }
        return negative ? -value : value
    }

    mutating func readString() throws -> String {
        try readString { try Self.string($0) } escaped: { $0 }
    }

    /// A string that many entities of a table repeat (a sender, a subject): the
    /// same String as the last time the same text was read, when `repeatedValues`
    /// is set, so 100,000 emails from one recruiter hold one copy of the address.
    mutating func readRepeatedString() throws -> String {
        guard let repeatedValues else { return try readString() }
        return try readString { try repeatedValues.string($0) } escaped: { $0 }
    }

    /// A value that many entities repeat word for word (the stages a placement
    /// passed through, a candidate's tags): the same value as the last time the
    /// same text was read, when `repeatedValues` is set, read without being made again.
    mutating func readRepeated<Value: JSONReadable>(_ type: Value.Type = Value.self) throws -> Value {
        guard let repeatedValues else { return try read() }
        skipWhitespace()
        let start = offset
        let range = try skipValue()
        if let known: Value = repeatedValues.value(at: range, in: text) { return known }
        offset = start
        let value: Value = try read()
        if offset == range.upperBound { repeatedValues.remember(value, at: range, in: text) }
        return value
    }

    /// The text as a String, refusing invalid UTF-8 as JSONDecoder does, where
    /// `String(decoding:)` would repair it. Cheapest for ASCII, the usual case.
    static func string(_ utf8: UnsafeRawBufferPointer) throws -> String {
        let units = utf8.assumingMemoryBound(to: UInt8.self)
        var string = String(decoding: units, as: UTF8.self)
        guard units.allSatisfy({ $0 < 0x80 }) || string.withUTF8({ Key.same(UnsafeRawBufferPointer($0), utf8) }) else {
            throw Unreadable()
        }
        return string
    }

    /// Reads a string, handing `plain` its bytes when it has no escapes (the
    /// usual case, which needs no copy) and `escaped` the string otherwise.
    mutating func readString<Value>(
        _ plain: (UnsafeRawBufferPointer) throws -> Value, escaped: (String) throws -> Value
    ) throws -> Value {
        try consume(Self.quote)
        let start = offset
        while offset < text.count {
            let byte = text[offset]
            if byte == Self.quote {
                offset += 1
                return try plain(UnsafeRawBufferPointer(rebasing: text[start..<offset - 1]))
            }
            if byte == Self.backslash || byte < 0x20 {
                return try escaped(readEscapedString(from: start))
            }
            offset += 1
        }
        throw Unreadable()
    }

    /// The rest of a string that starts at `start` and has an escape at `offset`,
    /// decoding escapes as JSON says. The runs between escapes are copied whole:
    /// an email body is mostly such runs between line breaks.
    private mutating func readEscapedString(from start: Int) throws -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(offset - start + 64)
        utf8.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[start..<offset]))
        while offset < text.count {
            var end = offset
            while end < text.count, text[end] != Self.quote, text[end] != Self.backslash, text[end] >= 0x20 { end += 1 }
            utf8.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[offset..<end]))
            offset = end
            guard offset < text.count else { break }
            let byte = text[offset]
            offset += 1
            switch byte {
            case Self.quote: return try utf8.withUnsafeBytes { try Self.string($0) }
            case Self.backslash: try appendEscape(to: &utf8)
            default: throw Unreadable()
            }
        }
        throw Unreadable()
    }

    private mutating func appendEscape(to utf8: inout [UInt8]) throws {
        guard offset < text.count else { throw Unreadable() }
        let byte = text[offset]
        offset += 1
        switch byte {
        case Self.quote, Self.backslash, UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var code = try readHexCodeUnit()
            if (0xD800..<0xDC00).contains(code) {
                // A high surrogate must be followed by an escaped low one.
                try consumeWord("\\u")
                let low = try readHexCodeUnit()
                guard (0xDC00..<0xE000).contains(low) else { throw Unreadable() }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else { throw Unreadable() }
            utf8.append(contentsOf: UTF8.encode(scalar)!)
        default: throw Unreadable()
        }
    }

    private mutating func readHexCodeUnit() throws -> UInt32 {
        guard text.count - offset >= 4 else { throw Unreadable() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = text[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Unreadable()
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }
}
