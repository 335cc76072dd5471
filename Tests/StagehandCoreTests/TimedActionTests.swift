import Foundation
import Testing
@testable import StagehandCore

/// Issue 18: actions on time in stage. They run once per stage entry when their
/// time has passed, only if the candidate is still in that stage and not
/// disqualified; moving on first cancels them; a move back is a new entry.
@Suite struct TimedActionTests {
    typealias T = TestWorkspace
    static let phoneScreen = ActionOwner.stage(.job(T.backend), T.screen)
    static let stale = AutomaticAction.addTags(.init(tags: ["stale"]))
    static let nudge = AutomaticAction.sendEmail(.init(template: T.offerFollowUp, sender: .member(T.rita)))
    static let day: TimeInterval = 86_400

    /// The backend job's Phone screen tags a candidate `stale` and nudges them by
    /// email after 2 days there.
    func workspace(after: RelativeDuration = .init(2, .days)) throws -> Workspace {
        var ws = T.make()
        try ws.addAction(Self.stale, after: after, to: Self.phoneScreen, by: T.ada)
        try ws.addAction(Self.nudge, after: after, to: Self.phoneScreen, by: T.ada)
        return ws
    }

    func tagged(_ ws: Workspace, _ id: CandidateID = T.alice) -> Bool { ws.candidates[id]?.tags.contains("stale") == true }

    @Test func theyWaitForTheirTimeAndRunOnce() throws {
        var ws = try workspace()
        let outcome = try ws.moveTo(T.screen, T.alice)
        #expect(outcome.timedRuns.count == 2)
        #expect(ws.waitingTimedRuns(of: T.alice).map(\.startsAt) == [T.now + 2 * Self.day, T.now + 2 * Self.day])
        ws.advanceRuns(now: T.now + Self.day)
        #expect(!tagged(ws), "not after one day")
        #expect(ws.emails(of: T.alice).allSatisfy { $0.template != T.offerFollowUp })

        ws.advanceRuns(now: T.now + 2 * Self.day)
        #expect(tagged(ws))
        let nudges = ws.emails(of: T.alice).filter { $0.template == T.offerFollowUp }
        #expect(nudges.count == 1 && nudges[0].dueAt == T.now + 2 * Self.day, "the email goes out when the time comes")
        #expect(nudges[0].fromName == "Rita Recruiter")
        #expect(ws.waitingTimedRuns(of: T.alice).isEmpty)

        let timeline = ws.timeline(of: T.alice).count
        ws.advanceRuns(now: T.now + 5 * Self.day)
        #expect(ws.timeline(of: T.alice).count == timeline, "once per entry")
        #expect(ws.emails(of: T.alice).filter { $0.template == T.offerFollowUp }.count == 1)
    }

    @Test func movingOnFirstCancelsThem() throws {
        var ws = try workspace()
        try ws.moveTo(T.screen, T.alice)
        let outcome = try ws.moveTo(T.interview, T.alice, now: T.now + Self.day)
        #expect(outcome.cancelled.map(\.summary).contains("Tag stale"))
        ws.advanceRuns(now: T.now + 3 * Self.day)
        #expect(!tagged(ws))
        #expect(ws.emails(of: T.alice).allSatisfy { $0.template != T.offerFollowUp })
        #expect(ws.timeline(of: T.alice, .actionsCancelled).last?.text.contains("Tag stale") == true)
    }

    @Test func aMoveBackIsANewEntryAndWithoutActionsStartsNone() throws {
        var ws = try workspace()
        try ws.moveTo(T.screen, T.alice, T.bruno, choice: .runActions)
        try ws.moveTo(T.interview, T.alice, T.bruno, choice: .runActions, now: T.now + Self.day)
        try ws.moveTo(T.screen, T.alice, choice: .runActions, now: T.now + Self.day)
        try ws.moveTo(T.screen, T.bruno, choice: .withoutActions, now: T.now + Self.day)
        #expect(ws.waitingTimedRuns(of: T.bruno).isEmpty, "without actions skips the timed ones too")

        ws.advanceRuns(now: T.now + 2 * Self.day)
        #expect(!tagged(ws), "the first entry's time no longer counts")
        ws.advanceRuns(now: T.now + 3 * Self.day)
        #expect(tagged(ws), "two days after coming back")
        #expect(!tagged(ws, T.bruno))
    }

