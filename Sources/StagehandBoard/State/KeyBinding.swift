import StagehandCore

/// Everything said about one key binding except what it does: its keys, what `?`
/// says of it, its word in the bottom bar, and what it needs of the person.
public struct KeyRow: Sendable, Equatable {
    public var keys: [Key]
    public var help: String
    /// Its word in the bottom bar, two at most; nil keeps it out of the bar.
    public var bar: String?
    /// Permissions it needs: the bar leaves it out for someone who lacks them,
    /// since it would only refuse.
    public var needs: [Permission]
    /// It changes what the screen shows: a read-only editor or form leaves it out of the bar.
    public var edits: Bool
    /// Kept in the bar when it is short of room and other keys give way (help, quit).
    public var staysInBar = false

    /// How help and the bar write the keys, made from the keys themselves: "←/h",
    /// "1-9", "n/Esc/Enter".
    public func label(unicode: Bool) -> String {
        var names: [String] = []
        var digits: [Int] = []
        func flushDigits() {
            guard let first = digits.first, let last = digits.last else { return }
            names.append(digits.count > 2 ? "\(first)-\(last)" : digits.map(String.init).joined(separator: "/"))
            digits = []
        }
        for key in keys {
            if let n = key.digit, digits.last.map({ $0 + 1 == n }) ?? true {
                digits.append(n)
                continue
            }
            flushDigits()
            names.append(key.label(unicode: unicode))
        }
        flushDigits()
        return names.joined(separator: "/")
    }

    /// The bottom bar, short on room, names the first key only (both of ← → or ↑ ↓,
    /// which mean nothing alone); `?` names them all.
    public func barLabel(unicode: Bool) -> String {
        let pairs: [(Key, Key)] = [(.left, .right), (.up, .down)]
        let isPair = keys.count >= 2 && pairs.contains { keys[0] == $0.0 && keys[1] == $0.1 }
        return KeyRow(keys: Array(keys.prefix(isPair ? 2 : 1)), help: help, bar: bar, needs: needs, edits: edits).label(unicode: unicode)
    }
}

/// A key binding of one mode: its row, and the command each of its keys gives
/// that mode's handler (usually one command for all; `1`–`9` give one each).
public struct KeyBinding<Command: Sendable & Equatable>: Sendable {
    public var row: KeyRow
    /// One per key of `row.keys`, in the same order.
    public var commands: [Command]

    public func command(for key: Key) -> Command? {
        row.keys.firstIndex(of: key).map { commands[$0] }
    }
}

/// The bindings of one mode, in the order help and the bar show them.
public struct KeyTable<Command: Sendable & Equatable>: Sendable {
    public var bindings: [KeyBinding<Command>]

    public init(_ bindings: [KeyBinding<Command>]) {
        self.bindings = bindings
    }

    /// The command a key gives in this mode; nil when the key is not bound here.
    public func command(for key: Key) -> Command? {
        for binding in bindings {
            if let command = binding.command(for: key) { return command }
        }
        return nil
    }

    public var rows: [KeyRow] { bindings.map(\.row) }
}

/// A binding whose keys all give one command.
func bind<Command>(
    _ keys: [Key], _ command: Command, _ help: String, bar: String? = nil, needs: [Permission] = [], edits: Bool = false,
    staysInBar: Bool = false
) -> KeyBinding<Command> {
    KeyBinding(
        row: KeyRow(keys: keys, help: help, bar: bar, needs: needs, edits: edits, staysInBar: staysInBar),
        commands: keys.map { _ in command })
}

/// A binding whose keys each give their own command, described as one row.
func bind<Command>(
    _ pairs: KeyValuePairs<Key, Command>, _ help: String, bar: String? = nil, needs: [Permission] = [], edits: Bool = false
) -> KeyBinding<Command> {
    KeyBinding(row: KeyRow(keys: pairs.map(\.key), help: help, bar: bar, needs: needs, edits: edits), commands: pairs.map(\.value))
}

extension Key: ExpressibleByUnicodeScalarLiteral {
    /// A printable key written as itself in a table: `"h"`.
    public init(unicodeScalarLiteral value: Unicode.Scalar) {
        self = .character(Character(value))
    }

    /// How a key is written for a person.
    public func label(unicode: Bool) -> String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .up: unicode ? "↑" : "Up"
        case .down: unicode ? "↓" : "Down"
        case .left: unicode ? "←" : "Left"
        case .right: unicode ? "→" : "Right"
        case .shiftLeft: unicode ? "S-←" : "S-Left"
        case .shiftRight: unicode ? "S-→" : "S-Right"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let n): "F\(n)"
        case .control(let c): "Ctrl-\(c.uppercased())"
        }
    }

    /// The number a digit key stands for.
    public var digit: Int? {
        if case .character(let c) = self, c.isASCII { return c.wholeNumberValue }
        return nil
    }
}
