import Testing

@testable import StagehandTerminal

/// A closed pty must end the board, not spin the main loop (spec §6: it works over ssh).
@Suite struct HangupDetectorTests {
    /// Whether the detector calls each of these failed waits a hangup.
    func verdicts(_ waits: [(elapsed: Double, timeout: Double)], inputClosed: Bool = false) -> [Bool] {
        var detector = HangupDetector()
        return waits.map { detector.failed(after: $0.elapsed, waiting: $0.timeout, inputClosed: inputClosed) }
    }

    @Test("Waits that end on time are a quiet terminal")
    func quiet() {
        #expect(verdicts(Array(repeating: (0.1, 0.1), count: 10)) == Array(repeating: false, count: 10))
    }

    @Test("Waits that fail at once, again and again, are a closed terminal")
    func closed() {
        #expect(verdicts(Array(repeating: (0, 0.1), count: 3)) == [false, false, true])
    }

    @Test("A wait that ends on time in between starts the count again")
    func quietInBetween() {
        #expect(verdicts([(0, 0.1), (0, 0.1), (0.1, 0.1), (0, 0.1), (0, 0.1)]) == [false, false, false, false, false])
    }

    @Test("Input arriving in between means the terminal is alive")
    func inputInBetween() {
        var detector = HangupDetector()
        _ = detector.failed(after: 0, waiting: 0.1, inputClosed: false)
        _ = detector.failed(after: 0, waiting: 0.1, inputClosed: false)
        detector.received()
        let verdict = detector.failed(after: 0, waiting: 0.1, inputClosed: false)
        #expect(!verdict)
    }

    @Test("A poll that reports the hangup is believed at once")
    func pollHangup() {
        #expect(verdicts([(0.1, 0.1)], inputClosed: true) == [true])
    }

    @Test("Not waiting at all is never early")
    func noWait() {
        #expect(verdicts(Array(repeating: (0, 0), count: 10)) == Array(repeating: false, count: 10))
    }
}
