import Foundation
import Testing
@testable import StagehandCore

/// Notes, tags, following and contact details, by hand.
@Suite struct CandidateDetailsTests {
    typealias T = TestWorkspace

    @Test func aNoteByHandHasItsAuthorAndAnAutomaticOneHasNone() throws {
        var ws = T.make()
        try ws.addNote(T.alice, text: "Line one\nLine two", by: T.hugo, now: T.now)
        let note = try #require(ws.timeline(of: T.alice, .note).last)
        #expect(note.author == T.hugo && !note.automatic && note.text == "Line one\nLine two")
        try ws.moveTo(T.screen, T.alice)
        ws.advanceRuns(now: T.now)
        let automatic = try #require(ws.timeline(of: T.alice, .note).last)
        #expect(automatic.automatic && automatic.author == nil)
        #expect(throws: StagehandError.invalidAction("A note needs some text.")) { try ws.addNote(T.alice, text: "  \n", by: T.hugo, now: T.now) }
    }

    @Test(arguments: ["#senior", "two words", "tab\there", "bell\u{7}", ""])
    func aTagIsOneWordWithoutAHash(_ tag: String) {
        var ws = T.make()
        #expect(throws: StagehandError.self) { try ws.tag(T.alice, adding: [tag], removing: [], by: T.rita, now: T.now) }
    }

