import Foundation
import StagehandCore
import Testing
@testable import StagehandBoard

/// Issue 5: the Scheduled view (`s`) sends now, cancels and retries; the profile retries
/// its candidate's failed emails with `r`.
@Suite struct ScheduledUpdateTests {
    typealias F = BoardFixture

    /// The sample with its soonest waiting email failed, and another one unknown.
    static func stateWithTroubledEmails() -> (BoardState, failed: OutgoingEmail, unknown: OutgoingEmail) {
        var state = F.state()
        let waiting = state.workspace.waitingEmails
        var failed = waiting[0]
        failed.status = .failed
        failed.failure = "The server answered 550 5.1.1 User unknown"
        var unknown = waiting[1]
        unknown.status = .unknown
        unknown.failure = "check the server: process 42 on host stopped while sending it"
        state.workspace.emails.upsert(failed)
        state.workspace.emails.upsert(unknown)
        return (state, failed, unknown)
    }

    @Test func theViewListsWaitingEmailsSoonestFirstThenTheOnesToRetry() {
        var state = F.state()
        F.press([.character("s")], &state)
        #expect(state.mode == .scheduled(selected: 0))
        let due = state.scheduledList.map(\.dueAt)
        #expect(!due.isEmpty && due == due.sorted())
        let text = Board.render(state).text
        for column in ["Due", "Candidate", "Job", "Stage", "Email or action", "Sender"] { #expect(text.contains(column)) }
        var (troubled, failed, unknown) = Self.stateWithTroubledEmails()
        F.press([.character("s")], &troubled)
        #expect(troubled.scheduledList.suffix(2).map(\.id) == [failed.id.rawValue, unknown.id.rawValue])
    }

    @Test func nSendsNowAndXCancelsTheSelectedEmailAfterAskingWhoItIsFor() throws {
        var state = F.state()
        F.press([.character("s")], &state)
        let first = try #require(state.scheduledList[0].email)
        let name = state.workspace.candidates[first.candidate]?.name ?? ""
        #expect(F.press([.character("n")], &state).isEmpty, "nothing is sent before the answer")
        #expect(Board.render(state).text.contains("Send '\(first.subject)' to \(name) now?"))
        #expect(F.press([.enter], &state).isEmpty, "Enter answers no, the safe choice")
        #expect(state.mode == .scheduled(selected: 0))
        #expect(F.press([.character("n"), .character("y")], &state) == [.change(.sendEmailsNow([first.id]), grace: nil)])
        let second = try #require(state.scheduledList[1].email)
        #expect(F.press([.character("j"), .character("x")], &state).isEmpty)
        #expect(Board.render(state).text.contains("Cancel '\(second.subject)'"))
        #expect(F.press([.character("y")], &state) == [.change(.cancelEmails([second.id]), grace: nil)])
        #expect(state.mode == .scheduled(selected: 1), "the list comes back after the answer")
    }

    @Test func rRetriesAFailedOrUnknownEmailAndOnlyThose() {
        var plain = F.state()
        F.press([.character("s")], &plain)
        #expect(F.press([.character("r")], &plain).isEmpty, "a waiting email is not retried")
        #expect(plain.status?.text.hasPrefix("Only a failed email, or one whose sending is unknown, can be retried") == true)
        var (state, failed, unknown) = Self.stateWithTroubledEmails()
        F.press([.character("s")], &state)
        let rows = state.scheduledList
        let failedRow = rows.firstIndex { $0.id == failed.id.rawValue }!
        let unknownRow = rows.firstIndex { $0.id == unknown.id.rawValue }!
        F.press(Array(repeating: .character("j"), count: failedRow), &state)
        #expect(F.press([.character("r")], &state) == [.change(.retryEmails([failed.id]), grace: nil)])
        #expect(F.press([.character("n")], &state).isEmpty, "a failed email is not sent now: it is retried")
        F.press(Array(repeating: .character("j"), count: unknownRow - failedRow), &state)
        #expect(F.press([.character("r")], &state) == [.change(.retryEmails([unknown.id]), grace: nil)])
        #expect(Board.render(state).text.contains("check the server"), "the selected email says why it is listed")
    }

    @Test func theProfileRetriesItsCandidatesFailedEmails() {
        var (state, failed, _) = Self.stateWithTroubledEmails()
        state.mode = .profile(failed.candidate, PageCursor(), back: .board)
        #expect(F.press([.character("r")], &state) == [.change(.retryEmails([failed.id]), grace: nil)])
        let someoneElse = state.workspace.candidates.first { candidate in !state.workspace.emailsToRetry.contains { $0.candidate == candidate.id } }!
        state.mode = .profile(someoneElse.id, PageCursor(), back: .board)
        #expect(F.press([.character("r")], &state).isEmpty)
        #expect(state.status?.text == "No failed email to retry for this candidate")
    }

    @Test func aHiringManagerCannotRetry() {
        var (state, failed, _) = Self.stateWithTroubledEmails()
        let workspace = state.workspace
        state = F.state(login: "dev")
        state.workspace = workspace
        state.mode = .profile(failed.candidate, PageCursor(), back: .board)
        #expect(F.press([.character("r")], &state).isEmpty)
        #expect(state.status?.text == "Dev Patel may not retry emails: that needs the permission for moving candidates; ask an admin.")
    }

    @Test func theProfileShowsEachEmailsExactSubjectAndBody() throws {
        var state = F.state(height: 200)
        let email = try #require(state.workspace.waitingEmails.first)
        state.mode = .profile(email.candidate, PageCursor(), back: .board)
        let text = Board.render(state).text
        #expect(text.contains("Emails, exactly as sent or to be sent"))
        #expect(text.contains(email.subject))
        for line in email.body.split(separator: "\n") where !line.isEmpty { #expect(text.contains(line.prefix(40))) }
    }
}

extension ScheduledItem {
    var email: OutgoingEmail? {
        if case .email(let email) = self { email } else { nil }
    }

    /// The id `stagehand scheduled` lists too.
    var id: String {
        switch self {
        case .email(let email): email.id.rawValue
        case .timed(let run): run.id.rawValue
        }
    }
}
