/// A terminal in memory (in the spirit of ratatui's `TestBackend`): it hands out
/// the input it was given, in order, and keeps every frame drawn, so the program's
/// own loop can run without a terminal. When the input runs out the terminal has
/// gone away: `nextEvent` reports a hangup and the program ends as it would.
@MainActor
public final class MemoryScreen: Screen {
    public private(set) var size: (width: Int, height: Int)
    public let supportsUnicode: Bool
    public private(set) var frames: [Frame] = []
    private var input: [InputEvent]

    public init(width: Int, height: Int, unicode: Bool = true, input: [InputEvent] = []) {
        size = (width, height)
        supportsUnicode = unicode
        self.input = input
    }

    /// The last frame drawn.
    public var frame: Frame? { frames.last }

    /// Input to hand out after what is already waiting; a resize also changes the size.
    public func send(_ events: [InputEvent]) {
        input += events
    }

    public func draw(_ frame: Frame) {
        frames.append(frame)
    }

    public func nextEvent(timeout: Double, wakingOn descriptor: Int32?) -> InputEvent? {
        guard !input.isEmpty else { return .hangup }
        let event = input.removeFirst()
        if case .resize(let width, let height) = event { size = (width, height) }
        return event
    }
}
