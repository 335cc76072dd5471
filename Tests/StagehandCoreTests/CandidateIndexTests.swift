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

/// A tag typed as cards show it, `#swift`, finds tags alone, on the board and in the finder.
@Suite struct TagFilterTests {
    static let people = [
        Candidate(id: "cand-1", name: "Ana Swift", email: "ana@example.com", source: "referral"),
        Candidate(id: "cand-2", name: "Ben Ode", email: "swift.fan@example.com", source: "career page"),
        Candidate(id: "cand-3", name: "Cy Dale", email: nil, source: "agency", tags: ["Swift-UI", "remote"]),
    ]

    @Test func aLeadingHashMatchesTagsOnlyWhateverTheCase() {
        let hash = CardFilter("#swift")
        #expect(Self.people.filter { $0.matches(hash) }.map(\.name) == ["Cy Dale"])
        #expect(Self.people.filter { $0.matches(CardFilter("swift")) }.count == 3, "without # every field counts")
        #expect(Self.people.allSatisfy { $0.matches(CardFilter("#")) }, "a lone # filters nothing out yet")
    }

    @Test func theFinderFindsTagsTheSameWay() {
        var ws = TestWorkspace.make()
        for person in Self.people { ws.candidates.upsert(person) }
        let index = CandidateIndex(ws)
        #expect(index.find(CardFilter("#swift")) == ["cand-3"])
        #expect(Set(index.find(CardFilter("swift"))).isSuperset(of: ["cand-1", "cand-2", "cand-3"]))
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
