import CCurl
import Foundation

/// Hands each message to an SMTP server through libcurl, which speaks the protocol,
/// STARTTLS, implicit TLS and AUTH; this type only says where, how and what, and turns
/// the server's answer into a transient or permanent `DeliveryFailure`.
public struct SMTPTransport: MailTransport {
    public let settings: SMTPSettings
    let password: String?
    public let connectTimeoutSeconds: Int
    public let timeoutSeconds: Int

    public init(settings: SMTPSettings, password: String?, connectTimeoutSeconds: Int = 15, timeoutSeconds: Int = 60) {
        self.settings = settings
        self.password = password
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.timeoutSeconds = timeoutSeconds
    }

    /// Reads the password from where the settings say it is (never from the state file).
    public static func make(_ settings: SMTPSettings, environment: [String: String]) throws -> SMTPTransport {
        if let authorities = settings.certificateAuthorityFile, !FileManager.default.isReadableFile(atPath: authorities) {
            throw MailSetupError.certificateFileUnreadable(path: authorities)
        }
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
        }
        return SMTPTransport(settings: settings, password: password)
    }

    /// libcurl's global setup is not safe to race with other threads' first use.
    private static let curlReady: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    var url: String {
        let scheme = settings.security == .tls ? "smtps" : "smtp"
        let host = settings.host.contains(":") && !settings.host.hasPrefix("[") ? "[\(settings.host)]" : settings.host
        return "\(scheme)://\(host):\(settings.port)"
    }

    @discardableResult
    public func send(_ message: MailMessage) throws -> String {
        try DeliveryFailure.checkAddress(message.fromAddress, role: "sender")
        try DeliveryFailure.checkAddress(message.toAddress, role: "recipient")
        guard Self.curlReady, let handle = curl_easy_init() else {
            throw DeliveryFailure(.transient, "libcurl could not start a transfer.")
        }
        defer { curl_easy_cleanup(handle) }
        let exchange = SMTPExchange(message: message.rfc5322())
        let context = Unmanaged.passUnretained(exchange).toOpaque()
        let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorText.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorText.deallocate() }
        let recipients = curl_slist_append(nil, "<\(message.toAddress)>")
        defer { curl_slist_free_all(recipients) }

        stagehand_curl_set_string(handle, CURLOPT_URL, url)
        stagehand_curl_set_long(handle, CURLOPT_USE_SSL, settings.security == .starttls ? Int(CURLUSESSL_ALL.rawValue) : Int(CURLUSESSL_NONE.rawValue))
        stagehand_curl_set_string(handle, CURLOPT_MAIL_FROM, "<\(message.fromAddress)>")
        stagehand_curl_set_list(handle, CURLOPT_MAIL_RCPT, recipients)
        if let username = settings.username {
            stagehand_curl_set_string(handle, CURLOPT_USERNAME, username)
            stagehand_curl_set_string(handle, CURLOPT_PASSWORD, password ?? "")
        }
        if let authorities = settings.certificateAuthorityFile { stagehand_curl_set_string(handle, CURLOPT_CAINFO, authorities) }
        stagehand_curl_set_long(handle, CURLOPT_UPLOAD, 1)
        stagehand_curl_set_callback(handle, CURLOPT_READFUNCTION, smtpReadMessage)
        stagehand_curl_set_pointer(handle, CURLOPT_READDATA, context)
        // The server's replies reach only the debug callback whole (RCPT's among them).
        stagehand_curl_set_debug_callback(handle, smtpKeepReply)
        stagehand_curl_set_pointer(handle, CURLOPT_DEBUGDATA, context)
        stagehand_curl_set_long(handle, CURLOPT_VERBOSE, 1)
        stagehand_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorText)
        // Signals are how libcurl times out name lookups by default; unsafe with threads.
        stagehand_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        stagehand_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, connectTimeoutSeconds)
        stagehand_curl_set_long(handle, CURLOPT_TIMEOUT, timeoutSeconds)
        // Waiting for a reply has its own limit (120 s by default), which CURLOPT_TIMEOUT does not cut short.
        stagehand_curl_set_long(handle, CURLOPT_SERVER_RESPONSE_TIMEOUT, timeoutSeconds)

        let result = withExtendedLifetime(exchange) { curl_easy_perform(handle) }
        var code = 0
        stagehand_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &code)
        // libcurl may say goodbye (221) after the reply that mattered, so look that one up by its code.
        let replyText = exchange.replies.last { $0.hasPrefix(String(code)) }
        if result == CURLE_OK {
            let answer = replyText ?? "\(code) accepted"
            // libcurl skips the login when the server offers none: say so rather than let "login jobs" mislead.
            let offeredLogin = exchange.replies.contains { $0.hasPrefix("250") && $0.uppercased().contains("AUTH") }
            return settings.username != nil && !offeredLogin ? answer + " (the server offered no login, so none was made)" : answer
        }
        let curlSaid = String(cString: errorText)
        var failure = failure(result, reply: code, replyText: replyText, curlSaid: curlSaid.isEmpty ? String(cString: curl_easy_strerror(result)) : curlSaid)
        if failure.isTransient, code < 400, exchange.offset == exchange.message.count {
            failure = DeliveryFailure(.uncertain, "The server went silent after receiving the whole message (\(failure.detail)): it may have it")
        }
        throw failure
    }

    /// A reply code of 400 or more is the server speaking, and its class decides; without
    /// one, what went wrong on the way decides.
    func failure(_ result: CURLcode, reply: Int, replyText: String?, curlSaid: String) -> DeliveryFailure {
        let server = "\(settings.host):\(settings.port)"
        let answer = replyText ?? (reply > 0 ? "\(reply) (\(curlSaid))" : curlSaid)
        if result == CURLE_LOGIN_DENIED {
            return DeliveryFailure(.permanent, "The server \(server) refused the login \(settings.username ?? ""): \(answer) — check the user name and password.")
        }
        if reply >= 400 { return .fromReply(code: reply, detail: "The server answered \(answer)") }
        switch result {
        case CURLE_USE_SSL_FAILED:
            return DeliveryFailure(.permanent, "The server \(server) does not offer STARTTLS: use --security tls for port 465, or none for a local relay (\(curlSaid)).")
        case CURLE_PEER_FAILED_VERIFICATION:
            return DeliveryFailure(.permanent, "The certificate of \(server) is not trusted: give its authority with --ca-file PATH (\(curlSaid)).")
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return DeliveryFailure(.permanent, "Cannot talk to \(server): \(curlSaid).")
        default:
            return DeliveryFailure(.transient, "Could not deliver through \(server): \(curlSaid).")
        }
    }
}