    @Test func aStageWithOnlyTimedActionsStillAsksBeforeABulkMove() throws {
        var ws = T.make()
        try ws.addAction(Self.stale, after: .init(1, .days), to: .stage(.job(T.backend), T.hired), by: T.ada)
        let plan = try ws.planTo(T.hired, T.alice, T.bruno)
        #expect(plan.needsChoice && plan.question == .bulk)
        #expect(plan.timedActions.map(\.action) == [Self.stale])
    }

    @Test func disqualifiedMeanwhileRunsNothingEvenOnceReinstated() throws {
        var ws = try workspace()
        try ws.moveTo(T.screen, T.alice)
        try ws.disqualify(T.alice, from: T.backend, reason: T.withdrew, by: T.rita, now: T.now + Self.day)
        _ = try ws.reinstate(T.alice, in: T.backend, by: T.rita, now: T.now + Self.day)
        ws.advanceRuns(now: T.now + 3 * Self.day)
        #expect(!tagged(ws))
    }

    @Test func aRunWhoseCandidateLeftWithoutItsCancellationIsSkippedWithWhy() throws {
        var ws = try workspace()
        try ws.moveTo(T.screen, T.alice)
        // A placement changed by something other than a move (an old file, an import by hand).
        ws.candidates.modify(T.alice) { $0.placements[0].stage = T.offer }
        ws.advanceRuns(now: T.now + 2 * Self.day)
        #expect(!tagged(ws))
        #expect(ws.timeline(of: T.alice, .actionSkipped).contains { $0.text.contains("no longer in Phone screen") })
    }

    // 2026-11-27 is a Friday.
    @Test func businessDaysSkipTheWeekend() throws {
        var ws = try workspace(after: .init(1, .businessDays))
        let friday = T.date("2026-11-27T10:00:00Z")
        try ws.moveTo(T.screen, T.alice, now: friday)
        ws.advanceRuns(now: T.date("2026-11-29T23:00:00Z"))
        #expect(!tagged(ws), "not over the weekend")
        ws.advanceRuns(now: T.date("2026-11-30T10:00:00Z"))
        #expect(tagged(ws), "Monday")
    }

