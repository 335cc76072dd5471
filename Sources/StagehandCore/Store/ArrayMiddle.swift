import Foundation

/// Where a large pretty-printed array can be split between two readers: each
/// element starts on a line of its own, at one indentation. A guess from the
/// layout, which reading proves: the first reader must end exactly where the
/// second began (`JSONReader.readElements(before:)`).
enum ArrayMiddle {
    /// Where an element starts near the middle of the text left after `json`,
    /// which is just after an array's opening bracket, up to `end` (where the
    /// array ends, when that is known); nil when the elements are not on lines
    /// of their own, or the array ends before the middle.
    static func middle(of json: JSONReader, before end: Int? = nil) -> Int? {
        let text = json.text
        var first = json.offset
        while first < text.count, Self.isWhitespace(text[first]) { first += 1 }
        let indentation = spaces(before: first, in: text, after: json.offset)
        guard let indentation, first < text.count, text[first] == openBrace else { return nil }
        var lineStart = first + (min(end ?? text.count, text.count) - first) / 2
        while let newline = memchr(text.baseAddress! + lineStart, Int32(newline), text.count - lineStart) {
            lineStart = text.baseAddress!.distance(to: UnsafeRawPointer(newline)) + 1
            var content = lineStart
            while content < text.count, text[content] == space { content += 1 }
            if content - lineStart < indentation { return nil }
            if content - lineStart == indentation, content < text.count, text[content] == openBrace { return content }
        }
        return nil
    }

    /// How many spaces `offset` follows on its line, when only spaces stand between
    /// it and a line break after `start`.
    private static func spaces(before offset: Int, in text: UnsafeRawBufferPointer, after start: Int) -> Int? {
        var lineStart = offset
        while lineStart > start, text[lineStart - 1] == space { lineStart -= 1 }
        guard lineStart > start, text[lineStart - 1] == newline else { return nil }
        return offset - lineStart
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == newline || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private static var space: UInt8 { UInt8(ascii: " ") }
    private static var newline: UInt8 { UInt8(ascii: "\n") }
    private static var openBrace: UInt8 { UInt8(ascii: "{") }
}
