/// Delivers a finished message: to the outbox folder, a sendmail command or an SMTP server.
/// Synchronous on purpose: the dispatcher calls it outside the state lock and records the
/// outcome afterwards, so there is nothing for it to await.
public protocol MailTransport: Sendable {
    func send(_ message: MailMessage) throws
}
