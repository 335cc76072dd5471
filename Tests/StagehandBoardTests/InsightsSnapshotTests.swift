import Foundation
import StagehandCore
import Testing
@testable import StagehandBoard

/// Aging cards, the overdue count in a column's header, the age order, and the
/// insights page. The sample's Phone screen is given an expected time of 2 days:
/// Yuki (5 days in), Liam (3 days) and Sofia (2 days and a half) are past it; José (1 day) not yet.
@Suite struct InsightsSnapshotTests {
    static func state(width: Int = 120, height: Int = 35, unicode: Bool = true, expected: RelativeDuration = RelativeDuration(2, .days))
        -> BoardState
    {
        var state = BoardFixture.state(width: width, height: height, unicode: unicode)
        var workspace = state.workspace
        let job = workspace.setup.jobs[0]
        try! workspace.setExpectedTime(expected, of: "phone-screen", in: .job(job.id), by: "ana")
        state.workspace = workspace
        return state
    }

    @Test func overdueCardsAreMarkedAndCountedInTheHeader() {
        expectSnapshot(Board.render(Self.state()), named: "aging-cards", layers: [.roles([.overdue])])
    }

    @Test func withoutColourTheMarkerAndTheWordsRemain() {
        var state = Self.state()
        state.theme = Theme.defaultDark.monochrome
        expectSnapshot(Board.render(state), named: "aging-cards-no-colour", layers: [.emphasis])
    }

    @Test func asciiMarksOverdueWithAnExclamationMark() {
        let text = Board.render(Self.state(unicode: false)).text
        let allASCII = text.allSatisfy { $0.isASCII }
        #expect(allASCII)
        expectSnapshot(text, named: "aging-cards-ascii")
    }

    @Test func aNarrowColumnShortensTheCount() {
        var state = Self.state(width: 60, height: 16)
        BoardFixture.press(["2", "A"], &state)
        expectSnapshot(Board.render(state).text, named: "aging-cards-60x16")
    }

    @Test func businessDaysCountTheCardsAgeInBusinessDays() throws {
        // Wednesday the 25th: Yuki came on Friday the 20th, 3 business days ago; 2bd ran out on Tuesday.
        let state = Self.state(expected: RelativeDuration(2, .businessDays))
        let text = Board.render(state).text
        let yuki = try #require(text.split(separator: "\n").firstIndex { $0.contains("Yuki Tanaka") })
        let line = text.split(separator: "\n")[yuki + 1]
        #expect(line.contains("⚠3bd"), "\(line)")
    }

    @Test func sortingByAgePutsTheDisqualifiedLastAndSaysSo() throws {
        var state = Self.state()
        let before = state.cards(inStage: 0).map(\.name)
        BoardFixture.press(["A"], &state)
        let after = state.cards(inStage: 0).map(\.name)
        #expect(after.last == "Tomás Herrera", "\(after)")
        #expect(Array(after.dropLast()) == before.filter { $0 != "Tomás Herrera" })
        #expect(Board.render(state).text.contains("by age"))
        BoardFixture.press(["A"], &state)
        #expect(state.cards(inStage: 0).map(\.name) == before)
        #expect(!Board.render(state).text.contains("by age"))
    }

    @Test func insightsAt80x24() {
        var state = Self.state(width: 80, height: 24)
        BoardFixture.press(["I"], &state)
        expectSnapshot(Board.render(state), named: "insights-80x24", layers: [.roles([.overdue, .columnTitle])])
    }

    @Test func insightsWideAndPaged() {
        var state = Self.state(width: 140, height: 40)
        BoardFixture.press(["I", .pageDown], &state)
        expectSnapshot(Board.render(state).text, named: "insights-140x40-paged")
        BoardFixture.press([.escape], &state)
        #expect(state.mode == .board)
    }

    @Test func insightsInASCII() {
        var state = Self.state(width: 80, height: 24, unicode: false)
        BoardFixture.press(["I", "G"], &state)
        let text = Board.render(state).text
        let allASCII = text.allSatisfy { $0.isASCII }
        #expect(allASCII)
        expectSnapshot(text, named: "insights-ascii-end")
    }
}
