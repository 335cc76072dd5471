import Foundation
import StagehandCore
import Testing
@testable import StagehandBoard

/// The work automations hand out, finished on the board: through the program's
/// own loop and the core, on a real state file.
@MainActor @Suite struct RecruitersDayTests {
    typealias F = BoardFixture

    @Test func benMarksHisOverdueTaskDoneInMyWorkAndItLeavesTheList() throws {
        let board = try LiveBoard(login: "ben")
        board.press("i")
        let open = board.saved.work(of: "ben").tasks
        let first = try #require(open.first)
        #expect(first.isOverdue(at: F.now))
        let row = try #require(board.lines.first { $0.contains("OVERDUE") })
        #expect(row.hasPrefix(">"), "the cursor starts on the first task, the most overdue: \(row)")
        board.press(" ")
        #expect(board.saved.tasks[first.id]?.done == true)
        #expect(board.status == "Done: the task '\(first.title)' (\(board.saved.candidates[first.candidate]?.name ?? ""))")
        #expect(!board.saved.work(of: "ben").tasks.contains { $0.id == first.id })
        #expect(board.text.contains("My tasks (\(open.count - 1) open"))
    }

    @Test func enterInMyWorkOpensTheProfileAtThatTaskAndSpaceThereReopensIt() throws {
        let board = try LiveBoard(login: "ben")
        board.press("i")
        let task = try #require(board.saved.work(of: "ben").tasks.first)
        board.press(.enter)
        guard case .profile(let candidate, let cursor, _) = board.state.mode else {
            Issue.record("expected the profile, got \(board.state.mode)")
            return
        }
        #expect(candidate == task.candidate)
        #expect(Board.profileLines(candidate, board.state)[cursor.line].item == .task(task.id))
        board.press(" ")
        #expect(board.saved.tasks[task.id]?.done == true)
        board.press(" ")
        #expect(board.saved.tasks[task.id]?.done == false, "Space again reopens it")
    }

    @Test func escFromAProfileOpenedInMyWorkGoesBackToMyWorkAtTheSameLine() throws {
        let board = try LiveBoard(login: "ben")
        board.press("i", .down, .down)
        let myWork = board.state.mode
        board.press(.enter)
        let task = try #require(board.saved.work(of: "ben").tasks.dropFirst(2).first)
        #expect(board.state.job?.id == task.job, "the board behind turns to the task's job")
        board.press("?")
        #expect(board.text.contains("Keys (Esc closes)"))
        board.press(.escape)
        guard case .profile = board.state.mode else {
            Issue.record("help closes back to the profile, got \(board.state.mode)")
            return
        }
        board.press(.escape)
        #expect(board.state.mode == myWork)
    }

    @Test func theCursorInMyWorkStaysOnItsTaskWhenATaskIsAddedAbove() throws {
        let board = try LiveBoard(login: "ben")
        board.press("i", .down, .down)
        let lines = { Board.myWorkLines(board.state) }
        let cursorItem = {
            guard case .myWork(let cursor) = board.state.mode else { return PageItem?.none }
            return lines()[cursor.line].item
        }
        let before = try #require(cursorItem())
        var workspace = board.saved
        let someone = try #require(workspace.candidates.first?.id)
        try workspace.addTask(to: someone, job: nil, title: "Call back", assignee: "ben", due: .on(DateComponents(year: 2026, month: 11, day: 1)), by: "ben", now: F.now)
        Board.dispatch(.workspaceChanged(workspace), to: &board.state, runner: board.runner)
        #expect(lines().contains { $0.text.contains("Call back") }, "the new task is listed first, above the cursor")
        #expect(cursorItem() == before)
    }

    @Test func disqualifyingFromTheProfileComesBackToTheProfile() throws {
        let board = try LiveBoard(login: "ben")
        let peter = try #require(board.state.focused)
        board.press(.enter, "d")
        #expect(board.state.keyMode == .disqualifyPicker)
        #expect(board.text.contains("Senior iOS Engineer"), "the profile stays in sight behind the picker")
        board.press(.escape)
        #expect(board.state.keyMode == .profile)
        board.press("d", .enter)
        let job = try #require(board.state.job?.id)
        #expect(board.saved.candidates[peter]?.placement(in: job)?.disqualification != nil)
        guard case .profile(peter, _, back: .board) = board.state.mode else {
            Issue.record("the profile stays open on the candidate, got \(board.state.mode)")
            return
        }
    }

