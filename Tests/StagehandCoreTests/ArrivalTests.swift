import Foundation
import Testing
@testable import StagehandCore

/// Spec §3.4: applying (career page, manual add, referral) fires the first stage's
/// actions; a CSV import or a CV forwarded to the job's mailbox fires none.
@Suite struct ArrivalTests {
    typealias T = TestWorkspace

    static let newcomer = NewCandidate(name: "Nina Novak", email: "nina@example.com", source: "LinkedIn", tags: ["senior"])

    @Test("Which arrivals fire the first stage's actions", arguments: [
        (CandidateOrigin.application, true, ActivityKind.applied),
        (.manualAdd, true, .applied),
        (.referral, true, .applied),
        (.csvImport, false, .imported),
        (.forwardedCV, false, .forwarded),
    ])
    func arrivalFiresActionsOnlyForApplications(origin: CandidateOrigin, fires: Bool, kind: ActivityKind) throws {
        #expect(origin.firesActions == fires)
        var ws = T.make()
        let outcome = try ws.addCandidate(Self.newcomer, to: T.backend, origin: origin, by: T.rita, now: T.now)
        let candidate = try #require(ws.candidates[outcome.candidate])
        #expect(candidate.placement(in: T.backend)?.stage == T.applied)
        #expect(candidate.placement(in: T.backend)?.entry == 1)
        #expect(candidate.placement(in: T.backend)?.enteredAt == T.now)
        #expect(candidate.tags == ["senior"])
        #expect(ws.timeline(of: outcome.candidate).map(\.kind) == [kind])
        #expect(ws.timeline(of: outcome.candidate).first?.automatic == false)

        #expect((outcome.run != nil) == fires)
        #expect(ws.actionRuns.count == (fires ? 1 : 0))
        ws.advanceRuns(now: T.now)
        if let runID = outcome.run {
            let run = try #require(ws.actionRuns[runID])
            #expect(run.trigger == .apply)
            #expect(run.stage == T.applied)
            #expect(run.steps.map(\.action) == [T.sendThanks, T.tagApplicant])
            #expect(ws.emails(of: outcome.candidate).map(\.template) == [T.thanks])
            #expect(ws.candidates[outcome.candidate]?.tags == ["senior", "applicant"])
        } else {
            #expect(ws.emails.isEmpty)
            #expect(ws.candidates[outcome.candidate]?.tags == ["senior"])
        }
    }

    @Test func aCareerPageApplicationHasNoMoverAndMailsFromTheFixedSender() throws {
        var ws = T.make()
        let outcome = try ws.addCandidate(Self.newcomer, to: T.backend, origin: .application, by: nil, now: T.now, grace: 3)
        let runID = try #require(outcome.run)
        let run = try #require(ws.actionRuns[runID])
        #expect(run.mover == nil)
        #expect(run.startsAt == T.now.addingTimeInterval(3))
        ws.advanceRuns(now: T.now.addingTimeInterval(3))
        let email = try #require(ws.emails(of: outcome.candidate).first)
        #expect(email.fromName == "Rita Recruiter")
        #expect(email.toAddress == "nina@example.com")
        #expect(ws.timeline(of: outcome.candidate).first?.author == nil)
    }

    @Test func theSameEmailIsTheSameCandidate() throws {
        var ws = T.make()
        let count = ws.candidates.count
        let outcome = try ws.addCandidate(
            NewCandidate(name: "A. Martin", email: "  ALICE@example.com ", source: "referral"), to: T.platform,
            origin: .referral, by: T.rita, now: T.now)
        #expect(outcome.candidate == T.alice)
        #expect(ws.candidates.count == count, "no second card")
        let alice = try #require(ws.candidates[T.alice])
        #expect(alice.name == "Alice Martin")
        #expect(alice.placements.map(\.job) == [T.backend, T.platform])
    }

