import Foundation

/// RFC 2047 encoded-words, the way mail headers carry text that is not plain ASCII.
enum EncodedWords {
    /// RFC 2047 §2 caps one encoded-word at 75 characters.
    static let longestWord = 75

    private static let prefix = "=?UTF-8?B?"
    private static let suffix = "?="

    /// `text` as base64 encoded-words no longer than `longestWord`. Words break only between
    /// characters (between scalars for a character too long for one word), because readers
    /// decode each word on its own and a split UTF-8 sequence would come out as garbage.
    static func encode(_ text: String, longestWord: Int) -> [String] {
        let bytesPerWord = (longestWord - prefix.count - suffix.count) / 4 * 3
        var chunks: [[UInt8]] = []

        func place(_ bytes: [UInt8]) {
            if let last = chunks.indices.last, chunks[last].count + bytes.count <= bytesPerWord {
                chunks[last] += bytes
            } else {
                chunks.append(bytes)
            }
        }

        for character in text {
            let bytes = Array(String(character).utf8)
            if bytes.count <= bytesPerWord {
                place(bytes)
            } else {
                character.unicodeScalars.forEach { place(Array(String($0).utf8)) }
            }
        }
        return chunks.map { prefix + Data($0).base64EncodedString() + suffix }
    }
}