    @Test func eChangesATasksDueDayAndAssignee() throws {
        let board = try LiveBoard(login: "ben")
        board.press("i")
        let task = try #require(board.saved.work(of: "ben").tasks.first)
        board.press("e")
        guard case .form(let form, _) = board.state.mode else {
            Issue.record("expected the task form, got \(board.state.mode)")
            return
        }
        #expect(form.focusedField?.key == .taskDue)
        board.press(.control("u"))
        board.type("2026-12-01")
        board.press(.backTab, .control("u"))
        board.type("Chloé Dubois")
        board.press(.control("s"))
        let edited = try #require(board.saved.tasks[task.id])
        #expect(edited.assignee == "chloe" && board.saved.day(edited.due) == "2026-12-01")
        guard case .myWork = board.state.mode else {
            Issue.record("the form closes back to My work, got \(board.state.mode)")
            return
        }
        #expect(!board.saved.work(of: "ben").tasks.contains { $0.id == task.id }, "it is Chloé's now")
    }

    @Test func aTaskFormWithItsForFieldEmptiedSaysToNameSomeone() throws {
        let board = try LiveBoard(login: "ben")
        board.press("i")
        let task = try #require(board.saved.work(of: "ben").tasks.first)
        board.press("e", .backTab, .control("u"))
        let text = Board.render(board.state).text
        #expect(text.contains("Say who the task is for."), "\(text)")
        #expect(!text.contains("matches ''"))
        board.press(.control("s"))
        #expect(board.saved.tasks[task.id]?.assignee == task.assignee, "nothing saved")
    }

    @Test func devAnswersHisEvaluationRequestAndTheProfileShowsIt() throws {
        let board = try LiveBoard(login: "dev")
        board.press("i")
        let request = try #require(board.saved.work(of: "dev").evaluations.first)
        let lines = Board.myWorkLines(board.state)
        let line = try #require(lines.firstIndex { $0.item == .evaluation(request.id) })
        let first = lines.firstIndex { $0.item != nil } ?? 0
        board.press(Array(repeating: .down, count: lines[first..<line].filter(\.isStop).count))
        board.press("v")
        guard case .form(let form, _) = board.state.mode else {
            Issue.record("expected the evaluation form, got \(board.state.mode)")
            return
        }
        #expect(form.purpose == .evaluation(request.candidate, job: request.job))
        #expect(Board.render(board.state).text.contains("none chosen yet"))
        board.press(.enter)
        #expect(board.saved.evaluationRequests[request.id]?.status != .submitted, "a stray Enter submits no rating nobody chose")
        #expect(Board.render(board.state).text.contains("Choose a rating with ← or →."))
        board.press(.right)
        #expect(Board.render(board.state).text.contains("3 (mixed)"), "the scale starts from its middle")
        board.press(.right, .tab)
        board.type("Thoughtful answers.")
        board.press(.enter)
        board.type("Would hire.")
        board.press(.control("s"))
        let answered = try #require(board.saved.evaluationRequests[request.id])
        #expect(answered.status == .submitted && answered.rating == .yes && answered.comment == "Thoughtful answers.\nWould hire.")
        #expect(!Board.myWorkLines(board.state).contains { $0.item == .evaluation(request.id) }, "it leaves My work")
        guard case .myWork(let cursor) = board.state.mode else {
            Issue.record("the form goes back to My work, got \(board.state.mode)")
            return
        }
        let left = Board.myWorkLines(board.state)
        #expect(left.indices.contains(cursor.line) && left[cursor.line].item != nil, "the cursor goes to the nearest line that holds something")
        let profile = Board.profileLines(request.candidate, board.state).map(\.text)
        #expect(profile.contains { $0.contains("Dev Patel for ") && $0.hasSuffix(": 4 (yes)") })
        #expect(profile.contains { $0.hasSuffix("Thoughtful answers.") } && profile.contains { $0.hasSuffix("Would hire.") })
    }

