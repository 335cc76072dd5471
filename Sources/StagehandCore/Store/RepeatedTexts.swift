/// The texts a reader has made into Strings, so that a text read again is the
/// same String, sharing its storage: the emails of a large workspace repeat a
/// few senders and subjects, and each candidate's address in every email to them.
///
/// Bounded: a table of texts that never repeat fills it and then costs a hash per
/// text, nothing more. One reader's, on one thread.
final class RepeatedTexts {
    private static let capacity = 1 << 16
    private var known: [Int: String] = [:]

    init() {}

    /// `utf8` as a String, checked as `JSONReader.string` checks it.
    func string(_ utf8: UnsafeRawBufferPointer) throws -> String {
        // Short ones are held within the String itself: nothing to share.
        guard utf8.count > 15 else { return try JSONReader.string(utf8) }
        let key = Self.hash(utf8)
        if var found = known[key], found.utf8.count == utf8.count,
            found.withUTF8({ JSONReader.Key.same(UnsafeRawBufferPointer($0), utf8) })
        {
            return found
        }
        let string = try JSONReader.string(utf8)
        if known.count < Self.capacity { known[key] = string }
        return string
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
