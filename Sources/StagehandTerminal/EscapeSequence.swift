import StagehandBoard

/// What follows an ESC that ncurses handed over as a plain character because its
/// terminal description does not know the sequence (Home as `ESC[1~` under tmux,
/// F-keys, bracketed paste, a mouse report it does not decode). Read whole: a
/// sequence the board knows becomes its key, one it does not is swallowed, and
/// never do its letters reach the board as keys of their own.
enum EscapeSequence {
    /// One unit of input after the ESC: a character, or a key ncurses already decoded.
    enum Input: Equatable {
        case character(UInt32)
        case code(Int32)
    }

    enum Reading: Equatable {
        case key(Key)
        /// A sequence the board has no key for.
        case swallowed
        /// Esc on its own; `then` is input that came right after it and is not part
        /// of a sequence (a key typed fast, or Alt plus a key), to be read next.
        case escape(then: Input?)
    }

    /// The longest parameter string read before giving up on a sequence.
    static let longest = 32

    /// - Parameter next: the next input already waiting, or nil when none is.
    static func read(_ next: () -> Input?) -> Reading {
        guard let first = next() else { return .escape(then: nil) }
        switch first {
        case .character(0x5B):  // ESC [
            guard let after = next() else { return .escape(then: first) }
            return controlSequence(startingWith: after, next)
        case .character(0x4F):  // ESC O
            guard let after = next() else { return .escape(then: first) }
            guard case .character(let final) = after else { return .swallowed }
            return singleShift(final).map(Reading.key) ?? .swallowed
        default:
            return .escape(then: first)
        }
    }

    /// `ESC [` parameters, intermediates, then a final byte.
    private static func controlSequence(startingWith first: Input, _ next: () -> Input?) -> Reading {
        var parameters = ""
        var current: Input? = first
        while let input = current {
            guard case .character(let value) = input, let scalar = Unicode.Scalar(value) else { return .swallowed }
            switch value {
            case 0x20...0x3F:
                guard parameters.count < longest else { return .swallowed }
                parameters.unicodeScalars.append(scalar)
            case 0x40...0x7E:
                // An X10 mouse report carries three bytes after its M.
                if value == 0x4D, parameters.isEmpty { for _ in 0..<3 { _ = next() } }
                return finalByte(Character(scalar), parameters: parameters).map(Reading.key) ?? .swallowed
            default:
                return .swallowed
            }
            current = next()
        }
        return .swallowed
    }

    private static func finalByte(_ final: Character, parameters: String) -> Key? {
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let plain = parameters.isEmpty || parameters == "1"
        let shifted = numbers.count == 2 && numbers[1] == 2
        switch final {
        case "A": return plain ? .up : nil
        case "B": return plain ? .down : nil
        case "C": return plain ? .right : shifted ? .shiftRight : nil
        case "D": return plain ? .left : shifted ? .shiftLeft : nil
        case "H": return plain ? .home : nil
        case "F": return plain ? .end : nil
        case "Z": return parameters.isEmpty ? .backTab : nil
        case "~":
            guard numbers.count == 1, let number = numbers[0] else { return nil }
            return tilde(number)
        default: return nil
        }
    }

    /// `ESC [ n ~`, as VT220-style terminals (tmux, screen, rxvt, the Linux console) send.
    private static func tilde(_ number: Int) -> Key? {
        switch number {
        case 1, 7: .home
        case 4, 8: .end
        case 3: .delete
        case 5: .pageUp
        case 6: .pageDown
        case 11...15: .function(number - 10)
        case 17...21: .function(number - 11)
        case 23, 24: .function(number - 12)
        default: nil
        }
    }

    /// `ESC O x`, as terminals send in application keypad mode.
    private static func singleShift(_ final: UInt32) -> Key? {
        switch final {
        case 0x41: .up
        case 0x42: .down
        case 0x43: .right
        case 0x44: .left
        case 0x48: .home
        case 0x46: .end
        case 0x4D: .enter
        case 0x50...0x53: .function(Int(final) - 0x4F)
        default: nil
        }
    }
}
