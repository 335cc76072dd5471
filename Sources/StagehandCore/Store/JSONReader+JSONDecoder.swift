import Foundation

/// The parts of a file that are small but intricate, handed to JSONDecoder whole.
extension JSONReader {
    /// Text that JSONDecoder read as a value of some type.
    struct SharedText: Hashable {
        let type: ObjectIdentifier
        let text: Data
    }

    /// Hands the next value to JSONDecoder.
    mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try decode(type, from: Data(UnsafeRawBufferPointer(rebasing: text[try skipValue()])))
    }

    /// Like `decode`, for values repeated throughout a file (the actions in runs
    /// are copies of their stages' actions): each distinct text is decoded once,
    /// and the value shared.
    mutating func decodeShared<Value: Decodable>(_ type: Value.Type) throws -> Value {
        let range = try skipValue()
        let key = SharedText(type: ObjectIdentifier(type), text: Data(UnsafeRawBufferPointer(rebasing: text[range])))
        if let value = shared[key] as? Value { return value }
        let value = try decode(type, from: key.text)
        shared[key] = value
        return value
    }

    private func decode<Value: Decodable>(_ type: Value.Type, from text: Data) throws -> Value {
        guard let decoder, let value = try? decoder.decode(type, from: text) else { throw Unreadable() }
        return value
    }
}
