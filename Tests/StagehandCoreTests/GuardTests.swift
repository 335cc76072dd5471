import Foundation
import Testing
@testable import StagehandCore

/// Spec §2, guards: each one is shown in the plan before the move and recorded on
/// the timeline when the action is skipped.
@Suite struct GuardTests {
    typealias T = TestWorkspace

    // MARK: No email address, do not email

    @Test("Emails to candidates who cannot be mailed are skipped with the reason", arguments: [
        (T.chloe, "no email address"),
        (T.dan, "marked do not email"),
    ])
    func unmailableCandidates(candidate: CandidateID, reason: String) throws {
        var ws = T.make()
        let plan = try ws.planTo(T.interview, candidate)
        #expect(plan.moves[0].actions.map(\.skipReason) == [reason, reason, nil])

        let run = try ws.moveTo(T.interview, candidate).runs[0]
        ws.advanceRuns(now: T.now)
        #expect(ws.actionRuns[run]?.steps.map(\.state) == [.skipped(reason), .skipped(reason), .done])
        #expect(ws.emails.isEmpty)

        let skipped = ws.timeline(of: candidate, .actionSkipped)
        #expect(skipped.map(\.text) == [
            "Skipped: Email 'Interview invitation' from the mover, at once — \(reason)",
            "Skipped: Email 'Interview reminder' from the mover, 1 hour after entry — \(reason)",
        ])
        #expect(skipped.allSatisfy { $0.automatic && $0.job == T.backend })
    }

    @Test func anEmptyAddressCountsAsNoAddress() throws {
        var ws = T.make()
        ws.candidates.modify(T.alice) { $0.email = "" }
        #expect(try ws.planTo(T.interview, T.alice).moves[0].actions[0].skipReason == "no email address")
    }

    // MARK: Permissions of the mover

    @Test("An action the mover's role may not perform is skipped with the permission named", arguments: [
        (T.interview, 2, Permission.evaluate),
        (T.offer, 1, Permission.editJobs),
    ])
    func missingPermissionSkips(stage: StageID, index: Int, permission: Permission) throws {
        var ws = T.make()
        let reason = "Cora Coordinator lacks the permission for \(permission.words)"
        let plan = try ws.planTo(stage, T.alice, by: T.cora)
        let verdicts = plan.moves[0].actions.map(\.skipReason)
        #expect(verdicts[index] == reason)
        #expect(verdicts.enumerated().allSatisfy { $0.offset == index || $0.element == nil }, "the others run")

        let run = try ws.moveTo(stage, T.alice, by: T.cora).runs[0]
        ws.advanceRuns(now: T.now)
        let steps = try #require(ws.actionRuns[run]).steps
        let stageActions = try #require(ws.job(T.backend)?.stage(stage)?.actions)
        #expect(steps.count == stageActions.count, "never silently dropped")
        #expect(steps[index].state == .skipped(reason))

        let recorded = try #require(ws.timeline(of: T.alice, .actionSkipped).last)
        #expect(recorded.text.contains(permission.words))
        #expect(recorded.text.hasSuffix(reason))
        #expect(recorded.author == nil)
        #expect(recorded.automatic)
    }

    @Test func whatTheCoordinatorMayDoStillHappens() throws {
        var ws = T.make()
        try ws.moveTo(T.offer, T.alice, by: T.cora)
        ws.advanceRuns(now: T.now)
        #expect(ws.candidates[T.alice]?.talentPools == [T.silver])
        #expect(ws.placement(of: T.alice, in: T.platform) == nil, "the assignment to a job was skipped")
        #expect(ws.emails(of: T.alice).map(\.template) == [T.offerFollowUp])
    }

    @Test func noMoverMeansNoPermissionGuard() throws {
        var ws = T.make()
        let run = try #require(
            try ws.addCandidate(
                NewCandidate(name: "Nina Novak", email: "nina@example.com", source: "career page"), to: T.backend,
                origin: .application, by: nil, now: T.now
            ).run)
        ws.advanceRuns(now: T.now)
        #expect(ws.actionRuns[run]?.steps.map(\.state.name) == ["running", "done"])
    }

    // MARK: Once per stage entry

    @Test func theSameTemplateIsSentAtMostOncePerStageEntryEvenIfEvaluatedAgain() throws {
        var ws = T.make()
        try ws.moveTo(T.interview, T.alice)
        ws.advanceRuns(now: T.now)
        let entry = try #require(ws.placement(of: T.alice)?.entry)
        // The rule is evaluated again for the same entry (say, a second process replays it).
        let replay = ws.startRun(
            for: T.alice, job: T.backend, stage: T.interview, actions: [T.sendInvite, T.sendReminder], trigger: .move,
            mover: T.rita, now: T.now, startsAt: T.now)
        ws.advanceRuns(now: T.now.addingTimeInterval(30))
        #expect(ws.actionRuns[replay]?.steps.map(\.state) == [
            .skipped("already sent for this stage entry"), .skipped("already sent for this stage entry"),
        ])
        #expect(ws.emails(of: T.alice).count == 2)
        #expect(ws.emails(of: T.alice).allSatisfy { $0.entry == entry })
    }

    @Test("A sent, sending or waiting email blocks another; a cancelled or failed one does not", arguments: [
        (EmailStatus.scheduled, true), (.sending, true), (.sent, true), (.cancelled, false), (.failed, false),
    ])
    func whichEmailsCountAsSent(status: EmailStatus, blocks: Bool) throws {
        var ws = T.make()
        try ws.moveTo(T.interview, T.alice)
        ws.advanceRuns(now: T.now, maxSteps: 1)
        let invitation = try #require(ws.emails(of: T.alice).first)
        ws.emails.modify(invitation.id) { $0.status = status }
        let entry = try #require(ws.placement(of: T.alice)?.entry)
        #expect(ws.emailAlreadySent(template: T.invite, candidate: T.alice, job: T.backend, entry: entry) == blocks)
    }

    @Test func twoEmailsFromOneTemplateInOneStageSendOnceAndThePlanSaysSo() throws {
        var ws = T.make()
        let again = AutomaticAction.sendEmail(.init(template: T.invite, sender: .mover, delay: RelativeDuration(1, .days)))
        try ws.addAction(again, to: .stage(.job(T.backend), T.interview), by: T.ada)

        let plan = try ws.planTo(T.interview, T.alice)
        #expect(plan.moves[0].actions.map(\.skipReason) == [nil, nil, nil, "already sent for this stage entry"])

        let run = try ws.moveTo(T.interview, T.alice).runs[0]
        ws.advanceRuns(now: T.now)
        #expect(ws.actionRuns[run]?.steps[3].state == .skipped("already sent for this stage entry"))
        #expect(ws.emails(of: T.alice).filter { $0.template == T.invite }.count == 1)
    }

    @Test func aDuplicateTemplateAfterOneThatIsSkippedIsSkippedForTheSameReasonOnly() throws {
        var ws = T.make()
        let again = AutomaticAction.sendEmail(.init(template: T.invite, sender: .mover, delay: RelativeDuration(1, .days)))
        try ws.addAction(again, to: .stage(.job(T.backend), T.interview), by: T.ada)
        let plan = try ws.planTo(T.interview, T.chloe)
        #expect(plan.moves[0].actions.map(\.skipReason) == ["no email address", "no email address", nil, "no email address"])
    }

    @Test func aRevisitWithRunActionsSendsTheTemplateAgain() throws {
        var ws = T.make()
        let first = try ws.moveTo(T.interview, T.alice).runs[0]
        ws.advanceRuns(now: T.now)
        let sent = try #require(ws.actionRuns[first]?.steps[0].email)
        ws.emails.modify(sent) { $0.status = .sent }  // as the dispatcher would
        ws.actionRuns.modify(first) { $0.steps[0].state = .done }
        let later = T.now.addingTimeInterval(7_200)
        try ws.moveTo(T.offer, T.alice, now: later)
        ws.advanceRuns(now: later)

        let plan = try ws.planTo(T.interview, T.alice)
        #expect(plan.moves[0].actions.allSatisfy { $0.willRun }, "a new stage entry")
        let evenLater = later.addingTimeInterval(7_200)
        try ws.moveTo(T.interview, T.alice, choice: .runActions, now: evenLater)
        ws.advanceRuns(now: evenLater)

        let invitations = ws.emails(of: T.alice).filter { $0.template == T.invite }
        #expect(invitations.count == 2)
        #expect(invitations.map(\.entry) == [2, 4])
        #expect(invitations.map(\.status) == [.sent, .scheduled])
    }

    // MARK: Other guards

    @Test func anAssignmentToAClosedJobIsSkipped() throws {
        var ws = T.make()
        ws.setup.jobs[try #require(ws.jobIndex(T.platform))].status = .closed
        let plan = try ws.planTo(T.offer, T.alice)
        #expect(plan.moves[0].actions[1].skipReason == "the job Platform Engineer is closed")
    }

    @Test func aTaskForSomeoneWhoLeftTheTeamIsSkipped() throws {
        var ws = T.make()
        ws.setup.members.removeAll { $0.id == T.rita }
        let run = try ws.moveTo(T.screen, T.alice, by: T.ada).runs[0]
        ws.advanceRuns(now: T.now)
        #expect(ws.actionRuns[run]?.steps[1].state == .skipped("the assignee rita is not a team member"))
    }
}