    @Test func arrowsInMyWorkStepOverBlankLinesAndHeadingsAndHomeShowsTheTop() throws {
        let board = try LiveBoard(login: "ben")
        board.press("i")
        let lines = Board.myWorkLines(board.state)
        let lastTask = try #require(lines.lastIndex { if case .task = $0.item { true } else { false } })
        let next = try #require(lines.indices.first { $0 > lastTask && lines[$0].isStop })
        try #require(lines[lastTask + 1..<next].contains { $0.isHeading }, "a heading lies between")
        func line() -> Int? { if case .myWork(let cursor) = board.state.mode { cursor.line } else { nil } }

        board.state.mode = .myWork(PageCursor(line: lastTask))
        board.press(.down)
        #expect(line() == next, "↓ goes from the last task past the blank line and the heading: \(lines[line() ?? 0].text)")
        board.press(.up)
        #expect(line() == lastTask)
        board.press("G", "g")
        #expect(line() == lines.firstIndex { $0.item != nil })
        #expect(board.lines.contains { $0.contains("My tasks (") }, "Home shows the page from its heading")
    }

    @Test func answeringTheLastRequestLeavesTheCursorOnALineThatHoldsSomething() throws {
        let board = try LiveBoard(login: "dev")
        board.press("i")
        let lines = Board.myWorkLines(board.state)
        let last = try #require(lines.lastIndex { if case .evaluation = $0.item { true } else { false } })
        guard case .evaluation(let id) = lines[last].item, case .myWork(var cursor) = board.state.mode else {
            Issue.record("expected My work with an evaluation request for Dev")
            return
        }
        cursor.line = last
        board.state.mode = .myWork(cursor)
        board.press("v", .right, .control("s"))
        #expect(board.saved.evaluationRequests[id]?.status == .submitted)
        guard case .myWork(let after) = board.state.mode else {
            Issue.record("the form goes back to My work, got \(board.state.mode)")
            return
        }
        let left = Board.myWorkLines(board.state)
        #expect(left.indices.contains(after.line) && left[after.line].item != nil, "not a blank or a heading: \(left.map(\.text))")
        if left.contains(where: { if case .evaluation = $0.item { true } else { false } }) {
            guard case .evaluation = left[after.line].item else {
                Issue.record("another request, the one above, rather than the news below: \(left[after.line].text)")
                return
            }
        }
    }

    @Test func aNoteTagsFollowingAndContactDetailsFromTheProfile() throws {
        let board = try LiveBoard()
        let peter = try #require(board.state.focused)
        board.press(.enter, "n")
        board.type("Called: free from January")
        board.press(.enter)
        board.type("Prefers remote.")
        board.press(.control("s"))
        let note = try #require(board.saved.candidates[peter]?.timeline.last)
        #expect(note.kind == .note && note.author == "ana" && note.text == "Called: free from January\nPrefers remote.")
        board.press("t")
        board.type("senior, ios")
        board.press(.enter)
        #expect(board.saved.candidates[peter]?.tags == ["senior", "ios"])
        board.press("t", .control("u"))
        board.type("#bad tag")
        board.press(.enter)
        #expect(board.status?.hasPrefix("Not saved: '#bad tag' holds a #") == true)
        board.press(.escape)
        #expect(board.text.contains("Throw away your changes"), "what was typed is not lost to one key")
        board.press("y")
        #expect(board.saved.candidates[peter]?.tags == ["senior", "ios"], "nothing saved")
        board.press("f")
        #expect(board.saved.candidates[peter]?.followers.contains("ana") == true)
        board.press("f")
        #expect(board.saved.candidates[peter]?.followers.contains("ana") == false)
        board.press("e", .tab, .control("u"))
        board.type("peter@new.example")
        board.press(.tab, .right, .control("s"))
        #expect(board.saved.candidates[peter]?.email == "peter@new.example" && board.saved.candidates[peter]?.doNotEmail == true)
    }

