import Foundation
import Testing

/// Escape sequences the terminal description does not know arrive as ESC and
/// letters; the board reads them whole instead of acting on Esc, `[`, digits.
@Suite struct TerminalInputTests {
    typealias OpenBoard = BoardTerminalTests.OpenBoard

    @Test func endInAProfileLeavesItOpenOnTheSameJob() throws {
        let board = try OpenBoard()
        try board.tmux.send("Enter")
        try board.tmux.waitFor(text: "Timeline, newest first")
        // End as tmux and the Linux console send it; xterm-256color's terminfo knows \EOF only.
        try board.tmux.sendRaw("\u{1B}[4~")
        try board.tmux.sendRaw("\u{1B}[15~")
        try board.tmux.send("j")
        // End took the cursor to the profile's last line: everything is above, nothing below.
        let screen = try board.tmux.waitFor("the profile's end") { $0.contains("above") && !$0.contains(" more") }
        #expect(screen.contains("[1/3]"), "the job did not change")
        try board.tmux.send("Escape")
        let back = try board.tmux.waitFor(text: "1 Applied")
        #expect(back.contains("Senior iOS Engineer [1/3]"))
        try board.tmux.send("q")
        #expect(try board.tmux.waitForExit() == 0)
    }

    @Test func homeAndAPasteInAFormKeepWhatWasTyped() throws {
        let board = try OpenBoard()
        try board.tmux.send("7", "a", "n", "Right")
        try board.tmux.waitFor(text: "Add a note")
        try board.tmux.send("Tab")
        try board.tmux.type("aboard")
        try board.tmux.waitFor(text: "aboard")
        // Home as tmux sends it moves the cursor to the start; the paste goes in there.
        try board.tmux.sendRaw("\u{1B}[1~")
        try board.tmux.sendRaw("\u{1B}[200~Welcome \u{1B}[201~")
        let screen = try board.tmux.waitFor(text: "Welcome aboard")
        #expect(screen.contains("New action for Hired"), "the form is still open")
        try board.tmux.send("Escape")
        try board.tmux.waitFor(text: "Throw away your changes")
        try board.tmux.send("y")
        try board.tmux.waitFor(text: "Cancelled; nothing saved")
        try board.tmux.send("Escape", "q")
        #expect(try board.tmux.waitForExit() == 0)
    }
}
