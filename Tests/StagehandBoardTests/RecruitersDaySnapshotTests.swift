import Foundation
import StagehandCore
import Testing
@testable import StagehandBoard

/// The screens of a recruiter's day, as Ben, Dev and Ana see them at 120×35.
@Suite struct RecruitersDaySnapshotTests {
    typealias F = BoardFixture

    @Test func myWorkWithOverdueTasksMarkedAlsoWithoutColour() throws {
        var state = F.state(login: "ben")
        state.theme = Theme.defaultDark.monochrome
        F.press(["i"], &state)
        let text = Board.render(state).text
        #expect(text.contains("OVERDUE"), "overdue is said in words, not only in colour")
        expectSnapshot(Board.render(state), named: "my-work-ben", layers: [.emphasis])
    }

    /// Peter with a task done, one open, Dev's evaluation and a note by hand.
    func peterWithWork() throws -> BoardState {
        var state = F.state()
        let peter = try #require(state.focused)
        var ws = state.workspace
        let task = try ws.addTask(to: peter, job: "ios", title: "Check references", assignee: "ben", due: .after(RelativeDuration(2, .days)), by: "ana", now: F.now)
        try ws.addTask(to: peter, job: "ios", title: "Book the onsite", assignee: "ana", due: .on(DateComponents(year: 2026, month: 11, day: 20)), by: "ana", now: F.now)
        try ws.completeTasks([task], by: "ben", now: F.now)
        try ws.evaluate(peter, job: "ios", rating: .strongYes, comment: "Best system design answer this year.\nHire.", by: "dev", now: F.now)
        try ws.addNote(peter, text: "Asked for a remote option.", by: "ana", now: F.now)
        state.workspace = ws
        return state
    }

    @Test func theProfilesTasksAndEvaluations() throws {
        var state = try peterWithWork()
        // Five steps: the blank line and the Tasks heading are stepped over.
        F.press([.enter, .down, .down, .down, .down, .down], &state)
        expectSnapshot(Board.render(state), named: "profile-tasks-evaluations", layers: [.roles([.cardFocused, .statusError])])
    }

    @Test func theNoteEditor() throws {
        var state = F.state()
        F.press([.enter, "n"] + F.keys("Called him.") + [.enter] + F.keys("Free from January."), &state)
        expectSnapshot(Board.render(state).text, named: "note-form")
    }

    @Test func theEvaluationEditor() throws {
        var state = F.state(login: "dev")
        F.press([.enter, "v", .right, .right, .tab] + F.keys("Clear and kind."), &state)
        expectSnapshot(Board.render(state).text, named: "evaluation-form")
    }

    @Test func theFormForANewCandidate() throws {
        var state = F.state()
        F.press(["n"] + F.keys("Nadia Haddad") + [.tab] + F.keys("nadia@"), &state)
        let text = Board.render(state).text
        #expect(text.contains("'nadia@' is not an email address"), "the problem shows under the field as it is typed")
        expectSnapshot(text, named: "new-candidate-form")
    }

    @Test func theFinder() throws {
        var state = F.state()
        F.press(["f"] + F.keys("an"), &state)
        expectSnapshot(Board.render(state).text, named: "finder")
    }

    @Test func cardsShowOpenAndOverdueTasks() throws {
        let state = F.state()
        let text = Board.render(state).text
        #expect(text.contains("!1") && text.contains("☐1"))
        let ascii = Board.render(F.state(unicode: false)).text
        #expect(ascii.contains("T1") && ascii.allSatisfy(\.isASCII))
    }
}
