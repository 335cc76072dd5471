import Foundation

/// Part of a snapshot read on another thread while the reader that started it
/// reads the rest: two cores read a large workspace in about half the time.
///
/// On a thread of its own, not a shared pool's: the reader waits for it, and a
/// pool whose threads all wait that way would never run it.
final class ReadOnAnotherThread<Value: Sendable>: @unchecked Sendable {
    /// Read once `finished` is signalled, which orders the write before the read.
    private var outcome: Result<Value, any Error>?
    private let finished = DispatchSemaphore(value: 0)

    init(_ read: @escaping @Sendable () throws -> Value) {
        Thread { [self] in
            outcome = Result { try read() }
            finished.signal()
        }.start()
    }

    /// A value read here after all.
    init(finished value: Value) {
        outcome = .success(value)
        finished.signal()
    }

    /// Waits for the value; may be asked again (a reader asks once more on its way
    /// out, whatever happened, so that no thread still reads a file it gave up on),
    /// so the signal is passed on.
    func value() throws -> Value {
        finished.wait()
        finished.signal()
        return try outcome!.get()
    }
}
