/// Tells a closed terminal from a quiet one. When the pty goes away, `wget_wch`
/// returns ERR at once instead of waiting: without noticing, the main loop would
/// spin at full speed forever.
struct HangupDetector: Sendable {
    /// Early failures in a row that count as a hangup; a single one may be a
    /// signal interrupting the wait.
    static let earlyFailuresForHangup = 3

    private var earlyFailures = 0

    /// Records a `wget_wch` that returned ERR after `elapsed` seconds when asked to
    /// wait `timeout` seconds. `inputClosed` is what `poll` says about the input
    /// (hung up or invalid). Returns whether the terminal is gone.
    mutating func failed(after elapsed: Double, waiting timeout: Double, inputClosed: Bool) -> Bool {
        if inputClosed { return true }
        let early = timeout >= 0.01 && elapsed < timeout / 2
        earlyFailures = early ? earlyFailures + 1 : 0
        return earlyFailures >= Self.earlyFailuresForHangup
    }

    /// Input arrived: the terminal is alive.
    mutating func received() {
        earlyFailures = 0
    }
}
