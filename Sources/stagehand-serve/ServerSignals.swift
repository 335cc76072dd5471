import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// SIGTERM (systemd's stop), SIGINT (Ctrl-C) and SIGHUP stop the server cleanly:
/// every board puts its client's terminal back and says why before the
/// connection ends. SIGUSR1 opens the audit log again, for logrotate.
final class ServerSignals {
    private let sources: [any DispatchSourceSignal]

    init(stop: @escaping @Sendable () -> Void, reopenLog: @escaping @Sendable () -> Void) {
        let handlers: [(Int32, @Sendable () -> Void)] = [(SIGTERM, stop), (SIGINT, stop), (SIGHUP, stop), (SIGUSR1, reopenLog)]
        sources = handlers.map { number, handler in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }

    func cancel() { sources.forEach { $0.cancel() } }
}
