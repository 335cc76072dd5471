import CCurl

extension SMTPTransport {
    /// A reply code of 400 or more is the server speaking, and its class decides; without
    /// one, what went wrong on the way decides. Settings that cannot work (TLS spoken to a
    /// plain server, a CA file libcurl cannot use, a refused login) stay wrong until someone
    /// changes them, so they fail at once, saying what to change, instead of being retried.
    func failure(of exchange: SMTPExchange) -> DeliveryFailure {
        let code = exchange.replyCode
        if exchange.ranOutOfTime {
            let silence = "no answer within \(Self.describe(deadline))"
            if exchange.sentWholeMessage, code < 400 {
                // It may have the message: sending it again could deliver it twice.
                return DeliveryFailure(.uncertain, "The server went silent after receiving the whole message (\(silence)): it may have it")
            }
            return DeliveryFailure(.transient, "The server at \(server) gave \(silence): check that it is a working mail server, or wait for it to recover.")
        }
        let curlSaid = exchange.curlSaid
        let answer = exchange.decidingReply ?? (code > 0 ? "\(code) (\(curlSaid))" : curlSaid)
        if exchange.result == CURLE_LOGIN_DENIED {
            return DeliveryFailure(.permanent, "The server \(server) refused the login \(settings.username ?? ""): \(answer) — check the user name and password.")
        }
        if code >= 400 { return .fromReply(code: code, detail: "The server answered \(answer)") }
        switch exchange.result {
        case CURLE_SSL_CONNECT_ERROR where settings.security == .tls && Self.isPlainTextSpokenToTLS(curlSaid):
            return DeliveryFailure(.permanent, "The server at \(server) does not speak TLS on connect: use --security starttls or none.")
        case CURLE_SSL_CACERT_BADFILE:
            let file = settings.certificateAuthorityFile ?? "given with --ca-file"
            return DeliveryFailure(.permanent, "The CA file \(file) cannot be used (\(curlSaid)): point --ca-file at the server's CA certificate (PEM).")
        case CURLE_USE_SSL_FAILED:
            return DeliveryFailure(.permanent, "The server \(server) does not offer STARTTLS: use --security tls for port 465, or none for a local relay (\(curlSaid)).")
        case CURLE_PEER_FAILED_VERIFICATION:
            return DeliveryFailure(.permanent, "The certificate of \(server) is not trusted: give its authority with --ca-file PATH (\(curlSaid)).")
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return DeliveryFailure(.permanent, "Cannot talk to \(server): \(curlSaid).")
        case CURLE_COULDNT_CONNECT:
            return DeliveryFailure(.transient, "Nothing answers at \(server): check that the mail server is running, or correct its host and port with 'stagehand mail set smtp'.")
        default:
            return DeliveryFailure(.transient, "Could not deliver through \(server): \(curlSaid).")
        }
    }

    /// What OpenSSL says when the first bytes back are an SMTP greeting, not a TLS record
    /// (the wording changed across OpenSSL versions).
    static func isPlainTextSpokenToTLS(_ curlSaid: String) -> Bool {
        ["wrong version number", "packet length too long", "unknown protocol", "record layer failure"].contains {
            curlSaid.localizedCaseInsensitiveContains($0)
        }
    }

    /// "60 seconds", "1.5 seconds".
    static func describe(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        let number = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        return seconds == 1 ? "1 second" : "\(number) seconds"
    }
}
