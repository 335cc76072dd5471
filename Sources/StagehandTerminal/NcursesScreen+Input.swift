import CNcursesw
import Dispatch
import StagehandBoard

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension NcursesScreen {
    /// The longest single wait for input, so that a termination signal is acted
    /// on promptly even while the board waits long for a key.
    static let signalCheckInterval = 0.1

    /// Waits up to `timeout` seconds for a key, a mouse report or a resize; nil
    /// when none came. `.hangup` when the terminal has gone away, and from then on.
    public func nextEvent(timeout: Double, wakingOn descriptor: Int32?) -> InputEvent? {
        guard !isStopped, !hasHungUp else { return .hangup }
        if !readAhead.isEmpty { return readAhead.removeFirst() }
        let deadline = Self.now() + max(0, timeout)
        while true {
            if let signal = PendingSignal.received { endOnSignal(signal) }
            var wait = min(max(0, deadline - Self.now()), Self.signalCheckInterval)
            if let descriptor {
                // What ncurses holds already (an unread part of a sequence) comes first; then
                // the terminal and the descriptor are waited on together.
                if let event = readWithoutWaiting() { return inOrder(event) }
                switch Self.waitForEither(fileno(input), descriptor, seconds: wait) {
                case .descriptor: return nil
                case .input: wait = 0
                case .neither: if Self.now() >= deadline { return nil } else { continue }
                }
            }
            wtimeout(window, Int32((wait * 1000).rounded(.up)))
            var character: wint_t = 0
            let started = Self.now()
            switch wget_wch(window, &character) {
            case KEY_CODE_YES:
                hangup.received()
                if let event = event(forCode: Int32(bitPattern: character)) { return inOrder(event) }
            case OK where character == 27:
                hangup.received()
                if let key = escapeSequence() { return .key(key) }
            case OK:
                hangup.received()
                if let key = KeyCodes.key(forCharacter: character) { return .key(key) }
            default:
                if hangup.failed(after: Self.now() - started, waiting: wait, inputClosed: isInputClosed()) {
                    hasHungUp = true
                    return .hangup
                }
            }
            if Self.now() >= deadline { return nil }
        }
    }

    /// ncurses hands out a resize as soon as it notices one, ahead of the keys the
    /// terminal had already sent: typed while the screen was larger, those are
    /// handed out first, so a window dragged below the smallest size does not
    /// swallow what was typed just before.
    private func inOrder(_ event: InputEvent) -> InputEvent {
        guard case .resize = event else { return event }
        var resize = event
        var waiting: [InputEvent] = []
        while waiting.count < 4096, let next = readWithoutWaiting() {
            // A later resize has the newer size; the keys stay ahead of it.
            if case .resize = next { resize = next } else { waiting.append(next) }
        }
        guard !waiting.isEmpty else { return resize }
        readAhead = Array(waiting.dropFirst()) + [resize]
        return waiting[0]
    }

    /// A key ncurses can hand out at once, without waiting for the terminal.
    private func readWithoutWaiting() -> InputEvent? {
        wtimeout(window, 0)
        var character: wint_t = 0
        switch wget_wch(window, &character) {
        case KEY_CODE_YES:
            hangup.received()
            return event(forCode: Int32(bitPattern: character))
        case OK where character == 27:
            hangup.received()
            return escapeSequence().map(InputEvent.key)
        case OK:
            hangup.received()
            return KeyCodes.key(forCharacter: character).map(InputEvent.key)
        default:
            return nil
        }
    }

    private enum Readable {
        case input
        case descriptor
        case neither
    }

    /// poll(2) on the terminal and another descriptor; a signal (a resize) ends the wait early.
    private static func waitForEither(_ input: Int32, _ descriptor: Int32, seconds: Double) -> Readable {
        var descriptors = [pollfd(fd: input, events: Int16(POLLIN), revents: 0), pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        guard poll(&descriptors, 2, Int32((seconds * 1000).rounded(.up))) > 0 else { return .neither }
        if descriptors[0].revents != 0 { return .input }
        return descriptors[1].revents != 0 ? .descriptor : .neither
    }

    private func event(forCode code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE:
            // ncurses has already taken the new size; what was shown is gone,
            // even if the size is back to what it was at the last frame.
            shown = nil
            return .resize(width: size.width, height: size.height)
        case KEY_MOUSE:
            var report = MEVENT()
            guard getmouse(&report) == OK else { return nil }
            return mouse.event(buttons: report.bstate, x: Int(report.x), y: Int(report.y)).map(InputEvent.mouse)
        default:
            return KeyCodes.key(forCode: code).map(InputEvent.key)
        }
    }

    /// Reads the rest of a sequence after an ESC ncurses did not decode: its key, nil
    /// when it is swallowed, or Esc with what came after it put back to be read next.
    private func escapeSequence() -> Key? {
        wtimeout(window, 0)
        let reading = EscapeSequence.read {
            var character: wint_t = 0
            switch wget_wch(window, &character) {
            case OK: return .character(UInt32(character))
            case KEY_CODE_YES: return .code(Int32(bitPattern: character))
            default: return nil
            }
        }
        switch reading {
        case .key(let key): return key
        case .swallowed: return nil
        case .escape(let then):
            switch then {
            case .character(let value)?: unget_wch(wchar_t(bitPattern: value))
            case .code(let code)?: ungetch(code)
            case nil: break
            }
            return .escape
        }
    }

    /// Whether the input has hung up (the pty's other side closed).
    private func isInputClosed() -> Bool {
        var descriptor = pollfd(fd: fileno(input), events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) == 1 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    private static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
    }
}