    @Test func aHiringManagerIsToldWhyInWordsAndNothingChanges() throws {
        let board = try LiveBoard(login: "dev")
        let before = board.saved
        board.press(.enter, "e")
        #expect(board.status == "Dev Patel may not change candidates' contact details: that needs the permission for moving candidates; ask an admin.")
        #expect(board.saved == before)
        board.press(.escape, "n")
        #expect(board.status == "Dev Patel may not add candidates: that needs the permission for moving candidates; ask an admin.")
    }

    @Test func aCandidateAddedOnTheBoardFiresTheFirstStagesActions() throws {
        let board = try LiveBoard()
        board.press("n")
        board.type("Nadia Haddad")
        board.press(.tab)
        board.type("nadia@example.com")
        board.press(.tab, .right, .right)
        #expect(board.text.contains("Referral") && board.text.contains("counts as a referral"))
        board.press(.control("s"))
        let nadia = try #require(board.saved.candidates.first { $0.name == "Nadia Haddad" })
        #expect(nadia.placement(in: "ios")?.stage == board.state.job?.pipeline.first?.id)
        #expect(nadia.timeline.first?.text.hasPrefix("Referred to") == true)
        let run = try #require(board.saved.actionRuns.first { $0.candidate == nadia.id })
        #expect(run.trigger == .apply && board.state.startedRuns.contains(run.id), "the progress pane shows its run")
        #expect(board.state.mode == .board)
    }

    @Test func dOnADisqualifiedCandidateOffersToReinstateThemAndNoActionRuns() throws {
        let board = try LiveBoard()
        let tomas = try #require(board.state.cards(inStage: 0).first { $0.placement(in: "ios")?.disqualification != nil })
        board.state.focused = tomas.id
        let runs = board.saved.actionRuns.count
        board.press("d")
        #expect(board.text.contains("is disqualified from Senior iOS Engineer already"))
        board.press(.enter)
        #expect(board.saved.candidates[tomas.id]?.placement(in: "ios")?.disqualification != nil, "Enter keeps: the safe answer")
        board.press("d", "y")
        let placement = try #require(board.saved.candidates[tomas.id]?.placement(in: "ios"))
        #expect(placement.disqualification == nil && placement.stage == tomas.placement(in: "ios")?.stage)
        #expect(board.saved.actionRuns.count == runs)
        #expect(board.status?.hasPrefix("Reinstated Tomás Herrera in Senior iOS Engineer (Applied); no actions ran") == true)
    }

    @Test func uTakesBackAReinstatementAndTheCandidateIsDisqualifiedForTheSameReason() throws {
        let board = try LiveBoard()
        let tomas = try #require(board.state.cards(inStage: 0).first { $0.placement(in: "ios")?.disqualification != nil })
        let disqualification = try #require(tomas.placement(in: "ios")?.disqualification)
        board.state.focused = tomas.id
        board.press("d", "y")
        #expect(board.saved.candidates[tomas.id]?.placement(in: "ios")?.disqualification == nil)
        board.press("u")
        #expect(board.saved.candidates[tomas.id]?.placement(in: "ios")?.disqualification == disqualification)
        let reason = try #require(board.saved.reason(disqualification.reason)?.name)
        #expect(board.status?.hasPrefix("Undone: Tomás Herrera is disqualified again from Senior iOS Engineer: \(reason)") == true)
        let line = try #require(board.saved.candidates[tomas.id]?.timeline.last?.text)
        #expect(line.hasPrefix("Undid the reinstatement: disqualified again from Senior iOS Engineer: \(reason)"))
        let waiting = try #require(board.saved.emails.first { $0.candidate == tomas.id && $0.status == .scheduled })
        #expect(line.hasSuffix("; waiting again: the email '\(waiting.subject)'"), "the history says the rejection waits again: \(line)")
    }

    @Test func uInAProfileTakesBackADisqualificationMadeThere() throws {
        let board = try LiveBoard()
        let peter = try #require(board.state.focused)
        board.press(.enter, "d", .enter)
        #expect(board.saved.candidates[peter]?.placement(in: "ios")?.disqualification != nil)
        board.press("u")
        #expect(board.saved.candidates[peter]?.placement(in: "ios")?.disqualification == nil)
        guard case .profile(peter, _, _) = board.state.mode else {
            Issue.record("still in Peter's profile, got \(board.state.mode)")
            return
        }
        #expect(board.status?.hasPrefix("Undone: Peter Schmidt is back in Applied") == true)
    }

