/// What Stagehand accepts as an address to send to or from: one `@` with something on
/// both sides, and nothing that could break out of an SMTP envelope, a header or a
/// command line (controls, spaces, angle brackets, commas).
public enum EmailAddress {
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        let unsafe = text.unicodeScalars.contains {
            $0.properties.generalCategory == .control || $0 == " " || $0 == "<" || $0 == ">" || $0 == ","
        }
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && !unsafe
    }
}
