import CNcursesw
import StagehandBoard

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The board's screen on a real terminal, through ncurses. It sends only the
/// cells that changed since the last frame, which keeps ssh traffic small, and
/// restores the terminal when it stops.
@MainActor
public final class NcursesScreen: Screen {
    public let supportsUnicode: Bool
    public let colorDepth: ColorDepth

    public var size: (width: Int, height: Int) {
        isStopped ? sizeWhenStopped : (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    let terminal: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    let input: UnsafeMutablePointer<FILE>
    let palette: Palette
    var colorPairs: ColorPairs
    var inks: [Style: Ink] = [:]
    /// The frame the terminal shows, and the screen size it was drawn on; nil
    /// when the screen must be drawn in full.
    var shown: (frame: Frame, screenSize: (width: Int, height: Int))?
    var mouse = MouseTracker()
    var hangup = HangupDetector()
    var hasHungUp = false
    /// Events read ahead of a resize, handed out before anything else is read.
    var readAhead: [InputEvent] = []
    var caughtSignals: [Int32] = []
    var beforeSignalExit: @MainActor (Int32) -> Void = { _ in }
    private(set) var isStopped = false
    private var sizeWhenStopped = (width: 0, height: 0)

    /// Starts ncurses on the process's own terminal. Throws when stdin or stdout
    /// is not a terminal, or when TERM names a terminal terminfo does not know.
    public convenience init(environment: [String: String]) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        let unicode = UnicodeLocale.activate(for: environment)
        try self.init(
            term: environment["TERM"], output: stagehand_stdout(), input: stagehand_stdin(),
            environment: environment, supportsUnicode: unicode)
    }

    /// Starts ncurses on any pair of streams; tests use files instead of a
    /// terminal. The locale must already be set.
    init(
        term: String?, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>,
        environment: [String: String], supportsUnicode: Bool
    ) throws {
        guard stagehand_can_address_cursor(term) != 0 else { throw TerminalError.cannotMoveCursor(term: term ?? "unknown") }
        // newterm rather than initscr: initscr exits the process on an unknown TERM.
        guard let terminal = newterm(term, output, input), let window = stagehand_stdscr() else {
            // ncurses' own name for a missing TERM.
            throw TerminalError.cannotStart(term: term ?? "unknown")
        }
        self.terminal = terminal
        self.window = window
        self.input = input
        self.supportsUnicode = supportsUnicode
        // Raw, so Ctrl-C arrives as a key and quits like q (finishing the runs
        // that were not cancelled) instead of killing the process.
        raw()
        noecho()
        nonl()
        keypad(window, true)
        // The cursor is hidden, so ncurses need not move it back after each update.
        leaveok(window, true)
        curs_set(0)
        // Esc would otherwise wait a whole second for the rest of an escape sequence.
        set_escdelay(25)
        // Report presses and releases as they come instead of waiting to pair them into clicks.
        mouseinterval(0)
        mousemask(MouseTracker.reportedButtons, nil)

        let wantsColor = has_colors() && (environment["NO_COLOR"] ?? "").isEmpty
        if wantsColor, start_color() == OK {
            let hasDefaultColors = use_default_colors() == OK
            palette = Palette(depth: ColorDepth(colors: Int(stagehand_colors())), hasDefaultColors: hasDefaultColors)
        } else {
            palette = Palette(depth: .none, hasDefaultColors: true)
        }
        colorDepth = palette.depth
        colorPairs = ColorPairs(
            defaultColors: .init(foreground: palette.defaultForeground, background: palette.defaultBackground),
            capacity: palette.depth == .none ? 0 : Int(stagehand_color_pairs()) - 1)
    }

    isolated deinit {
        stop()
    }

    /// Drops the keys typed and not read yet: a board that ends before it read
    /// them (its load failed after the first frame) must not leave them for the shell.
    public func discardTypedKeys() {
        guard !isStopped else { return }
        flushinp()
    }

    /// Gives the terminal back as it was: cursor, echo, line mode, mouse
    /// reporting. Safe to call more than once; after it, `draw` does nothing and
    /// `nextEvent` reports `.hangup`. Also called when the screen is released.
    public func stop() {
        guard !isStopped else { return }
        sizeWhenStopped = size
        isStopped = true
        endwin()
        delscreen(terminal)
        releaseSignals()
    }
}
