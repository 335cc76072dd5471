import CPseudoTerminal
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// One board running on a pseudo-terminal of its own, as the leader of a new
/// session: started by `posix_spawn` (no Swift code runs in the child before
/// exec), fed the client's keys, read by a thread of its own, and reaped.
final class SessionProcess: Sendable {
    let pid: pid_t
    private let master: Int32
    private let writes = DispatchQueue(label: "stagehand-serve.session-input")
    private let reaped = Mutex(false)
    private let ending = Mutex<String?>(nil)

    /// The biggest terminal a board is drawn for: enough for any screen people
    /// use, while a client claiming 2000×1000 cannot make a board eat memory.
    static let maxColumns = 400
    static let maxRows = 150

    /// `arguments` starts with the program's name, as `argv` does.
    init(executable: String, arguments: [String], environment: [String: String], rows: Int, columns: Int) throws {
        var master: Int32 = -1
        var slave = [CChar](repeating: 0, count: 128)
        let opened = stagehand_open_pty(&master, &slave, slave.count, Self.clamp(rows, max: Self.maxRows), Self.clamp(columns, max: Self.maxColumns))
        guard opened == 0 else { throw ServeError("Cannot open a pseudo-terminal (\(String(cString: strerror(opened)))).") }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = stagehand_spawn_session(&pid, executable, argv, envp, slave)
        guard spawned == 0 else {
            close(master)
            throw ServeError("Cannot start \(executable) (\(String(cString: strerror(spawned)))).")
        }
        self.pid = pid
        self.master = master
    }

    private static func clamp(_ value: Int, max limit: Int) -> UInt16 { UInt16(clamping: min(max(1, value), limit)) }

    /// The client's keys, in order, without holding up the event loop.
    func write(_ bytes: [UInt8]) {
        writes.async { [master] in
            var done = 0
            while done < bytes.count {
                let put = bytes[done...].withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
                if put < 0 {
                    if errno == EINTR { continue }
                    return
                }
                done += put
            }
        }
    }

    func resize(rows: Int, columns: Int) {
        _ = stagehand_set_window_size(master, Self.clamp(rows, max: Self.maxRows), Self.clamp(columns, max: Self.maxColumns))
    }

    /// Reads the board's output on a thread of its own until the board is gone
    /// (the pty answers EIO), then reaps it and reports its exit status.
    func run(output: @escaping @Sendable ([UInt8]) -> Void, exited: @escaping @Sendable (Int32) -> Void) {
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 16 * 1024)
            while true {
                let got = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                if got > 0 {
                    output(Array(buffer[..<got]))
                } else if got < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            reaped.withLock { $0 = true }
            writes.sync {}
            close(master)
            // As a shell reports it: the exit code, or 128 plus the signal.
            let signal = status & 0x7f
            exited(signal == 0 ? (status >> 8) & 0xff : 128 + signal)
        }
        thread.name = "stagehand-serve session \(pid)"
        thread.start()
    }

    /// Why the server ended the board (stopping, idle), once it has.
    var endReason: String? { ending.withLock { $0 } }

    /// The server ends the board while the client is still there: SIGTERM, on which
    /// the board restores the terminal, and its last output reaches the client.
    /// SIGKILL three seconds later if it is still there.
    func end(because reason: String) {
        guard !reaped.withLock({ $0 }) else { return }
        ending.withLock { $0 = $0 ?? reason }
        kill(-pid, SIGTERM)
        DispatchQueue.global().asyncAfter(deadline: .now() + 3) { [self] in
            if !reaped.withLock({ $0 }) { kill(-pid, SIGKILL) }
        }
    }

    /// The connection dropped: SIGHUP to the session, as a terminal hanging up
    /// would, then SIGKILL two seconds later if it is still there.
    func hangUp() {
        guard !reaped.withLock({ $0 }) else { return }
        kill(-pid, SIGHUP)
        DispatchQueue.global().asyncAfter(deadline: .now() + 2) { [self] in
            if !reaped.withLock({ $0 }) { kill(-pid, SIGKILL) }
        }
    }
}
