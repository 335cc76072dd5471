/// The quoted-printable body encoding (RFC 2045 §6.7): any UTF-8 text as ASCII lines of at
/// most 76 characters, still readable where it is plain English.
enum QuotedPrintable {
    static let lineLimit = 76

    /// Every line of `text` (split at CR LF, CR or LF) encoded and ended with CR LF, so the
    /// body always ends with a line break and a lone CR or LF never reaches the wire.
    static func encode(_ text: String) -> String {
        lines(of: Array(text.utf8)).map(encodeLine).joined()
    }

    private static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case carriageReturn, lineFeed:
                lines.append(bytes[start..<index])
                let isPair = bytes[index] == carriageReturn && index + 1 < bytes.count && bytes[index + 1] == lineFeed
                index += isPair ? 2 : 1
                start = index
            default:
                index += 1
            }
        }
        lines.append(bytes[start...])
        return lines
    }

    private static func encodeLine(_ line: ArraySlice<UInt8>) -> String {
        var encoded = ""
        var length = 0
        for index in line.indices {
            let isLast = index == line.index(before: line.endIndex)
            let piece = encode(line[index], atEndOfLine: isLast)
            // A soft break costs the "=" that ends the line, except after the line's last piece.
            let room = isLast ? lineLimit : lineLimit - 1
            if length + piece.count > room {
                encoded += "=\r\n"
                length = 0
            }
            encoded += piece
            length += piece.count
        }
        return encoded + "\r\n"
    }

    /// Trailing spaces and tabs are encoded because mail software may strip them.
    private static func encode(_ byte: UInt8, atEndOfLine: Bool) -> String {
        switch byte {
        case 0x21...0x3C, 0x3E...0x7E: String(UnicodeScalar(byte))
        case 0x20 where !atEndOfLine, 0x09 where !atEndOfLine: String(UnicodeScalar(byte))
        default: "=" + hexDigits[Int(byte >> 4)] + hexDigits[Int(byte & 0x0F)]
        }
    }

    private static let carriageReturn: UInt8 = 0x0D
    private static let lineFeed: UInt8 = 0x0A
    private static let hexDigits = "0123456789ABCDEF".map(String.init)
}
