import Foundation

/// The first part of a large array, read on another thread while the reader
/// that found it reads the rest of the file: a snapshot's candidates are most
/// of its bytes, and two cores read them in about half the time.
///
/// Where the head ends is a guess from the layout — in the pretty-printed
/// snapshot each element starts on a line of its own, at one indentation — and
/// reading proves it: the head must end exactly where the other reader began.
/// When it does not, `elements()` throws, and the snapshot is read the general
/// way.
final class ArrayHead<Element: JSONReadable & Sendable>: @unchecked Sendable {
    /// Read once `finished` is signalled, which orders the write before the read.
    private var outcome: Result<[Element], any Error> = .success([])
    private let finished = DispatchSemaphore(value: 0)

    /// Starts reading the elements from `start`, where the first one begins, to
    /// `end`. On a thread of its own, not a shared pool's: the reader waits for
    /// it, and a pool whose threads all wait that way would never run it.
    init(of text: MappedFile, from start: Int, to end: Int, storedTimelines: StoredTimelines?) {
        Thread { [self] in
            outcome = Result {
                var json = JSONReader(text.bytes, from: start)
                json.storedTimelines = storedTimelines
                var pages = PagesRead(of: text, from: start)
                var elements: [Element] = []
                try json.readElements(before: end) { json in
                    elements.append(try Element(json: &json))
                    pages.passed(json.offset)
                }
                return elements
            }
            finished.signal()
        }.start()
    }

    /// Waits for the head to be read; may be asked again (the reader asks once more
    /// on its way out, whatever happened), so the signal is passed on.
    func elements() throws -> [Element] {
        finished.wait()
        finished.signal()
        return try outcome.get()
    }

    /// Where an element starts near the middle of the text left after `json`,
    /// which is just after an array's opening bracket; nil when the elements are
    /// not on lines of their own, or the array ends before the middle.
    static func middle(of json: JSONReader) -> Int? {
        let text = json.text
        var first = json.offset
        while first < text.count, Self.isWhitespace(text[first]) { first += 1 }
        let indentation = spaces(before: first, in: text, after: json.offset)
        guard let indentation, first < text.count, text[first] == openBrace else { return nil }
        var lineStart = first + (text.count - first) / 2
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
