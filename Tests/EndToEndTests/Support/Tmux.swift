#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation

/// A real terminal for the real binary: a tmux session on a private server,
/// typed into with `send-keys` and read with `capture-pane`.
final class TmuxSession {
    let socket = "stagehand-test-\(UUID().uuidString.prefix(8))"
    private let statusFile = FileManager.default.temporaryDirectory.appendingPathComponent("stagehand-exit-\(UUID().uuidString)").path
    let name = "board"

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `command` in a detached session of the given size. `lingering` keeps the
    /// pane's terminal alive after the command ends, so that the modes it left the
    /// terminal in can be read (tmux reports a dead pane's cursor as hidden).
    init(command: [String], width: Int = 120, height: Int = 35, environment: [String: String], lingering: Bool = false) throws {
        guard let tmux = Self.tmuxPath else {
            throw Failure(description: "tmux is not installed: install it (apt-get install tmux); .ci/run does this.")
        }
        self.tmux = tmux
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }
        // The exit status goes to a file: a shell reports it more dependably than tmux's pane status.
        let script = "\"$0\" \"$@\"; echo $? > \(Self.quote(statusFile))" + (lingering ? "; exec sleep 600" : "")
        let line = (["exec", "env", "-i"] + assignments + ["/bin/sh", "-c", Self.quote(script)] + command.map(Self.quote))
            .joined(separator: " ")
        try run(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", line])
        try run(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    private let tmux: String

    deinit {
        _ = try? run(["kill-server"])
        unlink(statusFile)
    }

    /// Keys in tmux's names (`Down`, `Enter`, `Escape`, `S-Right`) or literal characters.
    func send(_ keys: String...) throws {
        try send(contentsOf: keys)
    }

    func send(contentsOf keys: [String]) throws {
        guard !keys.isEmpty else { return }
        try run(["send-keys", "-t", name] + keys)
    }

    /// Bytes exactly as given, as a terminal would send them: `"\u{1B}[1~"` is Home as tmux and the Linux console send it.
    func sendRaw(_ text: String) throws {
        try run(["send-keys", "-t", name, "-H"] + text.utf8.map { String(format: "%02x", $0) })
    }

    func type(_ text: String) throws {
        try run(["send-keys", "-t", name, "-l", text])
    }

    /// The screen as text, one line per row.
    func capture() throws -> String {
        try run(["capture-pane", "-p", "-t", name])
    }

    /// The screen and the lines scrolled off it.
    func captureWithHistory() throws -> String {
        try run(["capture-pane", "-p", "-J", "-S", "-", "-t", name])
    }

    /// The screen with colours and attributes as escape sequences.
    func captureStyled() throws -> String {
        try run(["capture-pane", "-p", "-e", "-t", name])
    }

    /// What the terminal is left in: "1 0 1" is the alternate screen on, the cursor
    /// hidden and mouse reporting on, as a board that did not restore it leaves it.
    func terminalModes() throws -> (alternateScreen: Bool, cursorShown: Bool, mouseReporting: Bool) {
        let flags = try run(["display-message", "-p", "-t", name, "#{alternate_on} #{cursor_flag} #{mouse_any_flag}"])
            .split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "1" }
        guard flags.count == 3 else { throw Failure(description: "tmux did not say the terminal's modes") }
        return (flags[0], flags[1], flags[2])
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The process running in the pane (the shell that started the program).
    func panePID() throws -> pid_t {
        guard let pid = pid_t(try run(["list-panes", "-t", name, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure(description: "tmux did not say which process runs in the pane")
        }
        return pid
    }

    /// Closes the terminal under the program, as a dropped ssh connection does:
    /// the pty goes away and its processes get SIGHUP.
    func closeTerminal() throws {
        try run(["kill-session", "-t", name])
    }

    /// The program's exit status once it has exited.
    func exitStatus() -> Int32? {
        guard let text = try? String(contentsOfFile: statusFile, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Polls the screen until `condition` holds; fails with the last screen after `timeout` seconds.
    @discardableResult
    func waitFor(
        _ what: String, timeout: Double = 10, _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(description: "Timed out after \(timeout)s waiting for \(what). The screen was:\n\(screen)")
    }

    @discardableResult
    func waitFor(text: String, timeout: Double = 10) throws -> String {
        try waitFor("'\(text)' on screen", timeout: timeout) { $0.contains(text) }
    }

    /// Waits for the program to exit and returns its status.
    func waitForExit(timeout: Double = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = exitStatus() { return status }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(description: "The board did not exit within \(timeout)s. The screen was:\n\(try capture())")
    }

    /// Runs tmux and returns what it printed (see `spawnAndWait` for why not through
    /// Foundation's `Process`: the tmux server `new-session` forks would be waited for).
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let (status, text) = try spawnAndWait(tmux, ["-L", socket, "-f", "/dev/null"] + arguments)
        guard status == 0 else { throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed: \(text)") }
        return text
    }

    static var tmuxPath: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
