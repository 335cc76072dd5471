import Foundation
import Testing
@testable import StagehandCore

/// A table records what each change overwrote, so a failed change is undone
/// without a copy of the table having been kept.
@Suite struct EntityTableUndoTests {
    private static func email(_ id: EmailID, for candidate: CandidateID, subject: String = "Hello") -> OutgoingEmail {
        OutgoingEmail(
            id: id, candidate: candidate, job: "job-1", stage: nil, template: "welcome", entry: 1, sender: nil,
            fromName: "Ana", fromAddress: "ana@acme.test", toName: "Bea", toAddress: "bea@example.com",
            subject: subject, body: "Hi", createdAt: StoreFixtures.start, dueAt: StoreFixtures.start)
    }

    private static var emails: EntityTable<OutgoingEmail> {
        EntityTable([
            email("email-1", for: "cand-1"), email("email-2", for: "cand-2"), email("email-3", for: "cand-1"),
            email("email-4", for: "cand-1"),
        ])
    }

    /// A file with an id twice (edited by hand) keeps the last, where the first
    /// stood; the candidate index lists each record once, in order.
    @Test func aTableMadeWithAnIdTwiceKeepsTheLastWhereTheFirstStood() {
        let table = EntityTable([
            Self.email("email-1", for: "cand-1", subject: "First"), Self.email("email-2", for: "cand-2"),
            Self.email("email-1", for: "cand-1", subject: "Last"), Self.email("email-3", for: "cand-1"),
            Self.email("email-3", for: "cand-2", subject: "About someone else"),
        ])
        #expect(table.ids == ["email-1", "email-2", "email-3"])
        #expect(table["email-1"]?.subject == "Last")
        #expect(table.records(of: "cand-1").map(\.id) == ["email-1"], "the email kept is about cand-2")
        #expect(table.records(of: "cand-2").map(\.id) == ["email-2", "email-3"])
        let people = EntityTable([StoreFixtures.candidate("cand-1", "Bea Costa"), StoreFixtures.candidate("cand-2", "Caio Reis")])
        #expect(people.ids == ["cand-1", "cand-2"])
        #expect(people.records(of: "cand-1").isEmpty, "candidates are no records about a candidate")
    }

    @Test func rollingBackRestoresContentsOrderAndCandidateIndexExactly() {
        let original = Self.emails
        var table = original
        table.modify("email-3") { $0.subject = "Changed" }
        table.modify("email-3") { $0.subject = "Changed again" }
        table.remove("email-1")
        table.upsert(Self.email("email-5", for: "cand-1"))
        table.upsert(Self.email("email-6", for: "cand-3"))
        table.remove("email-5")
        table.upsert(Self.email("email-1", for: "cand-1", subject: "Back"))
        table.upsert(Self.email("email-2", for: "cand-2", subject: "Replaced"))
        table.remove("email-4")

        table.rollBack()

        #expect(table == original)
        #expect(table.ids == original.ids)
        for candidate: CandidateID in ["cand-1", "cand-2", "cand-3"] {
            #expect(table.records(of: candidate).map(\.id) == original.records(of: candidate).map(\.id))
        }
        #expect(!table.hasChanges)
    }

    @Test func rollingBackKeepsWhatWasThereWhenChangesWereLastForgotten() {
        var table = Self.emails
        table.remove("email-2")
        table.forgetChanges()
        let kept = table
        table.upsert(Self.email("email-9", for: "cand-2"))
        table.modify("email-1") { $0.subject = "Changed" }

        table.rollBack()

        #expect(table == kept)
        #expect(table.records(of: "cand-2").isEmpty)
    }

    @Test func theEntitiesAddedAreTheLastOnesAndThoseAddedAgainHaveMoved() {
        var table = Self.emails
        table.remove("email-2")
        table.upsert(Self.email("email-7", for: "cand-1"))
        table.upsert(Self.email("email-2", for: "cand-2"))
        table.modify("email-3") { $0.subject = "Changed" }

        let appended = table.appended
        #expect(appended.entities.map(\.id) == ["email-7", "email-2"])
        #expect(appended.moved == ["email-2"])
    }

    @Test func copiesShareTheirOriginUntilChangesAreForgotten() {
        var table = Self.emails
        let copy = table
        #expect(copy.origin === table.origin)
        table.modify("email-1") { $0.subject = "Changed" }
        #expect(copy.origin === table.origin)
        table.forgetChanges()
        #expect(copy.origin !== table.origin)
        #expect(EntityTable(Array(table)).origin !== table.origin)
    }
}
