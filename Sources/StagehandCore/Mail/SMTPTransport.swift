import CCurl
import Foundation

/// Hands each message to an SMTP server through libcurl, which speaks the protocol,
/// STARTTLS, implicit TLS and AUTH; this type only says where, how and what, and turns
/// the server's answer into a transient or permanent `DeliveryFailure`.
public struct SMTPTransport: MailTransport {
    public let settings: SMTPSettings
    let password: String?
    /// One limit for the whole conversation, however its time is spread over the phases.
    public let deadline: Duration

    public init(settings: SMTPSettings, password: String?, deadline: Duration = SMTPDeadline.standard) {
        self.settings = settings
        self.password = password
        self.deadline = deadline
    }

    /// Reads the password from where the settings say it is (never from the state file),
    /// and refuses what can be seen to be wrong before connecting.
    public static func make(_ settings: SMTPSettings, environment: [String: String]) throws -> SMTPTransport {
        if let missing = stagehand_curl_unavailable() { throw MailSetupError.libcurlMissing(detail: String(cString: missing)) }
        if let authorities = settings.certificateAuthorityFile { try CertificateAuthorityFile.check(authorities) }
        var password: String?
        if let name = settings.passwordVariable {
            guard let value = environment[name], !value.isEmpty else { throw MailSetupError.passwordVariableUnset(name: name) }
            password = value
        } else if let path = settings.passwordFile {
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                password = text.trimmingCharacters(in: .newlines)
            } catch {
                let detail = (error as NSError).localizedFailureReason ?? error.localizedDescription
                throw MailSetupError.passwordFileUnreadable(path: path, detail: detail)
            }
        } else if let user = settings.username {
            throw MailSetupError.noPassword(user: user)
        }
        return SMTPTransport(settings: settings, password: password, deadline: try SMTPDeadline.from(environment))
    }

    var url: String {
        let scheme = settings.security == .tls ? "smtps" : "smtp"
        let host = settings.host.contains(":") && !settings.host.hasPrefix("[") ? "[\(settings.host)]" : settings.host
        return "\(scheme)://\(host):\(settings.port)"
    }

    var server: String { "\(settings.host):\(settings.port)" }

    @discardableResult
    public func send(_ message: MailMessage) throws -> String {
        try DeliveryFailure.checkAddress(message.fromAddress, role: "sender")
        try DeliveryFailure.checkAddress(message.toAddress, role: "recipient")
        let exchange = try converse(sending: message)
        if exchange.result == CURLE_OK {
            let answer = exchange.decidingReply ?? "\(exchange.replyCode) accepted"
            // libcurl skips the login when the server offers none: say so rather than let "login jobs" mislead.
            return settings.username != nil && !exchange.offeredLogin ? answer + " (the server offered no login, so none was made)" : answer
        }
        throw failure(of: exchange)
    }

    /// Connects, upgrades to TLS and logs in as a send would, then hangs up before naming
    /// a sender: says what was checked, or throws the failure a send would have met there.
    public func checkWithoutSending() throws -> String {
        let exchange = try converse(sending: nil)
        guard exchange.result == CURLE_OK else { throw failure(of: exchange) }
        let protection = switch settings.security {
        case .starttls: "switched to TLS (STARTTLS) with a certificate it trusts"
        case .tls: "spoke TLS from the start with a certificate it trusts"
        case .none: "answered without encryption, as set"
        }
        let login = switch (settings.username, exchange.offeredLogin) {
        case (nil, _): "no login is set"
        case (let user?, true): "the login \(user) was accepted"
        case (_, false): "the server offered no login, so none is made"
        }
        return "the server at \(server) \(protection), and \(login)"
    }

    private func converse(sending message: MailMessage?) throws -> SMTPExchange {
        guard let exchange = SMTPExchange.run(settings, url: url, password: password, deadline: deadline, sending: message) else {
            throw DeliveryFailure(.transient, "libcurl could not start a transfer.")
        }
        return exchange
    }
}