    @Test func tagsAreAddedAndRemovedByAnyMember() throws {
        var ws = T.make()
        try ws.tag(T.alice, adding: ["senior", "take-home"], removing: [], by: T.hugo, now: T.now)
        #expect(ws.candidates[T.alice]?.tags == ["senior", "take-home"])
        let (added, removed) = try ws.tag(T.alice, adding: ["swift"], removing: ["senior"], by: T.hugo, now: T.now)
        #expect(added == ["swift"] && removed == ["senior"] && ws.candidates[T.alice]?.tags == ["take-home", "swift"])
        #expect(ws.timeline(of: T.alice, .untagged).last?.text == "Untagged senior")
        #expect(throws: StagehandError.invalidAction("Alice Martin has no tag 'senior': nothing to remove.")) {
            try ws.tag(T.alice, adding: [], removing: ["senior"], by: T.hugo, now: T.now)
        }
    }

    @Test(arguments: [["swift"], []]) func aTagBothToAddAndToRemoveIsRefusedWhetherOrNotItIsThere(_ existing: [String]) throws {
        var ws = T.make()
        if !existing.isEmpty { try ws.tag(T.alice, adding: existing, removing: [], by: T.hugo, now: T.now) }
        let before = ws
        #expect(throws: StagehandError.invalidAction("'swift' is both to add and to remove: say one of them.")) {
            try ws.tag(T.alice, adding: ["swift"], removing: ["Swift"], by: T.hugo, now: T.now)
        }
        #expect(ws == before, "no timeline entry that records nothing")
    }

    @Test func aTagTypedInAnotherCaseTakesTheSpellingAlreadyInUse() throws {
        var ws = T.make()
        let other = try #require(ws.candidates.first { $0.id != T.alice }?.id)
        try ws.tag(other, adding: ["relocation"], removing: [], by: T.hugo, now: T.now)
        let (added, _) = try ws.tag(T.alice, adding: ["Relocation", "Brand-New"], removing: [], by: T.hugo, now: T.now)
        #expect(added == ["relocation", "Brand-New"], "one tag, one spelling; a new one as typed")
        #expect(ws.candidates[T.alice]?.tags == ["relocation", "Brand-New"])
    }

    @Test func tagsThatDifferOnlyInCaseAreOneTag() throws {
        var ws = T.make()
        try ws.tag(T.alice, adding: ["Senior"], removing: [], by: T.hugo, now: T.now)
        let (added, _) = try ws.tag(T.alice, adding: ["senior", "SENIOR"], removing: [], by: T.hugo, now: T.now)
        #expect(added.isEmpty && ws.candidates[T.alice]?.tags == ["Senior"])
        let (_, removed) = try ws.tag(T.alice, adding: [], removing: ["senior"], by: T.hugo, now: T.now)
        #expect(removed == ["Senior"] && ws.candidates[T.alice]?.tags == [])
    }

    @Test func followingAndUnfollowing() throws {
        var ws = T.make()
        #expect(try ws.follow(T.alice, by: T.hugo, now: T.now))
        #expect(try !ws.follow(T.alice, by: T.hugo, now: T.now), "following twice changes nothing")
        #expect(ws.candidates[T.alice]?.followers == [T.hugo])
        #expect(try ws.unfollow(T.alice, by: T.hugo, now: T.now))
        #expect(ws.candidates[T.alice]?.followers == [])
    }

    @Test func contactDetailsNeedThePermissionAndAValidUniqueAddress() throws {
        var ws = T.make()
        #expect(throws: StagehandError.missingPermission(member: "Hugo Hiring", missing: [.moveCandidates], doing: "change candidates' contact details")) {
            try ws.editContact(T.alice, name: "Alice M.", by: T.hugo, now: T.now)
        }
        #expect(throws: StagehandError.self) { try ws.editContact(T.alice, email: "nope", by: T.rita, now: T.now) }
        #expect(throws: StagehandError.invalidAction("Bruno Díaz has the address BRUNO@example.com already: one address belongs to one candidate.")) {
            try ws.editContact(T.alice, email: "BRUNO@example.com", by: T.rita, now: T.now)
        }
        try ws.editContact(T.chloe, name: "Chloé Dubois-Roy", email: "chloe@example.com", doNotEmail: true, by: T.rita, now: T.now)
        let chloe = try #require(ws.candidates[T.chloe])
        #expect(chloe.name == "Chloé Dubois-Roy" && chloe.email == "chloe@example.com" && chloe.doNotEmail)
        try ws.editContact(T.chloe, email: "", by: T.rita, now: T.now)
        #expect(ws.candidates[T.chloe]?.email == nil, "an empty address removes it")
        #expect(ws.timeline(of: T.chloe, .contactEdited).count == 2)
    }

    @Test func reinstatingPutsTheCandidateBackRunsNothingAndCancelsTheRejection() throws {
        var ws = T.make()
        try ws.moveTo(T.screen, T.alice)
        try ws.disqualify(T.alice, from: T.backend, reason: T.skillsMismatch, by: T.rita, now: T.now)
        ws.advanceRuns(now: T.now)
        let rejection = try #require(ws.emails(of: T.alice).first { $0.template == T.rejection })
        #expect(rejection.status == .scheduled)
        let runs = ws.actionRuns.count
        let cancelled = try ws.reinstate(T.alice, in: T.backend, by: T.rita, now: T.now)
        #expect(ws.placement(of: T.alice)?.disqualification == nil && ws.placement(of: T.alice)?.stage == T.screen)
        #expect(ws.emails[rejection.id]?.status == .cancelled && cancelled.count == 1)
        #expect(ws.actionRuns.count == runs, "no actions fire")
        #expect(ws.timeline(of: T.alice, .reinstated).last?.author == T.rita)
        let cancellation = try #require(ws.timeline(of: T.alice, .actionsCancelled).last?.text)
        #expect(cancellation.contains("after disqualification") && !cancellation.contains("after entry"), "\(cancellation)")
        #expect(throws: StagehandError.invalidAction("Alice Martin is not disqualified from Backend Engineer: nothing to reinstate.")) {
            try ws.reinstate(T.alice, in: T.backend, by: T.rita, now: T.now)
        }
        #expect(throws: StagehandError.missingPermission(member: "Hugo Hiring", missing: [.moveCandidates], doing: "reinstate candidates")) {
            try ws.reinstate(T.bruno, in: T.backend, by: T.hugo, now: T.now)
        }
    }
}
