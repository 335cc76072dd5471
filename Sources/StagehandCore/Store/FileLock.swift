#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Readers share the lock; a writer holds it alone for its whole read-modify-write.
enum LockKind {
    case shared, exclusive
}

extension OpenFile {
    /// Runs `body` while holding a `flock` on this file (as Git's `*.lock` files
    /// guard a repository). `flock` cannot wait with a time limit, so a busy lock
    /// is retried with short, growing pauses until `timeout` has passed.
    func whileLocked<Result>(
        _ kind: LockKind, timeout: Duration, _ body: () throws -> Result
    ) throws -> Result {
        let operation = (kind == .shared ? LOCK_SH : LOCK_EX) | LOCK_NB
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var pauseMicroseconds: UInt32 = 200
        while flock(descriptor, operation) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                throw StateFileError.lockUnavailable(path: path, reason: StateFileError.text(of: code))
            }
            guard clock.now < deadline else { throw StateFileError.lockTimeout(path: path) }
            usleep(pauseMicroseconds)
            pauseMicroseconds = min(pauseMicroseconds * 2, 10_000)
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
