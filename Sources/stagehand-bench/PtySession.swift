import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real `stagehand` board on a pseudo-terminal, read byte by byte.
final class PtySession {
    let master: Int32
    let pid: pid_t
    var buffer = Data()

    init(binary: String, state: String, width: Int, height: Int, arguments: [String] = []) throws {
        var master: Int32 = 0
        var slave: Int32 = 0
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw BenchUsageError(description: "openpty failed: \(String(cString: strerror(errno)))")
        }
        self.master = master
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in Int32(0)...2 { posix_spawn_file_actions_adddup2(&actions, slave, descriptor) }
        posix_spawn_file_actions_addclose(&actions, master)
        let environment = ["TERM=xterm-256color", "LANG=C.UTF-8", "STAGEHAND_STATE=\(state)", "HOME=/tmp", "PATH=/usr/bin:/bin"]
        // As a member, so the bottom bar shows keys rather than the read-only notice.
        let argv: [UnsafeMutablePointer<CChar>?] = ([binary, "--as", "ana"] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, binary, &actions, nil, argv, envp)
        Glibc.close(slave)
        guard spawned == 0 else { throw BenchUsageError(description: "could not start \(binary)") }
        self.pid = pid
    }

    func send(_ text: String) throws {
        _ = text.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count - 1) }
    }

    /// Reads until the screen output contains `text`.
    func readUntil(contains text: String, timeout: Double) throws {
        let needle = Data(text.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while buffer.range(of: needle) == nil {
            guard Date() < deadline else {
                throw BenchUsageError(description: "The board never drew '\(text)'; it wrote: \(String(decoding: buffer.suffix(600), as: UTF8.self))")
            }
            _ = readAvailable(waiting: 0.05)
        }
    }

    /// Reads whatever comes until nothing arrives for `quietFor` seconds; returns the byte count.
    @discardableResult
    func drain(quietFor: Double) -> Int {
        var total = 0
        while true {
            let count = readAvailable(waiting: quietFor)
            if count == 0 { return total }
            total += count
        }
    }

    private func readAvailable(waiting seconds: Double) -> Int {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(seconds * 1000)) > 0 else { return 0 }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = read(master, &chunk, chunk.count)
        guard count > 0 else { return 0 }
        buffer.append(contentsOf: chunk[0..<count])
        return count
    }

    func close() {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        Glibc.close(master)
    }
}
