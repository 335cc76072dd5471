import Foundation
import StagehandCore
import Testing
@testable import StagehandBoard

/// The key tables are the only source of keys: every mode's table is checked for
/// keys bound twice, every binding for doing something a person can see in its
/// mode, and every binding for being listed by `?`.
@Suite struct KeyTableTests {
    typealias F = BoardFixture

    @Test(arguments: KeyMode.allCases)
    func noKeyIsBoundTwiceInAMode(_ mode: KeyMode) {
        let keys = mode.rows.flatMap(\.keys)
        let twice = Dictionary(grouping: keys, by: { $0 }).filter { $0.value.count > 1 }.keys
        #expect(twice.isEmpty, "\(mode.title) binds \(twice.map { $0.label(unicode: true) }) twice")
        if mode != .anywhere {
            let anywhere = Set(KeyMap.anywhere.rows.flatMap(\.keys))
            #expect(anywhere.isDisjoint(with: keys), "\(mode.title) rebinds a key that works anywhere")
        }
    }

    @Test(arguments: KeyMode.allCases)
    func everyBindingDoesSomethingVisibleInItsMode(_ mode: KeyMode) throws {
        let samples = try Self.samples(mode)
        for sample in samples where mode != .anywhere && mode != .screens {
            #expect(sample.keyMode == mode, "a sample for \(mode.title) is in \(sample.keyMode.title)")
        }
        for row in mode.rows {
            for key in row.keys {
                let answered = samples.contains { sample in
                    var state = sample
                    let before = Board.render(state)
                    let effects = Board.update(&state, .input(.key(key)))
                    return !effects.isEmpty || Board.render(state) != before
                }
                #expect(answered, "\(key.label(unicode: true)) (\(row.help)) does nothing visible in \(mode.title)")
            }
        }
    }

    @Test func controlCQuitsFromEveryMode() throws {
        for mode in KeyMode.allCases {
            for var state in try Self.samples(mode) {
                #expect(F.press([.control("c")], &state) == [.quit], "in \(mode.title)")
                #expect(state.quitting)
            }
        }
    }

    @Test func theHelpListsEveryBindingOfEveryMode() {
        var state = F.state(width: 200, height: 120)
        F.press(["?"], &state)
        let lines = F.lines(state)
        for mode in KeyMode.allCases {
            #expect(lines.contains { $0.contains(mode.title) }, "no section \(mode.title)")
            for row in mode.rows {
                let label = row.label(unicode: true)
                #expect(
                    lines.contains { $0.contains("  \(label) ") && $0.contains(row.help.prefix(20)) },
                    "\(mode.title): \(label) \(row.help) is not in the help")
            }
        }
    }

    @Test func onA120ColumnTerminalNoHelpLineIsCut() {
        var state = F.state(width: 120, height: 35)
        F.press(["?"], &state)
        var seen = Set(F.lines(state))
        for _ in 0..<40 {
            F.press([.pageDown], &state)
            seen.formUnion(F.lines(state))
        }
        let text = seen.joined(separator: "\n")
        for mode in KeyMode.allCases {
            for row in mode.rows {
                #expect(text.contains(row.help), "\(mode.title): '\(row.help)' is cut")
            }
        }
    }

    @Test func labelsAreMadeFromTheKeys() {
        let digits = KeyRow(keys: ["1", "2", "3", "4", "5", "6", "7", "8", "9"], help: "", bar: nil, needs: [], edits: false)
        #expect(digits.label(unicode: true) == "1-9")
        let confirm = KeyMap.confirm.rows.first { $0.keys.contains(.enter) }
        #expect(confirm?.label(unicode: true) == "n/Esc/Enter", "Enter answers no, and the label says so")
        let focus = KeyMap.board.rows.first { $0.keys.contains(.up) }
        #expect(focus?.label(unicode: true) == "↑/k" && focus?.label(unicode: false) == "Up/k")
        #expect(focus?.barLabel(unicode: true) == "↑")
    }

    /// States in `mode` from which each of its keys makes a visible difference: a
    /// list at its first row and at its last, so that every step has somewhere to go.
    static func samples(_ mode: KeyMode) throws -> [BoardState] {
        func opened(_ keys: [Key], width: Int = 120, height: Int = 35) -> BoardState {
            var state = F.state(width: width, height: height)
            state.themes = [.defaultDark, Theme(name: "plain", styles: [:])]
            F.press(keys, &state)
            state.status = nil
            return state
        }
        switch mode {
        case .board:
            var selected = opened(["2", "j"])
            selected.selection = [try #require(selected.cards(inStage: 1).first?.id)]
            return [selected, opened(["j"])]
        // Text fields with the cursor at the end and inside the text, so that both ends have somewhere to go.
        case .filter: return [opened(["/", "a"]), opened(["/", "a", .left])]
        case .finder: return [opened(["f", "a"]), opened(["f", "a", .down]), opened(["f", "a", .left])]
        case .carrying: return [opened(["3", "m"])]
        case .moveDialog: return [opened([" ", " ", "L", "k"])]
        case .profile: return [opened([.enter], height: 16), opened([.enter, "G"], height: 16)]
        case .myWork: return [opened(["i"], height: 16), opened(["i", "G"], height: 16)]
        case .help: return [opened(["?"], width: 60, height: 16), opened(["?", "G"], width: 60, height: 16)]
        case .scheduled: return [opened(["s"]), opened(["s", "G"])]
        case .disqualifyPicker: return [opened(["d"]), opened(["d", "G"])]
        case .actionList: return [opened(["3", "a"]), opened(["3", "a", "G"])]
        case .pipeline: return [opened(["p"]), opened(["p", "G"])]
        case .templates: return [opened(["e"]), opened(["e", "G"])]
        case .reasons: return [opened(["r"]), opened(["r", "G"])]
        case .form: return [opened(["a", "n"]), opened(["a", "n", .tab, .tab]), opened(["e", "n", "x", .left])]
        case .confirm: return [opened(["3", "a", "x"])]
        case .runList:
            // A bulk move into a stage with actions, listed: long enough to page on a short screen.
            var moved = opened([], height: 16)
            let job = try #require(moved.job)
            let target = try #require(job.pipeline.indices.first { $0 > 0 && job.pipeline[$0].hasActions })
            let everyone = moved.cards(inStage: 0).filter { $0.placement(in: job.id)?.disqualification == nil }.map(\.id)
            _ = try F.moved(MoveRequest(candidates: everyone, job: job.id, target: job.pipeline[target].id, mover: moved.me!), choice: .runActions, in: &moved)
            moved.mode = .board
            F.press(["o"], &moved)
            var scrolled = moved
            F.press(["G"], &scrolled)
            return [moved, scrolled]
        case .insights: return [opened(["I"], height: 16), opened(["I", "G"], height: 16)]
        case .tooSmall: return [opened([], width: 50, height: 12)]
        case .screens: return [opened([.enter]), opened(["i"]), opened(["3", "a"])]
        case .anywhere: return [opened([])]
        }
    }
}

extension KeyMode: CustomTestStringConvertible {
    public var testDescription: String { title }
}
