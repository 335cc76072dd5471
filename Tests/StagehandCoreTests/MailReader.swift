import Foundation
import Testing

/// A small reader for the messages `MailMessage.rfc5322()` writes, independent of the writer's
/// code: it unfolds headers, decodes RFC 2047 encoded-words and the quoted-printable body, so
/// tests can check that what a mail program would show is the original text.
struct ReadMessage {
    /// Header lines as written, folding kept, without their CR LF.
    var rawHeaderLines: [String]
    /// Body lines as written, without their CR LF.
    var rawBodyLines: [String]
    /// Unfolded header fields in order, with their values exactly as written.
    var fields: [(name: String, value: String)]
    var body: String

    init(_ data: Data) throws {
        let text = try #require(String(data: data, encoding: .utf8))
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts[0]
        let encodedBody = parts.dropFirst().joined(separator: "\r\n\r\n")
        rawHeaderLines = head.components(separatedBy: "\r\n")
        guard encodedBody.hasSuffix("\r\n") else { throw ReadFailure.bodyNotEndedByLineBreak }
        // Dropped as bytes: to String, "\r\n" is a single character.
        let bodyLines = String(decoding: encodedBody.utf8.dropLast(2), as: UTF8.self)
        rawBodyLines = bodyLines.components(separatedBy: "\r\n")
        fields = head.replacingOccurrences(of: "\r\n ", with: " ").components(separatedBy: "\r\n").map { line in
            let colon = line.firstIndex(of: ":")!
            return (String(line[..<colon]), String(line[line.index(after: colon)...].dropFirst()))
        }
        body = try Self.decodeQuotedPrintable(bodyLines)
    }

    func values(of name: String) -> [String] {
        fields.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    /// The decoded text of an unstructured field such as Subject.
    func text(of name: String) throws -> String {
        try Self.decodeEncodedWords(try #require(values(of: name).first))
    }

    /// The decoded display name and the address of a From or To field.
    func mailbox(_ name: String) throws -> (name: String, address: String) {
        let value = try #require(values(of: name).first)
        guard value.hasSuffix(">"), let open = value.range(of: " <", options: .backwards) else {
            return ("", value)
        }
        let address = String(value[open.upperBound...].dropLast())
        let phrase = String(value[..<open.lowerBound])
        if phrase.hasPrefix("\"") {
            return (Self.unquote(phrase), address)
        }
        return (try Self.decodeEncodedWords(phrase), address)
    }

    enum ReadFailure: Error {
        case bodyNotEndedByLineBreak, badEscape(String), badEncodedWord(String)
    }

    /// RFC 2047 §6.2: whitespace between two adjacent encoded-words is not part of the text.
    static func decodeEncodedWords(_ value: String) throws -> String {
        let word = /=\?UTF-8\?B\?([A-Za-z0-9+\/=]*)\?=/
        var bytes: [UInt8] = []
        var rest = value[...]
        var previousWasEncoded = false
        while let match = rest.firstMatch(of: word) {
            let between = rest[..<match.range.lowerBound]
            if !(previousWasEncoded && between.allSatisfy({ $0 == " " })) {
                bytes += Array(between.utf8)
            }
            guard let decoded = Data(base64Encoded: String(match.output.1)) else {
                throw ReadFailure.badEncodedWord(String(match.output.0))
            }
            bytes += Array(decoded)
            previousWasEncoded = true
            rest = rest[match.range.upperBound...]
        }
        bytes += Array(rest.utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func unquote(_ quoted: String) -> String {
        var result = ""
        var escaping = false
        for character in quoted.dropFirst().dropLast() {
            if !escaping, character == "\\" {
                escaping = true
                continue
            }
            result.append(character)
            escaping = false
        }
        return result
    }

    static func decodeQuotedPrintable(_ encoded: String) throws -> String {
        let joined = encoded.replacingOccurrences(of: "=\r\n", with: "")
        var bytes: [UInt8] = []
        var iterator = Array(joined.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "=") else {
                bytes.append(byte)
                continue
            }
            let hex = String(decoding: [iterator.next() ?? 0, iterator.next() ?? 0], as: UTF8.self)
            guard hex == hex.uppercased(), let value = UInt8(hex, radix: 16) else { throw ReadFailure.badEscape(hex) }
            bytes.append(value)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
