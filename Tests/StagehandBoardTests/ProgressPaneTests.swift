import Foundation
import StagehandCore
import Testing
@testable import StagehandBoard

/// The progress pane with more than one thing going on: two cards moved one after
/// the other, and a bulk move with actions, and `o`, which shows all of it.
@Suite struct ProgressPaneTests {
    typealias F = BoardFixture

    /// The first stage after Applied that has actions, and the job.
    func stageWithActions(_ state: BoardState) throws -> (Job, Int) {
        let job = try #require(state.job)
        return (job, try #require(job.pipeline.indices.first { $0 > 0 && job.pipeline[$0].hasActions }))
    }

    func movable(_ state: BoardState, stage: Int = 0) throws -> [CandidateID] {
        let job = try #require(state.job)
        return state.cards(inStage: stage).filter { $0.placement(in: job.id)?.disqualification == nil }.map(\.id)
    }

    func finishEverything(_ state: inout BoardState, at seconds: Double) {
        var workspace = state.workspace
        workspace.advanceRuns(now: F.now.addingTimeInterval(seconds), ignoringGrace: true)
        for id in workspace.actionRuns.ids {
            workspace.actionRuns.modify(id) { run in
                for index in run.steps.indices where !run.steps[index].state.isFinished { run.steps[index].state = .done }
            }
        }
        _ = Board.update(&state, .workspaceChanged(workspace))
        _ = Board.update(&state, .tick(F.now.addingTimeInterval(seconds)))
    }

    func cancel(_ effects: [Effect], _ state: inout BoardState) throws {
        guard case .change(let change, _)? = effects.first else {
            Issue.record("c asked for nothing: \(effects)")
            return
        }
        var workspace = state.workspace
        let outcome = try workspace.apply(change, by: state.me!, now: F.now.addingTimeInterval(1), grace: nil)
        _ = Board.update(&state, .workspaceChanged(workspace))
        _ = Board.update(&state, .changed(change, outcome))
    }

    @Test func aPersonsRowSaysWhatWasSkippedBesideWhatWasDone() throws {
        let state = F.state()
        let job = try #require(state.job)
        let person = try movable(state)[0]
        func run(_ states: [StepState]) -> ActionRun {
            ActionRun(
                id: "run-x", candidate: person, job: job.id, stage: job.pipeline[1].id, trigger: .move, mover: state.me,
                createdAt: F.now, startsAt: F.now,
                steps: states.map { ActionStep(action: .addNote(.init(text: "Hello")), state: $0) })
        }
        func word(_ states: [StepState]) -> String {
            Board.standing(of: run(states), now: F.now, workspace: state.workspace, mailProblem: nil).word
        }
        #expect(word([.done, .skipped("do not email")]) == "done, 1 skipped")
        #expect(word([.done, .done]) == "done")
        #expect(word([.skipped("do not email")]) == "skipped")
    }

    @Test func cancellingTheNewestOfTwoRunsShowsTheOtherUntilItIsDoneAndNeverFlipsBack() throws {
        var state = F.state()
        let (job, target) = try stageWithActions(state)
        let people = try movable(state)
        let liam = try F.moved(MoveRequest(candidates: [people[0]], job: job.id, target: job.pipeline[target].id, mover: state.me!), in: &state)
        let yuki = try F.moved(MoveRequest(candidates: [people[1]], job: job.id, target: job.pipeline[target].id, mover: state.me!), in: &state)
        let yukiName = state.workspace.name(of: people[1])
        let liamName = state.workspace.name(of: people[0])
        #expect(state.shownBatch?.runs == yuki.runs, "the newest run is shown")
        #expect(F.lines(state).contains { $0.contains(yukiName) && $0.contains("+1 more") })

        try cancel(F.press(["c"], &state), &state)
        #expect(state.status?.text.hasPrefix("Cancelled") == true && state.status?.text.contains(yukiName) == true, "c cancels what the pane shows")
        #expect(state.shownBatch?.runs == liam.runs, "the run still in flight takes the pane, so c reaches it")
        #expect(!F.lines(state).contains { $0.contains("+1 more") })

        finishEverything(&state, at: 4)
        #expect(state.shownBatch?.runs == liam.runs, "finished, the pane stays on it rather than going back to the cancelled one")
        #expect(F.lines(state).contains { $0.contains(liamName) } && F.lines(state).contains { $0.contains("Done") })
    }

    @Test func aBulkMoveShowsEveryCandidateWithCountsAndCIsForAllOfThem() throws {
        var state = F.state()
        let (job, target) = try stageWithActions(state)
        let people = Array(try movable(state).prefix(3))
        let outcome = try F.moved(
            MoveRequest(candidates: people, job: job.id, target: job.pipeline[target].id, mover: state.me!), choice: .runActions, in: &state)
        #expect(outcome.runs.count == 3)
        let stage = job.pipeline[target].name
        let lines = F.lines(state)
        #expect(lines.contains { $0.contains("3 candidates → \(stage)") })
        let steps = outcome.runs.compactMap { state.workspace.actionRuns[$0] }.flatMap(\.steps).count
        #expect(lines.contains { $0.contains("\(steps) actions: \(steps) to go") })
        for person in people { #expect(lines.contains { $0.contains(state.workspace.name(of: person)) }, "each candidate has a row") }
        expectSnapshot(Board.render(state), named: "pane-bulk-running")

        #expect(F.press(["c"], &state) == [.change(.cancelRuns(outcome.runs), grace: nil)], "c cancels every candidate's run")
    }

    @Test func oListsEveryActionWithItsWholeReason() throws {
        var state = F.state()
        let (job, target) = try stageWithActions(state)
        let people = Array(try movable(state).prefix(2))
        let outcome = try F.moved(
            MoveRequest(candidates: people, job: job.id, target: job.pipeline[target].id, mover: state.me!), choice: .runActions, in: &state)
        let reason = "the SMTP server at mail.example.com refused the sender address jobs@example.com: 550 5.7.1 not allowed to relay"
        var workspace = state.workspace
        workspace.actionRuns.modify(outcome.runs[1]) { $0.steps[0].state = .failed(reason) }
        _ = Board.update(&state, .workspaceChanged(workspace))
        #expect(F.lines(state).contains { $0.contains("✗ \(state.workspace.name(of: people[1]))") }, "the failed candidate comes first in the pane")

        F.press(["o"], &state)
        #expect(state.keyMode == .runList)
        let text = F.lines(state).joined(separator: " ").replacingOccurrences(of: "  ", with: " ")
        #expect(text.contains("Actions run from this board: 2 candidates"))
        for person in people { #expect(text.contains(state.workspace.name(of: person))) }
        #expect(text.replacingOccurrences(of: " ", with: "").contains(("failed: " + reason).replacingOccurrences(of: " ", with: "")), "the reason is whole, wrapped")
        F.press([.escape], &state)
        #expect(state.mode == .board)
    }

    @Test func oAlsoListsTheRunsBehindPlusMore() throws {
        var state = F.state()
        let (job, target) = try stageWithActions(state)
        let people = try movable(state)
        _ = try F.moved(MoveRequest(candidates: [people[0]], job: job.id, target: job.pipeline[target].id, mover: state.me!), in: &state)
        _ = try F.moved(MoveRequest(candidates: [people[1]], job: job.id, target: job.pipeline[target].id, mover: state.me!), in: &state)
        #expect(F.lines(state).contains { $0.contains("+1 more") })
        F.press(["o"], &state)
        let text = F.lines(state).joined(separator: "\n")
        for person in people.prefix(2) { #expect(text.contains(state.workspace.name(of: person)), "\(text)") }
    }

    @Test func anEmailNotSentAfterAFailedAttemptTurnsThePaneRedAndSaysWhy() throws {
        var state = F.state()
        let (job, target) = try stageWithActions(state)
        let person = try movable(state)[0]
        let outcome = try F.moved(MoveRequest(candidates: [person], job: job.id, target: job.pipeline[target].id, mover: state.me!), in: &state)
        var workspace = state.workspace
        workspace.advanceRuns(now: F.now.addingTimeInterval(4), ignoringGrace: true)
        let run = try #require(workspace.actionRuns[outcome.runs[0]])
        let index = try #require(run.steps.firstIndex { $0.email != nil })
        let email = try #require(run.steps[index].email)
        let retryAt = F.now.addingTimeInterval(64)
        workspace.emails.modify(email) {
            $0.failure = "Nothing answers at 127.0.0.1:2: check that the mail server is running."
            $0.dueAt = retryAt
        }
        workspace.actionRuns.modify(run.id) { run in
            run.steps[index].state = .scheduled(retryAt)
            for other in run.steps.indices where !run.steps[other].state.isFinished { run.steps[other].state = .done }
        }
        _ = Board.update(&state, .workspaceChanged(workspace))
        _ = Board.update(&state, .tick(F.now.addingTimeInterval(5)))
        let frame = Board.render(state)
        #expect(frame.text.contains("Not sent yet: nothing answers at 127.0.0.1:2"), "\(frame.text)")
        #expect(frame.text.contains("retry"))
        #expect(!frame.text.contains("Done"))
        #expect(state.needsReading(try #require(state.shownBatch)), "it stays until a key")
    }

    @Test func anEmailThisBoardCannotSendSaysItWaitsAndWhy() throws {
        var state = F.state()
        let (job, target) = try stageWithActions(state)
        let person = try movable(state)[0]
        let outcome = try F.moved(MoveRequest(candidates: [person], job: job.id, target: job.pipeline[target].id, mover: state.me!), in: &state)
        var workspace = state.workspace
        workspace.advanceRuns(now: F.now.addingTimeInterval(4), ignoringGrace: true)
        _ = Board.update(&state, .workspaceChanged(workspace))
        let run = try #require(state.workspace.actionRuns[outcome.runs[0]])
        try #require(run.steps.contains { state.workspace.trouble(of: $0) == .notTakenToSend }, "the email waits to be taken to send")
        _ = Board.update(&state, .mailProblem("The SMTP password is read from the environment variable NOPE_PW, which is not set here."))
        let text = Board.render(state).text
        #expect(text.contains("Not sent from here: the SMTP password"), "\(text)")
        #expect(text.contains("Waiting for mail"))
        #expect(text.contains("waiting"))
    }

    @Test func oWithNothingRunSaysSo() {
        var state = F.state()
        F.press(["o"], &state)
        #expect(state.mode == .board)
        #expect(state.status?.text == "No actions have run from this board yet")
    }
}
