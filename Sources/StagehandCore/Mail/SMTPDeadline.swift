/// How long one conversation with an SMTP server may take in all, from the connection to
/// the server's last reply: the README promises an answer within 60 s. Tests that talk to
/// a silent server shorten it with STAGEHAND_SMTP_DEADLINE (seconds) rather than wait a minute.
public enum SMTPDeadline {
    public static let standard: Duration = .seconds(60)
    static let variable = "STAGEHAND_SMTP_DEADLINE"

    static func from(_ environment: [String: String]) throws -> Duration {
        guard let text = environment[variable] else { return standard }
        guard let seconds = Double(text), seconds > 0, seconds <= 3600 else {
            throw MailSetupError.badDeadline(variable: variable, value: text)
        }
        return .milliseconds(Int(seconds * 1000))
    }
}
