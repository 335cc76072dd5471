import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lets a long-running process sleep until the state file changes, a deadline passes
/// or someone calls `wake()` (a signal handler, say), without polling: inotify on the
/// state file's folder and a pipe, waited on together with poll(2).
public final class StateFileWatch: @unchecked Sendable {
    private let watched: Set<String>
    private let inotify: Int32
    private let waker: WakePipe

    public init(_ stateFile: URL) throws {
        let name = stateFile.lastPathComponent
        let folder = stateFile.deletingLastPathComponent().path
        watched = [name, name + ".journal"]
        guard let waker = WakePipe() else { throw Self.failure(folder) }
        self.waker = waker
        #if canImport(Glibc)
        inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard inotify >= 0 else { throw Self.failure(folder) }
        let events = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE)
        guard inotify_add_watch(inotify, folder, events) >= 0 else { throw Self.failure(folder) }
        #else
        inotify = -1
        #endif
    }

    deinit {
        if inotify >= 0 { close(inotify) }
    }

    private static func failure(_ folder: String) -> StateFileError {
        .unreadable(path: folder, reason: "cannot watch it for changes: \(String(cString: strerror(errno)))")
    }

    /// Safe from any thread.
    public func wake() { waker.wake() }

    /// Waits until the state file changes, `deadline` passes (never, when nil) or `wake()`.
    public func wait(until deadline: Date?) -> WatchReason {
        while true {
            let remaining = deadline.map { $0.timeIntervalSinceNow } ?? .infinity
            if remaining <= 0 { return .deadline }
            // Capped so that a changed system clock is noticed within the hour.
            let milliseconds = Int32(min(remaining, 3600) * 1000) + 1
            var descriptors = [pollfd(fd: waker.readEnd, events: Int16(POLLIN), revents: 0)]
            if inotify >= 0 { descriptors.append(pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), inotify >= 0 ? milliseconds : min(milliseconds, 1000))
            if ready < 0 && errno == EINTR { continue }
            if descriptors[0].revents != 0 {
                waker.drain()
                return .woken
            }
            if descriptors.count > 1, descriptors[1].revents != 0, concernsStateFile() { return .changed }
            if inotify < 0 && ready == 0 { return .changed }
        }
    }

    /// Reads every pending event; true if one names the snapshot or the journal
    /// (not the lock file, which every reader opens).
    private func concernsStateFile() -> Bool {
        #if canImport(Glibc)
        var concerns = false
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let count = read(inotify, &buffer, buffer.count)
            guard count > 0 else { return concerns }
            var offset = 0
            buffer.withUnsafeBytes { bytes in
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = bytes[nameStart..<min(count, nameStart + Int(event.len))].prefix { $0 != 0 }
                    if watched.contains(String(decoding: nameBytes, as: UTF8.self)) { concerns = true }
                    offset = nameStart + Int(event.len)
                }
            }
        }
        #else
        return true
        #endif
    }
}
