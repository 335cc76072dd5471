import Foundation

/// A type that `JSONReader` reads directly. Each gives exactly what JSONDecoder
/// gives with the store's settings, or throws `JSONReader.Unreadable`.
protocol JSONReadable {
    init(json: inout JSONReader) throws
}

extension String: JSONReadable {
    init(json: inout JSONReader) throws { self = try json.readString() }
}

extension Int: JSONReadable {
    init(json: inout JSONReader) throws { self = try json.readInt() }
}

extension Bool: JSONReadable {
    init(json: inout JSONReader) throws { self = try json.readBool() }
}

extension Identifier: JSONReadable {
    init(json: inout JSONReader) throws { self.init(try json.readString()) }
}

/// Missing and null both read as nil, as `decodeIfPresent` does.
extension Optional: JSONReadable where Wrapped: JSONReadable {
    init(json: inout JSONReader) throws {
        self = try json.readNull() ? nil : try Wrapped(json: &json)
    }
}

extension Array: JSONReadable where Element: JSONReadable {
    /// Exactly as large as needed: grown by appending, a timeline of 10 entries
    /// would keep room for 16, a third of a large workspace's timelines wasted.
    init(json: inout JSONReader) throws {
        var elements: [Element] = []
        try json.readArray { elements.append(try Element(json: &$0)) }
        self = elements.capacity > elements.count ? Array(unsafeUninitializedCapacity: elements.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: elements)
        } : elements
    }
}

extension JSONReadable where Self: RawRepresentable, RawValue == String {
    init(json: inout JSONReader) throws {
        guard let value = Self(rawValue: try json.readString()) else { throw JSONReader.Unreadable() }
        self = value
    }
}

extension JSONReadable where Self: RawRepresentable, RawValue == Int {
    init(json: inout JSONReader) throws {
        guard let value = Self(rawValue: try Int(json: &json)) else { throw JSONReader.Unreadable() }
        self = value
    }
}

extension ActivityKind: JSONReadable {}
extension EmailStatus: JSONReadable {}

/// The store's decoder reads dates with the `.iso8601` strategy, which parses
/// with `Date.ISO8601FormatStyle`; the form the store writes is read without it.
extension Date: JSONReadable {
    init(json: inout JSONReader) throws {
        let date = try json.readString { text in
            ISO8601Timestamp.date(text) ?? Self.parsed(try? JSONReader.string(text))
        } escaped: {
            Self.parsed($0)
        }
        guard let date else { throw JSONReader.Unreadable() }
        self = date
    }

    private static func parsed(_ text: String?) -> Date? {
        text.flatMap { try? Date.ISO8601FormatStyle().parse($0) }
    }
}
