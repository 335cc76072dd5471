import CCurl
import Foundation

/// One conversation with an SMTP server through libcurl, under one deadline for the whole
/// of it: either handing over a message, or (with no message) going as far as the login
/// and hanging up, which checks the settings without sending anything.
///
/// libcurl's own limits are per phase — the connection, the transfer, and each reply
/// (which the transfer's limit does not cover once the message is sent) — so together
/// they allow far more than any one of them says. The progress callback, which libcurl
/// calls at least once a second whatever it is waiting for, enforces the one deadline.
final class SMTPExchange {
    /// The bytes still to upload come from here; empty when only checking.
    let message: Data
    var offset = 0
    /// The server's reply lines, in order: only the debug callback sees them all.
    var replies: [String] = []
    private let deadline: ContinuousClock.Instant
    private(set) var ranOutOfTime = false

    private(set) var result = CURLE_OK
    /// The code of the reply libcurl acted on last (0 when there was none).
    private(set) var replyCode = 0
    /// libcurl's own words for what went wrong, when it did.
    private(set) var curlSaid = ""

    private init(message: Data, deadline: Duration) {
        self.message = message
        self.deadline = .now + deadline
    }

    /// libcurl's global setup is not safe to race with other threads' first use.
    private static let curlReady: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    var sentWholeMessage: Bool { !message.isEmpty && offset == message.count }

    /// The reply that decided the outcome; libcurl may say goodbye (221) after it, so it
    /// is looked up by its code.
    var decidingReply: String? { replies.last { $0.hasPrefix(String(replyCode)) } }

    /// Whether the server's greeting offered a login (an EHLO line naming AUTH).
    var offeredLogin: Bool { replies.contains { $0.hasPrefix("250") && $0.uppercased().contains("AUTH") } }

    /// Runs the conversation to its end, or to the deadline. Nil when libcurl could not
    /// even start one.
    static func run(
        _ settings: SMTPSettings, url: String, password: String?, deadline: Duration, sending message: MailMessage?
    ) -> SMTPExchange? {
        guard curlReady, let handle = curl_easy_init() else { return nil }
        defer { curl_easy_cleanup(handle) }
        let exchange = SMTPExchange(message: message?.rfc5322() ?? Data(), deadline: deadline)
        let context = Unmanaged.passUnretained(exchange).toOpaque()
        let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorText.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorText.deallocate() }
        let recipients = message.map { curl_slist_append(nil, "<\($0.toAddress)>") } ?? nil
        defer { curl_slist_free_all(recipients) }

        stagehand_curl_set_string(handle, CURLOPT_URL, url)
        stagehand_curl_set_long(handle, CURLOPT_USE_SSL, settings.security == .starttls ? Int(CURLUSESSL_ALL.rawValue) : Int(CURLUSESSL_NONE.rawValue))
        if let username = settings.username {
            stagehand_curl_set_string(handle, CURLOPT_USERNAME, username)
            stagehand_curl_set_string(handle, CURLOPT_PASSWORD, password ?? "")
        }
        if let authorities = settings.certificateAuthorityFile { stagehand_curl_set_string(handle, CURLOPT_CAINFO, authorities) }
        if let message {
            stagehand_curl_set_string(handle, CURLOPT_MAIL_FROM, "<\(message.fromAddress)>")
            stagehand_curl_set_list(handle, CURLOPT_MAIL_RCPT, recipients)
            stagehand_curl_set_long(handle, CURLOPT_UPLOAD, 1)
            stagehand_curl_set_callback(handle, CURLOPT_READFUNCTION, smtpReadMessage)
            stagehand_curl_set_pointer(handle, CURLOPT_READDATA, context)
        } else {
            // libcurl's connection setup for SMTP is the greeting, EHLO, STARTTLS and AUTH;
            // stopping there checks all of them and sends nothing.
            stagehand_curl_set_long(handle, CURLOPT_CONNECT_ONLY, 1)
        }
        stagehand_curl_set_debug_callback(handle, smtpKeepReply)
        stagehand_curl_set_pointer(handle, CURLOPT_DEBUGDATA, context)
        stagehand_curl_set_long(handle, CURLOPT_VERBOSE, 1)
        stagehand_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorText)
        // Signals are how libcurl times out name lookups by default; unsafe with threads.
        stagehand_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        // A connection kept for reuse says goodbye (QUIT) at cleanup, after this function's
        // answer is known and outside the deadline's watch; closing it with the transfer
        // keeps that wait inside.
        stagehand_curl_set_long(handle, CURLOPT_FORBID_REUSE, 1)
        stagehand_curl_set_progress_callback(handle, smtpWatchDeadline)
        stagehand_curl_set_pointer(handle, CURLOPT_XFERINFODATA, context)
        stagehand_curl_set_long(handle, CURLOPT_NOPROGRESS, 0)
        // libcurl's own limits stay at the deadline so none of them outlasts it alone
        // (a reply's wait defaults to 120 s); the callback cuts their sum.
        let milliseconds = Int(deadline.components.seconds * 1000 + deadline.components.attoseconds / 1_000_000_000_000_000)
        stagehand_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds)
        stagehand_curl_set_long(handle, CURLOPT_TIMEOUT_MS, milliseconds)
        stagehand_curl_set_long(handle, CURLOPT_SERVER_RESPONSE_TIMEOUT, max(1, (milliseconds + 999) / 1000))

        exchange.result = withExtendedLifetime(exchange) { curl_easy_perform(handle) }
        stagehand_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &exchange.replyCode)
        let said = String(cString: errorText)
        exchange.curlSaid = said.isEmpty ? String(cString: curl_easy_strerror(exchange.result)) : said
        if exchange.result == CURLE_OPERATION_TIMEDOUT { exchange.ranOutOfTime = true }
        return exchange
    }

    fileprivate func watchDeadline() -> Int32 {
        guard ContinuousClock.now >= deadline else { return 0 }
        ranOutOfTime = true
        return 1
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

/// Non-zero stops the conversation: the deadline has passed.
private func smtpWatchDeadline(_ context: UnsafeMutableRawPointer?, _: curl_off_t, _: curl_off_t, _: curl_off_t, _: curl_off_t) -> Int32 {
    guard let context else { return 0 }
    return Unmanaged<SMTPExchange>.fromOpaque(context).takeUnretainedValue().watchDeadline()
}