/// What one transfer reads from and tells about: the message bytes still to upload
/// and the server's latest reply line. Touched only by the thread running the transfer.
private final class SMTPExchange {
    let message: Data
    var offset = 0
    var replies: [String] = []

    init(message: Data) {
        self.message = message
    }
}

private func smtpReadMessage(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let buffer, let context else { return 0 }
    let exchange = Unmanaged<SMTPExchange>.fromOpaque(context).takeUnretainedValue()
    let length = min(size * count, exchange.message.count - exchange.offset)
    guard length > 0 else { return 0 }
    exchange.message.withUnsafeBytes { bytes in
        UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress! + exchange.offset, byteCount: length)
    }
    exchange.offset += length
    return length
}

/// Keeps the server's reply lines; everything else libcurl reports is dropped.
private func smtpKeepReply(
    _ handle: UnsafeMutableRawPointer?, _ type: curl_infotype, _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ context: UnsafeMutableRawPointer?
) -> Int32 {
    guard type == CURLINFO_HEADER_IN, let data, let context else { return 0 }
    let exchange = Unmanaged<SMTPExchange>.fromOpaque(context).takeUnretainedValue()
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    for line in text.split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
        exchange.replies.append(line.trimmingCharacters(in: .whitespaces))
    }
    return 0
}
