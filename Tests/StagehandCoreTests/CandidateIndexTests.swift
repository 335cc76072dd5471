import Foundation
import Testing
@testable import StagehandCore

/// The finder's index: names first, in the order a person reads them.
@Suite struct CandidateIndexTests {
    @Test func namesComeFirstThenEmailsSourcesAndTagsAndAccentsDoNotMoveANameToTheEnd() {
        let ws = SampleWorkspace.make(now: Date(timeIntervalSince1970: 1_795_597_200), currentLogin: "ana")
        let index = CandidateIndex(ws)
        let found = index.find(CardFilter("l"))
        let names = found.compactMap { ws.candidates[$0]?.name }
        let firstWithoutL = names.firstIndex { !CardFilter.fold($0).contains("l") } ?? names.count
        #expect(names[..<firstWithoutL].allSatisfy { CardFilter.fold($0).contains("l") }, "every name holding an l comes before the rest")
        #expect(names[firstWithoutL...].allSatisfy { !CardFilter.fold($0).contains("l") })
        let lea = names.firstIndex(of: "Léa Moreau")
        let lukas = names.firstIndex(of: "Lukas Novák")
        #expect(lea != nil && lukas != nil && lea! < lukas!, "Léa sorts before Lukas, accents aside")
    }
}
