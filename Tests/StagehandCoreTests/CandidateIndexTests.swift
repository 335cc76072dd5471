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

/// Issue 19: cards that entered a stage at the same instant (an import's rows) stand
/// in a natural order — name, then id by its number — not by id as text.
@Suite struct CardOrderTests {
    typealias T = TestWorkspace

    @Test func sameInstantSortsByNameThenByIdNumber() {
        var ws = T.make()
        let at = T.now
        for (id, name) in [("cand-1000", "Zed Same"), ("cand-472", "Zed Same"), ("cand-9", "Amy Early")] {
            ws.candidates.upsert(Candidate(id: CandidateID(id), name: name, email: nil, source: "import", placements: [Placement(job: T.backend, stage: T.hired, enteredAt: at)]))
        }
        #expect(ws.columns(of: T.backend)[T.hired] == ["cand-9", "cand-472", "cand-1000"])
    }
}
