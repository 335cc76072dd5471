/// What the board needs from a terminal. The ncurses driver implements it;
/// `MemoryScreen` is the same thing in memory, for tests and the board fuzzer.
@MainActor
public protocol Screen: AnyObject {
    /// Columns and rows right now.
    var size: (width: Int, height: Int) { get }
    /// Whether the terminal shows UTF-8 (otherwise draw ASCII only).
    var supportsUnicode: Bool { get }
    /// Draws the frame, sending only what changed since the last one.
    func draw(_ frame: Frame)
    /// Waits up to `timeout` seconds for input; `nil` when none arrived, or as soon
    /// as `descriptor` (the store's change signal) turns readable.
    func nextEvent(timeout: Double, wakingOn descriptor: Int32?) -> InputEvent?
}

extension Screen {
    public func nextEvent(timeout: Double) -> InputEvent? { nextEvent(timeout: timeout, wakingOn: nil) }
}
