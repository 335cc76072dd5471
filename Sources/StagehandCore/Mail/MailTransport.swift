/// Delivers a finished message: to the outbox folder, a sendmail command or an SMTP server.
/// Synchronous on purpose: the dispatcher calls it outside the state lock and records the
/// outcome afterwards, so there is nothing for it to await.
public protocol MailTransport: Sendable {
    /// Returns what the other side said on accepting the message ("250 2.0.0 Ok: queued"),
    /// for `stagehand mail test`; throws a `DeliveryFailure` when it was not accepted.
    @discardableResult
    func send(_ message: MailMessage) throws -> String

    /// Checks what can be checked without sending a message, for `stagehand mail`: returns
    /// what was checked, as a clause; throws what stands in the way, in a sentence.
    func checkWithoutSending() throws -> String
}
