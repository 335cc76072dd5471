import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A termination signal that arrived and has not been acted on yet. The signal
/// handler only records it, which is all a handler may safely do; the main actor
/// acts on it between waits for input.
enum PendingSignal {
    private static let number = Atomic<Int32>(0)

    static var received: Int32? {
        let value = number.load(ordering: .sequentiallyConsistent)
        return value == 0 ? nil : value
    }

    /// Installs the handler for these signals. The record is made before the
    /// first signal can arrive: a global is initialised lazily, which a signal
    /// handler must not trigger.
    static func catchSignals(_ signals: [Int32]) {
        _ = received
        for number in signals {
            signal(number, record)
        }
    }

    /// A second signal before the first was acted on means the program is not
    /// reaching `nextEvent`: end it the default way rather than be unkillable.
    /// Except a second hangup: a closing terminal says so more than once (the
    /// kernel and the terminal emulator each send SIGHUP), and that must not cut
    /// short the board finishing what nobody cancelled.
    private static let record: @convention(c) (Int32) -> Void = { received in
        let (recorded, first) = number.compareExchange(expected: 0, desired: received, ordering: .sequentiallyConsistent)
        if !recorded, !(received == SIGHUP && first == SIGHUP) {
            signal(received, SIG_DFL)
            raise(received)
        }
    }
}