    @Test func aKnownCandidateAlreadyInTheJobIsRefused() throws {
        var ws = T.make()
        let before = ws
        #expect(throws: StagehandError.invalidAction("Alice Martin <alice@example.com> is already in Backend Engineer.")) {
            try ws.addCandidate(
                NewCandidate(name: "Alice Martin", email: "alice@example.com", source: "x"), to: T.backend,
                origin: .application, by: nil, now: T.now)
        }
        #expect(ws == before)
    }

    @Test("Arrivals into a closed job are refused, whatever the origin", arguments: CandidateOrigin.allCases)
    func closedJobRefused(origin: CandidateOrigin) throws {
        var ws = T.make()
        let before = ws
        #expect(throws: StagehandError.jobClosed("Office Manager")) {
            try ws.addCandidate(Self.newcomer, to: T.closedJob, origin: origin, by: T.rita, now: T.now)
        }
        #expect(ws == before)
    }

    @Test func peopleWithNoEmailAreAlwaysNewCandidates() throws {
        var ws = T.make()
        let first = try ws.addCandidate(
            NewCandidate(name: "Sam Lee", email: nil, source: "fair"), to: T.backend, origin: .csvImport, by: T.rita, now: T.now)
        let second = try ws.addCandidate(
            NewCandidate(name: "Sam Lee", email: "", source: "fair"), to: T.backend, origin: .csvImport, by: T.rita, now: T.now)
        #expect(first.candidate != second.candidate)
        #expect(ws.candidates[second.candidate]?.email == nil)
    }

    @Test func badInputIsRefused() throws {
        var ws = T.make()
        #expect(throws: StagehandError.invalidAction("A candidate needs a name.")) {
            try ws.addCandidate(NewCandidate(name: "  ", email: nil, source: "x"), to: T.backend, origin: .manualAdd, by: T.rita, now: T.now)
        }
        #expect(throws: StagehandError.invalidAction("'nina.example.com' is not an email address: use the form name@example.com.")) {
            try ws.addCandidate(
                NewCandidate(name: "Nina", email: "nina.example.com", source: "x"), to: T.backend, origin: .manualAdd, by: T.rita,
                now: T.now)
        }
        #expect(throws: StagehandError.notFound(kind: "job", name: "job-nope")) {
            try ws.addCandidate(Self.newcomer, to: "job-nope", origin: .manualAdd, by: T.rita, now: T.now)
        }
    }

    @Test func aHiringManagerCannotAddCandidates() throws {
        var ws = T.make()
        #expect(
            throws: StagehandError.missingPermission(member: "Hugo Hiring", missing: [.moveCandidates], doing: "add candidates")
        ) {
            try ws.addCandidate(Self.newcomer, to: T.backend, origin: .manualAdd, by: T.hugo, now: T.now)
        }
    }
}

/// Issue 19: an import finds people already known by email through an index, with
/// the same answers as comparing every candidate.
@Suite struct ImportByEmailTests {
    typealias T = TestWorkspace

    @Test func aKnownAddressInAnyCaseGetsTheJobAddedAndARepeatedRowIsRefused() throws {
        var ws = T.make()
        let csv = "name,email\nEve M.,EVE@example.com\nNew Person,new@example.com\n"
        let outcomes = try ws.importCandidates(csv: csv, file: "people.csv", to: T.backend, by: T.rita, now: T.now)
        #expect(outcomes.first?.candidate == T.eve, "Eve, known from the platform job, gets the backend job too")
        #expect(ws.candidates[T.eve]?.placement(in: T.backend) != nil)
        #expect(ws.candidates.count == 6)

        let twice = "name,email\nOne,same@example.com\nTwo,Same@Example.com\n"
        let before = ws
        #expect(throws: CandidateImportError.self) { try ws.importCandidates(csv: twice, file: "twice.csv", to: T.backend, by: T.rita, now: T.now) }
        #expect(ws == before, "one bad row imports nothing")
    }

    @Test(arguments: ["", "\n", "  \n\n"]) func anEmptyFileIsCalledEmpty(_ csv: String) {
        var ws = T.make()
        #expect(throws: CandidateImportError(file: "empty.csv", row: nil, problem: "the file is empty (expected a header line: name,email,source,tags)")) {
            try ws.importCandidates(csv: csv, file: "empty.csv", to: T.backend, by: T.rita, now: T.now)
        }
    }
}
