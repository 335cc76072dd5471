import Foundation
import Testing

/// Recruiters log in to a shared host and run the board there: the same board
/// over a real SSH session to 127.0.0.1.
@Suite struct SSHLoginTests {
    @Test func theBoardWorksOverAnSSHLogin() throws {
        let cli = try StagehandCLI()
        let demo = try cli.run(["demo"])
        #expect(demo.status == 0, "\(demo.errors)")
        let server = try SSHServer(in: cli.scratch.url)
        let remote = [
            "env", "LANG=C.UTF-8", "TERM=xterm-256color", "STAGEHAND_STATE=\(cli.statePath)", "STAGEHAND_NOW=\(cli.now)",
            try BuiltBinary.url("stagehand").path,
        ]
        let tmux = try TmuxSession(
            command: server.login(running: remote), width: 120, height: 35,
            environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": cli.scratch.url.path, "PATH": "/usr/bin:/bin"])
        try tmux.waitFor(text: "Applied ⚡", timeout: 20)
        try tmux.send("m")
        try tmux.send("Right")
        try tmux.waitFor(text: "Drop card here")
        try tmux.send("Enter")
        try tmux.waitFor(text: "[c] Cancel")
        try tmux.waitFor("the pane to turn done", timeout: 15) { $0.contains("Done") }
        try tmux.resize(width: 90, height: 30)
        try tmux.waitFor("a redraw at 90 columns") { screen in
            screen.split(separator: "\n").first.map { $0.count <= 90 && $0.contains("Northwind") } ?? false
        }
        try tmux.send("q")
        #expect(try tmux.waitForExit(timeout: 15) == 0)
    }
}
