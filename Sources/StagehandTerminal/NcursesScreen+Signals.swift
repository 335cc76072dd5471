#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension NcursesScreen {
    /// Makes these signals restore the terminal before the process exits with
    /// 128 + the signal's number; without it Ctrl-C, `kill` or a closed ssh
    /// session leave the shell with no echo and a hidden cursor.
    ///
    /// The handler only notes the signal; `nextEvent` acts on it, and never
    /// waits longer than a tenth of a second at once, so a board that keeps
    /// asking for input ends within that. `beforeExit` runs on the main actor
    /// after the terminal is restored, to finish what must not be lost. A second
    /// signal while the first is pending, or during `beforeExit`, ends the
    /// process at once.
    public static func restoreTerminalOnSignals(
        _ screen: NcursesScreen, signals: [Int32] = [SIGINT, SIGTERM, SIGHUP],
        beforeExit: @escaping @MainActor (Int32) -> Void = { _ in }
    ) {
        guard !screen.isStopped else { return }
        screen.caughtSignals = signals
        screen.beforeSignalExit = beforeExit
        PendingSignal.catchSignals(signals)
    }

    func endOnSignal(_ number: Int32) -> Never {
        stop()
        // Restoring the terminal gave signals back their default action; a closing
        // terminal's further hangups must not end the process before `beforeExit` is done.
        signal(SIGHUP, SIG_IGN)
        beforeSignalExit(number)
        exit(128 + number)
    }

    /// Once the terminal is restored, signals may end the process the usual way.
    func releaseSignals() {
        for number in caughtSignals {
            signal(number, SIG_DFL)
        }
        caughtSignals = []
    }
}
