/// The configured transport cannot be used from this process: nothing is claimed or
/// sent until it is fixed, so no email fails because of it.
public enum MailSetupError: UserFacingError, Equatable {
    case noSMTPServer
    case passwordVariableUnset(name: String)
    case passwordFileUnreadable(path: String, detail: String)
    case badSendmailCommand(String)
    case sendmailNotFound(program: String)
    case certificateFileUnreadable(path: String)
    case certificateFileHoldsNoCertificate(path: String)
    /// A user name with nowhere to read its password from: the login would be refused.
    case noPassword(user: String)
    case badDeadline(variable: String, value: String)
    /// libcurl, opened when SMTP is first used, is not installed here.
    case libcurlMissing(detail: String)

    public var sentence: String {
        switch self {
        case .noSMTPServer:
            "Mail is set to go out by SMTP but no server is set: run 'stagehand mail set smtp --host HOST'."
        case .passwordVariableUnset(let name):
            "The SMTP password is read from the environment variable \(name), which is not set here: export \(name) before starting Stagehand, or keep the password in a file with 'stagehand mail set smtp --password-file PATH'."
        case .passwordFileUnreadable(let path, let detail):
            "Cannot read the SMTP password file \(path) (\(detail)): make sure it exists and that you can read it."
        case .certificateFileUnreadable(let path):
            "Cannot read the certificate authority file \(path): make sure it exists and you can read it, or forget it with 'stagehand mail set smtp --ca-file \"\"'."
        case .certificateFileHoldsNoCertificate(let path):
            "The CA file \(path) holds no certificate: point --ca-file at the server's CA certificate (PEM)."
        case .noPassword(let user):
            "The SMTP login \(user) has no password: give it with 'stagehand mail set smtp --password-env NAME' or '--password-file PATH', or send without logging in with --no-login."
        case .badDeadline(let variable, let value):
            "\(variable) is '\(value)', which is not a number of seconds: unset it, or give one such as 60."
        case .libcurlMissing(let detail):
            "Sending by SMTP needs libcurl, which could not be loaded here (\(detail)): install it (Debian: apt install libcurl4), or send through a sendmail program with 'stagehand mail set sendmail'."
        case .badSendmailCommand(let command):
            "The sendmail command '\(command)' is empty or has an unclosed quote: set it again with 'stagehand mail set sendmail --command \"sendmail -t -i\"'."
        case .sendmailNotFound(let program) where program.contains("/"):
            "The sendmail program \(program) does not exist or cannot be run: give the path of an installed one with 'stagehand mail set sendmail --command'."
        case .sendmailNotFound(let program):
            "The sendmail program '\(program)' was not found on PATH: install it (Debian: apt install msmtp-mta) or set another with 'stagehand mail set sendmail --command'."
        }
    }
}