    @Test func uTakesBackADisqualificationMadeOnTheBoard() throws {
        let board = try LiveBoard()
        let peter = try #require(board.state.focused)
        board.press("d")
        board.press(.enter)
        #expect(board.saved.candidates[peter]?.placement(in: "ios")?.disqualification != nil)
        board.press("u")
        #expect(board.saved.candidates[peter]?.placement(in: "ios")?.disqualification == nil)
        #expect(board.status?.hasPrefix("Undone: Peter Schmidt is back in Applied") == true)
    }

    @Test func undoingAMoveTakesBackItsTaskFromBensList() throws {
        let board = try LiveBoard()
        let peter = try #require(board.state.focused)
        board.press("L")
        let run = try #require(board.saved.actionRuns.first { $0.candidate == peter && $0.trigger == .move })
        board.runner.finish([run.id])
        #expect(board.saved.tasks.contains { $0.candidate == peter && $0.run == run.id })
        Board.dispatch(.workspaceChanged(board.saved), to: &board.state, runner: board.runner)
        board.press("u")
        #expect(!board.saved.tasks.contains { $0.candidate == peter && $0.run == run.id })
        #expect(board.status?.contains("taken back: the task 'Hold the phone screen' for Ben Okafor") == true)
    }

    @Test func theFinderGoesToACandidateInAnotherJob() throws {
        let board = try LiveBoard()
        let other = try #require(board.saved.candidates.first { !$0.placements.contains { $0.job == "ios" } && !$0.placements.isEmpty })
        board.press("f")
        board.type(String(other.name.prefix(6)))
        #expect(board.text.contains(other.name))
        let found = board.state.found(Finder(text: String(other.name.prefix(6))))
        board.press(Array(repeating: .down, count: found.firstIndex { $0.id == other.id } ?? 0))
        board.press(.enter)
        #expect(board.state.job?.id == other.placements.first?.job && board.state.focused == other.id)
        #expect(board.state.mode == .board)
    }

    @Test func theFinderOpensTheProfileOfSomeoneOnlyInATalentPoolAndEscGoesBackToIt() throws {
        let board = try LiveBoard()
        let pooled = try #require(board.saved.candidates.first { $0.placements.isEmpty })
        board.press("f")
        board.type(pooled.name)
        board.press(.enter)
        guard case .profile(let shown, _, back: .finding) = board.state.mode else {
            Issue.record("expected \(pooled.name)'s profile over the finder, got \(board.state.mode)")
            return
        }
        #expect(shown == pooled.id)
        #expect(board.status == "\(pooled.name) is in no job, only in a talent pool")
        board.press(.escape)
        guard case .finding(let finder) = board.state.mode else {
            Issue.record("Esc goes back to the finder, got \(board.state.mode)")
            return
        }
        #expect(finder.text == pooled.name)
    }

    @Test func xInMyWorkClosesEveryTaskLeftBehindAfterAsking() throws {
        let board = try LiveBoard(login: "ben")
        let peter = try #require(board.state.focused)
        board.press("L")
        let run = try #require(board.saved.actionRuns.first { $0.candidate == peter && $0.trigger == .move })
        board.runner.finish([run.id])
        Board.dispatch(.workspaceChanged(board.saved), to: &board.state, runner: board.runner)
        board.state.stageIndex = 1
        board.state.focused = peter
        board.press("L")
        let left = board.saved.tasks.filter { board.saved.leftBehind($0) != nil && $0.assignee == "ben" }
        #expect(!left.isEmpty)
        board.press("i")
        #expect(board.text.contains("(candidate moved on)"))
        board.press("X")
        #expect(board.text.contains("whose candidate moved on or was"))
        board.press("y")
        #expect(left.allSatisfy { board.saved.tasks[$0.id]?.done == true })
    }
}
