import Foundation
import Testing
@testable import StagehandCore

/// Spec §7: candidates, jobs and stages are named by id or by an unambiguous part
/// of the name.
@Suite struct NameLookupTests {
    typealias T = TestWorkspace

    @Test("Candidates found by id or by name", arguments: [
        ("cand-bruno", T.bruno),  // id
        ("Alice Martin", T.alice),  // exact name
        ("alice martin", T.alice),  // case-insensitive
        (" Alice Martin ", T.alice),  // surrounding spaces
        ("bruno", T.bruno),  // unique part
        ("Bruno Diaz", T.bruno),  // accent-insensitive
        ("chloe", T.chloe),
        ("CHLOÉ DUBOIS", T.chloe),
        ("eve", T.eve),
        ("brown", T.dan),
    ])
    func findsCandidates(text: String, expected: CandidateID) throws {
        #expect(try T.make().findCandidate(text).id == expected)
    }

    @Test func anAmbiguousNameListsTheMatches() {
        #expect(
            throws: StagehandError.ambiguous(
                kind: "candidate", name: "martin", matches: ["Alice Martin [cand-alice]", "Eve Martin [cand-eve]"])
        ) {
            try T.make().findCandidate("martin")
        }
        let sentence = StagehandError.ambiguous(kind: "candidate", name: "martin", matches: ["A", "B"]).sentence
        #expect(sentence.contains("A, B"))
        #expect(
            StagehandError.ambiguous(kind: "stage of Backend", name: "e", matches: ["Applied", "Offer"]).sentence
                == "'e' matches several stages of Backend (Applied, Offer): use more of the name or the id.")
    }

    @Test func anIdPastedWithSpacesIsStillThatId() throws {
        var ws = T.make()
        ws.candidates.upsert(StoreFixtures.candidate("cand-alice-2", "Alicia Keys"))
        #expect(try ws.findCandidate(" cand-alice ").id == T.alice)
        #expect(try NameLookup.find("job-1 ", kind: "job", in: ["job-1", "job-12"], id: { $0 }, name: { _ in "Backend" }) == "job-1")
    }

    @Test func aCandidateInNoJobIsSaidToBeInNone() throws {
        var ws = T.make()
        ws.candidates.modify(T.alice) { $0.placements = [] }
        let alice = try #require(ws.candidates[T.alice])
        #expect(throws: StagehandError.invalidAction("Alice Martin is in no job: add them to one first.")) {
            try ws.jobForCandidate(alice, named: nil)
        }
    }

    @Test("Nothing found", arguments: ["Zed", "", "   "])
    func notFound(text: String) {
        #expect(throws: StagehandError.notFound(kind: "candidate", name: text)) { try T.make().findCandidate(text) }
    }

    @Test func anExactNameWinsOverPartialMatches() throws {
        var ws = T.make()
        ws.candidates.upsert(Candidate(id: "cand-al", name: "Al", email: nil, source: "x"))
        // "Al" is part of "Alice Martin" too, but it is also someone's whole name.
        #expect(try ws.findCandidate("al").id == "cand-al")
    }

    @Test func aNameWithAWordStartingWithTheTextWinsOverOnesThatMerelyContainIt() throws {
        var ws = T.make()
        ws.candidates.upsert(Candidate(id: "cand-liam", name: "Liam O'Connor", email: nil, source: "x"))
        ws.candidates.upsert(Candidate(id: "cand-noah", name: "Noah Williams", email: nil, source: "x"))
        #expect(try ws.findCandidate("liam").id == "cand-liam", "'liam' is inside Williams too, but not as a word")
        #expect(try ws.findCandidate("will").id == "cand-noah")
        #expect(try ws.findCandidate("connor").id == "cand-liam", "after an apostrophe a word starts")
        #expect(try ws.findCandidate("iams").id == "cand-noah", "no word starts with it: any part of a name still does")
    }

    @Test func anAmbiguityBeyondEightMatchesSaysHowManyMoreThereAre() {
        var ws = T.make()
        for number in 1...11 { ws.candidates.upsert(Candidate(id: CandidateID("cand-s\(number)"), name: "Sam \(number)", email: nil, source: "x")) }
        do {
            _ = try ws.findCandidate("sam")
            Issue.record("found one of eleven")
        } catch let error as StagehandError {
            guard case .ambiguous(_, _, let matches, let more) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(matches.count == 8 && more == 3)
            #expect(error.sentence.contains("Sam 8 [cand-s8], and 3 more)"), "\(error.sentence)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func anExactIdWinsOverNames() throws {
        var ws = T.make()
        ws.candidates.upsert(Candidate(id: "cand-x", name: "cand-alice", email: nil, source: "x"))
        #expect(try ws.findCandidate("cand-alice").id == T.alice)
    }

    @Test func twoPeopleWithTheSameNameAreAmbiguous() {
        var ws = T.make()
        ws.candidates.upsert(Candidate(id: "cand-alice2", name: "Alice Martin", email: nil, source: "x"))
        #expect(throws: StagehandError.ambiguous(
            kind: "candidate", name: "Alice Martin", matches: ["Alice Martin [cand-alice]", "Alice Martin [cand-alice2]"])
        ) {
            try ws.findCandidate("Alice Martin")
        }
    }

    @Test("Jobs, stages, members, reasons, pools and templates", arguments: [
        ("job", "backend", "job-backend"),
        ("job", "PLATFORM engineer", "job-platform"),
        ("job", "job-office", "job-office"),
        ("stage", "2", "screen"),
        ("stage", "interv", "interview"),
        ("stage", "offer", "offer"),
        ("stage", "phone", "screen"),
        ("member", "rita", "rita"),  // login
        ("member", "hugo hiring", "hugo"),
        ("member", "coordinator", "cora"),
        ("reason", "skills", "reason-skills"),
        ("pool", "alum", "pool-alumni"),
        ("template", "invitation", "tpl-invite"),
    ])
    func findsOtherThings(kind: String, text: String, expected: String) throws {
        let ws = T.make()
        let found: String =
            switch kind {
            case "job": try ws.findJob(text).id.rawValue
            case "stage": try ws.findStage(text, in: #require(ws.job(T.backend))).id.rawValue
            case "member": try ws.findMember(text).id.rawValue
            case "reason": try ws.findReason(text).id.rawValue
            case "pool": try ws.findTalentPool(text).id.rawValue
            default: try ws.findTemplate(text).id.rawValue
            }
        #expect(found == expected)
    }

    @Test func ambiguousAndMissingOtherThings() throws {
        let ws = T.make()
        #expect(throws: StagehandError.ambiguous(
            kind: "email template", name: "interview",
            matches: ["Interview invitation [tpl-invite]", "Interview reminder [tpl-reminder]"])
        ) {
            try ws.findTemplate("interview")
        }
        #expect(throws: StagehandError.ambiguous(
            kind: "job", name: "engineer",
            matches: ["Backend Engineer [job-backend]", "Platform Engineer [job-platform]"])
        ) {
            try ws.findJob("engineer")
        }
        #expect(throws: StagehandError.invalidAction("Backend Engineer has 5 stages; there is no stage 6: use 1–5, or a stage's name.")) {
            try ws.findStage("6", in: #require(ws.job(T.backend)))
        }
        #expect(throws: StagehandError.notFound(kind: "stage of Backend Engineer", name: "Culture")) {
            try ws.findStage("Culture", in: #require(ws.job(T.backend)))
        }
        #expect(throws: StagehandError.notFound(kind: "talent pool", name: "gold")) { try ws.findTalentPool("gold") }
    }

    @Test func theJobACommandMeans() throws {
        var ws = T.make()
        let alice = try #require(ws.candidates[T.alice])
        #expect(try ws.jobForCandidate(alice, named: nil).id == T.backend)
        #expect(throws: StagehandError.candidateNotInJob(candidate: "Alice Martin", job: "Platform Engineer")) {
            try ws.jobForCandidate(alice, named: "platform")
        }
        ws.candidates.modify(T.alice) { $0.placements.append(Placement(job: T.platform, stage: T.platformApplied, enteredAt: T.now)) }
        let twice = try #require(ws.candidates[T.alice])
        #expect(throws: StagehandError.candidateInSeveralJobs(candidate: "Alice Martin", jobs: ["Backend Engineer", "Platform Engineer"])) {
            try ws.jobForCandidate(twice, named: nil)
        }
        #expect(try ws.jobForCandidate(twice, named: "platform").id == T.platform)
    }
}
