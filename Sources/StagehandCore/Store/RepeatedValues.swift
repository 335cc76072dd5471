/// What a reader has made of texts that many entities repeat word for word, so
/// that the same text read again is the same value, sharing its storage: the
/// emails of a large workspace repeat a few senders and subjects, and each
/// candidate's address in every email to them; candidates repeat their tags,
/// followers, talent pools and the stages they passed through.
///
/// Bounded: texts that never repeat fill it and then cost a hash each, nothing
/// more. One reader's, on one thread, for one text.
final class RepeatedValues {
    private static let capacity = 1 << 16
    private var strings: [Int: String] = [:]
    private var values: [Int: (range: Range<Int>, value: Any)] = [:]

    init() {}

    /// `utf8` as a String, checked as `JSONReader.string` checks it.
    func string(_ utf8: UnsafeRawBufferPointer) throws -> String {
        // Short ones are held within the String itself: nothing to share.
        guard utf8.count > 15 else { return try JSONReader.string(utf8) }
        let key = Self.hash(utf8)
        if var found = strings[key], found.utf8.count == utf8.count,
            found.withUTF8({ JSONReader.Key.same(UnsafeRawBufferPointer($0), utf8) })
        {
            return found
        }
        let string = try JSONReader.string(utf8)
        if strings.count < Self.capacity { strings[key] = string }
        return string
    }

    /// The value read before from the same text as `text[range]`, if any.
    func value<Value>(at range: Range<Int>, in text: UnsafeRawBufferPointer) -> Value? {
        let bytes = UnsafeRawBufferPointer(rebasing: text[range])
        guard let known = values[Self.hash(bytes)],
            JSONReader.Key.same(UnsafeRawBufferPointer(rebasing: text[known.range]), bytes)
        else { return nil }
        return known.value as? Value
    }

    func remember<Value>(_ value: Value, at range: Range<Int>, in text: UnsafeRawBufferPointer) {
        guard values.count < Self.capacity else { return }
        values[Self.hash(UnsafeRawBufferPointer(rebasing: text[range]))] = (range, value)
    }

    /// FNV-1a over 8-byte words: a third of the cost of `Hasher` on texts this
    /// short. A collision only costs a text not shared; the bytes are compared.
    private static func hash(_ utf8: UnsafeRawBufferPointer) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(utf8.count)
        var offset = 0
        while offset + 8 <= utf8.count {
            hash = (hash ^ utf8.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x100_0000_01b3
            hash ^= hash >> 29
            offset += 8
        }
        while offset < utf8.count {
            hash = (hash ^ UInt64(utf8[offset])) &* 0x100_0000_01b3
            offset += 1
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