    @Test func undoingTheMoveTakesThemAwayAndUndoingAMoveOnBringsThemBack() throws {
        var ws = try workspace()
        let into = try ws.moveTo(T.screen, T.alice)
        _ = try ws.undo(try #require(into.undo), by: T.rita, now: T.now + 60)
        #expect(ws.waitingTimedRuns(of: T.alice).isEmpty, "the undone move's timed actions wait no more")

        try ws.moveTo(T.screen, T.alice, now: T.now + 120)
        let on = try ws.moveTo(T.interview, T.alice, now: T.now + Self.day)
        let undone = try ws.undo(try #require(on.undo), by: T.rita, now: T.now + Self.day + 60)
        #expect(ws.waitingTimedRuns(of: T.alice).count == 2, "they wait again: their time has not come")
        #expect(undone.timedBack == ["Tag stale (2026-11-27 09:02)", "Email 'Offer follow-up' from Rita Recruiter (2026-11-27 09:02)"])
        #expect(ws.timeline(of: T.alice, .undone).last?.text.contains("; waiting again: Tag stale (2026-11-27 09:02)") == true)
        ws.advanceRuns(now: T.now + 2 * Self.day + 120)
        #expect(tagged(ws))
    }

    @Test func aTaskMadeLaterIsDueFromWhenItWasMade() throws {
        var ws = T.make()
        let task = AutomaticAction.addTask(.init(title: "Chase Alice", assignee: T.rita, due: .after(.init(1, .days))))
        try ws.addAction(task, after: .init(3, .days), to: Self.phoneScreen, by: T.ada)
        try ws.moveTo(T.screen, T.alice)
        ws.advanceRuns(now: T.now + 3 * Self.day)
        let made = try #require(ws.tasks.first { $0.title == "Chase Alice" })
        #expect(made.due == T.now + 4 * Self.day)
    }

    @Test func applyingStartsTheFirstStagesTimedActions() throws {
        var ws = T.make()
        try ws.addAction(Self.stale, after: .init(2, .days), to: .stage(.job(T.backend), T.applied), by: T.ada)
        let arrival = try ws.addCandidate(
            NewCandidate(name: "Gil Ho", email: "gil@example.com", source: "career page"), to: T.backend, origin: .application, by: nil,
            now: T.now)
        #expect(arrival.timedRuns.count == 1)
        ws.advanceRuns(now: T.now + 2 * Self.day)
        #expect(tagged(ws, arrival.candidate))
    }

    @Test func runNowAndCancelAreForWaitingOnesOnly() throws {
        var ws = try workspace()
        let runs = try ws.moveTo(T.screen, T.alice).timedRuns
        try ws.runTimedNow(runs[0], by: T.rita, now: T.now + 60)
        #expect(tagged(ws))
        #expect(throws: StagehandError.invalidAction(Workspace.noLongerWaiting)) { try ws.runTimedNow(runs[0], by: T.rita, now: T.now + 90) }
        let cancelled = try ws.cancelTimed(runs[1], by: T.rita, now: T.now + 90)
        #expect(cancelled.count == 1)
        #expect(ws.waitingTimedRuns.isEmpty)
        #expect(throws: StagehandError.self) { try ws.cancelTimed(runs[1], by: T.hugo, now: T.now + 90) }
    }

    @Test func theDispatcherWakesForThemAndTwoDispatchersRunThemOnce() throws {
        var ws = try workspace()
        try ws.moveTo(T.screen, T.alice)
        ws.advanceRuns(now: T.now)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("timed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.json")
        try StateFile(path: path).create(ws, replacing: false)

        let transport = RecordingTransport()
        let first = StateFile(path: path)
        _ = try first.load()
        let idle = Dispatcher(store: first, transport: transport, clock: .fixed(T.now + Self.day))
        #expect(idle.nextDueDate() == T.now + 2 * Self.day, "dispatch --watch sleeps until the timed actions fall due")
        _ = try idle.runDue()
        #expect(transport.sent.isEmpty)

        let due = Clock.fixed(T.now + 2 * Self.day)
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let racer = StateFile(path: path)
            _ = try? racer.load()
            _ = try? Dispatcher(store: racer, transport: transport, clock: due).runDue()
        }
        #expect(transport.sent.count == 1, "one nudge, whichever dispatcher ran it")
        let final = try StateFile(path: path).load()
        #expect(final.candidates[T.alice]?.timeline.filter { $0.text == "Tagged stale" }.count == 1)
    }

    @Test func runningOneNowThatItsGuardStopsSaysSkippedAndWhy() throws {
        var ws = T.make()
        // The same invitation the stage sends on entry: at most one per entry.
        try ws.addAction(.sendEmail(.init(template: T.invite, sender: .member(T.rita))), after: .init(2, .days), to: .stage(.job(T.backend), T.interview), by: T.ada)
        let run = try #require(try ws.moveTo(T.interview, T.alice).timedRuns.first)
        ws.advanceRuns(now: T.now)
        let outcome = try ws.apply(.runTimedNow([run]), by: T.rita, now: T.now + 60)
        #expect(outcome.sentence == "Skipped Email 'Interview invitation' from Rita Recruiter for Alice Martin: already sent for this stage entry")
    }

    @Test func aTaskThatWaitsIsDueAfterItRunsInItsSummary() {
        let ws = T.make()
        let task = AutomaticAction.addTask(.init(title: "Chase", assignee: T.rita, due: .after(.init(1, .days))))
        #expect(ws.summary(of: StageAction(task, after: .init(3, .days))) == "After 3 days in the stage: Task 'Chase' for Rita Recruiter, due 1 day after it runs")
        #expect(ws.summary(of: task) == "Task 'Chase' for Rita Recruiter, due 1 day after the move")
    }

    // MARK: Setting them up

    @Test func aTimedEmailNeedsASenderOfItsOwnAndNoDelay() throws {
        var ws = T.make()
        #expect(throws: StagehandError.invalidAction(Workspace.timedEmailNeedsSender)) {
            try ws.addAction(T.sendInvite, after: .init(2, .days), to: Self.phoneScreen, by: T.ada)
        }
        #expect(throws: StagehandError.invalidAction(Workspace.timedEmailHasNoDelay)) {
            try ws.addAction(T.sendReminder.withSender(.member(T.rita)), after: .init(2, .days), to: Self.phoneScreen, by: T.ada)
        }
        #expect(throws: StagehandError.invalidAction(Workspace.reasonsRunAtOnce)) {
            try ws.addAction(Self.stale, after: .init(2, .days), to: .reason(T.withdrew), by: T.ada)
        }
    }

    @Test func theEditorsNumberThoseOnEntryFirstAndKeepThemApart() throws {
        var ws = try workspace()
        try ws.addAction(T.tagApplicant, to: Self.phoneScreen, by: T.ada)
        let listed = try #require(ws.stageActions(of: Self.phoneScreen))
        #expect(listed.map(\.after) == [nil, nil, nil, nil, .init(2, .days), .init(2, .days)])
        #expect(listed[3].action == T.tagApplicant, "a new action on entry goes before those that wait")
        #expect(ws.summary(of: listed[4]) == "After 2 days in the stage: Tag stale")
        #expect(ws.summary(of: listed[5]) == "After 2 days in the stage: Email 'Offer follow-up' from Rita Recruiter")
        #expect(throws: StagehandError.self) { try ws.moveAction(from: 4, to: 0, of: Self.phoneScreen, by: T.ada) }
        try ws.moveAction(from: 5, to: 4, of: Self.phoneScreen, by: T.ada)
        #expect(ws.job(T.backend)?.stage(T.screen)?.timedActions.map(\.action) == [Self.nudge, Self.stale])
    }

    @Test func aDraftSaysWhenAndChecksItsFields() throws {
        var ws = T.make()
        var draft = ActionDraft(kind: .addTags, in: ws)
        draft.tags = "stale"
        draft.when = "3x"
        #expect(draft.problems(for: Self.phoneScreen, in: ws)[.when]?.contains("'3x'") == true)
        draft.when = "5bd"
        let saved = try ws.save(draft, to: Self.phoneScreen, by: T.ada)
        #expect(saved == StageAction(Self.stale, after: .init(5, .businessDays)))
        var email = ActionDraft(kind: .sendEmail, in: ws)
        email.when = "2d"
        #expect(email.problems(for: Self.phoneScreen, in: ws)[.sender] == Workspace.timedEmailNeedsSender)
        let reopened = ActionDraft(saved.action, after: saved.after, in: ws)
        #expect(reopened.when == "5bd")
    }

    @Test func aStageWithoutTimedActionsIsWrittenAsBeforeAndOneWithThemRoundTrips() throws {
        let plain = try JSONEncoder().encode(Stage(id: "s", name: "S"))
        #expect(!String(decoding: plain, as: UTF8.self).contains("timedActions"))
        let stage = Stage(id: "s", name: "S", timedActions: [TimedAction(after: .init(3, .businessDays), action: Self.stale)])
        let data = try JSONEncoder().encode(stage)
        #expect(String(decoding: data, as: UTF8.self).contains("\"after\":\"3bd\""))
        #expect(try JSONDecoder().decode(Stage.self, from: data) == stage)
    }
}

extension AutomaticAction {
    fileprivate func withSender(_ sender: Sender) -> AutomaticAction {
        guard case .sendEmail(var email) = self else { return self }
        email.sender = sender
        return .sendEmail(email)
    }
}
