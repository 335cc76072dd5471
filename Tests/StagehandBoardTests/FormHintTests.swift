import Foundation
import StagehandCore
import Testing
@testable import StagehandBoard

/// What a form tells its writer beyond problems: who signs the preview, a task
/// date that has already passed, where a shared template is used.
@Suite struct FormHintTests {
    typealias F = BoardFixture

    @Test func thePreviewIsSignedByTheSenderTheFormNames() throws {
        var state = F.state()
        F.press([.character("a"), .character("n")], &state)
        #expect(F.lines(state).contains("   Ana Lindqvist"), "the mover is you: \(F.lines(state))")
        let from = try #require(F.form(state)?.fields.firstIndex { $0.key == .draft(.sender) })
        F.press(Array(repeating: .tab, count: from) + [.right, .right], &state)
        #expect(F.form(state)?.value(.sender) == "ben")
        #expect(F.lines(state).contains("   Ben Okafor"))
        #expect(!F.lines(state).contains("   Ana Lindqvist"))
    }

    @Test func aTaskDueOnADayThatHasPassedSaysSo() throws {
        var state = F.state()
        F.press([.character("a"), .character("n"), .right, .right, .tab, .tab, .tab, .control("u")], &state)
        #expect(F.form(state)?.focusedField?.key == .draft(.due))
        F.type("2020-01-01", &state)
        #expect(F.form(state)?.hints[.draft(.due)] == "on 2020-01-01: that day has passed, so every task it makes is overdue")
        F.press([.control("u")], &state)
        F.type("2027-01-04", &state)
        #expect(F.form(state)?.hints[.draft(.due)] == "on 2027-01-04")
    }

    @Test func aTemplateSaysWhichActionsSendIt() throws {
        var state = F.state()
        F.press([.character("e"), .enter], &state)
        let hint = try #require(F.form(state)?.hints[.draft(.templateName)])
        #expect(hint.hasPrefix("sent by Applied (the default pipeline), Applied (Senior iOS Engineer)"))
        #expect(hint.hasSuffix(": edits change it there too"))
    }
}
