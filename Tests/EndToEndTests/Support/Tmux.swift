import Foundation

/// A real terminal for the real binary: a tmux session on a private server,
/// typed into with `send-keys` and read with `capture-pane`.
final class TmuxSession {
    let socket = "stagehand-test-\(UUID().uuidString.prefix(8))"
    let name = "board"

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `command` in a detached session of the given size.
    init(command: [String], width: Int = 120, height: Int = 35, environment: [String: String]) throws {
        guard let tmux = Self.tmuxPath else {
            throw Failure(description: "tmux is not installed: install it (apt-get install tmux); .ci/run does this.")
        }
        self.tmux = tmux
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }
        let line = (["exec", "env", "-i"] + assignments + command.map(Self.quote)).joined(separator: " ")
        try run(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", line])
        try run(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    private let tmux: String

    deinit { _ = try? run(["kill-server"]) }

    /// Keys in tmux's names (`Down`, `Enter`, `Escape`, `S-Right`) or literal characters.
    func send(_ keys: String...) throws {
        try run(["send-keys", "-t", name] + keys)
    }

    func type(_ text: String) throws {
        try run(["send-keys", "-t", name, "-l", text])
    }

    /// The screen as text, one line per row.
    func capture() throws -> String {
        try run(["capture-pane", "-p", "-t", name])
    }

    /// The screen with colours and attributes as escape sequences.
    func captureStyled() throws -> String {
        try run(["capture-pane", "-p", "-e", "-t", name])
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Whether the program in the pane has exited, and with which status.
    func exitStatus() throws -> Int32? {
        let out = try run(["display-message", "-p", "-t", name, "#{pane_dead} #{pane_dead_status}"])
        let parts = out.split(separator: " ")
        guard parts.first == "1" else { return nil }
        return parts.count > 1 ? Int32(parts[1].trimmingCharacters(in: .whitespacesAndNewlines)) : 0
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

    func waitFor(text: String, timeout: Double = 10) throws -> String {
        try waitFor("'\(text)' on screen", timeout: timeout) { $0.contains(text) }
    }

    /// Waits for the program to exit and returns its status.
    func waitForExit(timeout: Double = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = try exitStatus() { return status }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(description: "The board did not exit within \(timeout)s. The screen was:\n\(try capture())")
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmux)
        process.arguments = ["-L", socket, "-f", "/dev/null"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }

    static var tmuxPath: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
