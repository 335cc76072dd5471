import Foundation
import Testing
@testable import StagehandCore

/// Finishing the tasks automations hand out: done, reopened, re-dated, reassigned;
/// who may; what My work shows and in which order.
@Suite struct TaskWorkTests {
    typealias T = TestWorkspace

    /// Alice moved to Phone screen: the stage gives Rita "Prepare phone screen".
    func withScreenTask() throws -> (Workspace, CandidateTask) {
        var ws = T.make()
        try ws.moveTo(T.screen, T.alice)
        ws.advanceRuns(now: T.now)
        let task = try #require(ws.tasks.first { $0.candidate == T.alice })
        return (ws, task)
    }

    @Test func anAutomaticTaskKnowsTheRunThatMadeIt() throws {
        let (ws, task) = try withScreenTask()
        #expect(task.automatic && task.run == ws.runs(of: T.alice).first?.id)
        #expect(!task.done && task.assignee == T.rita)
    }

    @Test func theAssigneeMarksItDoneAndReopensIt() throws {
        var (ws, task) = try withScreenTask()
        let later = T.now.addingTimeInterval(3600)
        try ws.completeTasks([task.id], by: T.rita, now: later)
        #expect(ws.tasks[task.id]?.done == true && ws.tasks[task.id]?.doneAt == later && ws.tasks[task.id]?.doneBy == T.rita)
        #expect(ws.timeline(of: T.alice, .taskDone).last?.author == T.rita)
        #expect(throws: StagehandError.invalidAction("The task 'Prepare phone screen' is done already.")) {
            try ws.completeTasks([task.id], by: T.rita, now: later)
        }
        try ws.reopenTasks([task.id], by: T.rita, now: later)
        #expect(ws.tasks[task.id]?.done == false && ws.tasks[task.id]?.doneAt == nil)
        #expect(ws.timeline(of: T.alice, .taskReopened).count == 1)
    }

    @Test func someoneElseNeedsThePermissionToMoveCandidates() throws {
        var (ws, task) = try withScreenTask()
        let before = ws
        let refusal = StagehandError.missingPermission(member: "Hugo Hiring", missing: [.moveCandidates], doing: "complete other people's tasks")
        #expect(throws: refusal) { try ws.completeTasks([task.id], by: T.hugo, now: T.now) }
        #expect(refusal.sentence == "Hugo Hiring may not complete other people's tasks: that needs the permission for moving candidates; ask an admin.")
        #expect(ws == before, "nothing changes")
        try ws.completeTasks([task.id], by: T.cora, now: T.now)
        #expect(ws.tasks[task.id]?.done == true, "a coordinator, who may move candidates, may")
    }

    @Test func editingReDatesReassignsAndRenamesOnTheTimeline() throws {
        var (ws, task) = try withScreenTask()
        try ws.editTask(task.id, title: "Call Alice", assignee: T.cora, due: .after(RelativeDuration(1, .days)), by: T.rita, now: T.now)
        let edited = try #require(ws.tasks[task.id])
        #expect(edited.title == "Call Alice" && edited.assignee == T.cora && edited.due == T.now.addingTimeInterval(86_400))
        let said = try #require(ws.timeline(of: T.alice, .taskChanged).last?.text)
        #expect(said.hasSuffix("now for Cora Coordinator, due \(ws.day(edited.due))"), "the new assignee named once: \(said)")
        try ws.editTask(task.id, due: .after(RelativeDuration(2, .days)), by: T.rita, now: T.now)
        #expect(ws.timeline(of: T.alice, .taskChanged).last?.text.hasSuffix("(Cora Coordinator)") == true, "whose task it is, when that did not change")
        #expect(throws: StagehandError.notFound(kind: "team member", name: "nobody")) {
            try ws.editTask(task.id, assignee: "nobody", by: T.rita, now: T.now)
        }
        #expect(throws: StagehandError.invalidAction("A task needs a title.")) { try ws.editTask(task.id, title: "  ", by: T.rita, now: T.now) }
    }

    @Test func anyoneMayGiveThemselvesATaskButGivingOneNeedsThePermission() throws {
        var ws = T.make()
        let mine = try ws.addTask(to: T.alice, job: T.backend, title: "Read the CV", assignee: T.hugo, due: .after(RelativeDuration(2, .days)), by: T.hugo, now: T.now)
        #expect(ws.tasks[mine]?.automatic == false && ws.tasks[mine]?.assignee == T.hugo)
        #expect(throws: StagehandError.missingPermission(member: "Hugo Hiring", missing: [.moveCandidates], doing: "give tasks to others")) {
            try ws.addTask(to: T.alice, job: nil, title: "x", assignee: T.rita, due: .after(RelativeDuration(1, .days)), by: T.hugo, now: T.now)
        }
        #expect(throws: StagehandError.candidateNotInJob(candidate: "Eve Martin", job: "Backend Engineer")) {
            try ws.addTask(to: T.eve, job: T.backend, title: "x", assignee: T.rita, due: .after(RelativeDuration(1, .days)), by: T.rita, now: T.now)
        }
    }

    @Test func myWorkListsOpenTasksSoonestDueFirstAndRequestsOldestFirst() throws {
        var ws = T.make()
        let late = try ws.addTask(to: T.bruno, job: nil, title: "Late", assignee: T.rita, due: .on(DateComponents(year: 2026, month: 11, day: 20)), by: T.rita, now: T.now)
        let soon = try ws.addTask(to: T.alice, job: nil, title: "Soon", assignee: T.rita, due: .after(RelativeDuration(1, .days)), by: T.rita, now: T.now)
        let done = try ws.addTask(to: T.alice, job: nil, title: "Done", assignee: T.rita, due: .after(RelativeDuration(1, .hours)), by: T.rita, now: T.now)
        try ws.completeTasks([done], by: T.rita, now: T.now)
        _ = try ws.addTask(to: T.alice, job: nil, title: "Ada's", assignee: T.ada, due: .after(RelativeDuration(1, .hours)), by: T.ada, now: T.now)
        let work = ws.work(of: T.rita)
        #expect(work.tasks.map(\.id) == [late, soon])
        #expect(ws.tasks[late]?.isOverdue(at: T.now) == true && ws.tasks[soon]?.isOverdue(at: T.now) == false)
        try ws.moveTo(T.interview, T.alice, now: T.now)
        ws.advanceRuns(now: T.now)
        try ws.moveTo(T.interview, T.bruno, now: T.now.addingTimeInterval(60))
        ws.advanceRuns(now: T.now.addingTimeInterval(60))
        #expect(ws.work(of: T.hugo).evaluations.map(\.candidate) == [T.alice, T.bruno], "the older request first")
    }

    @Test func newsOfTheSameMomentKeepsTheTimelinesOrderNewestFirst() throws {
        var ws = T.make()
        try ws.follow(T.alice, by: T.ada, now: T.now)
        try ws.addNote(T.alice, text: "first", by: T.rita, now: T.now)
        try ws.addNote(T.alice, text: "second", by: T.rita, now: T.now)
        #expect(ws.work(of: T.ada).news.map(\.entry.text).prefix(2) == ["second", "first"])
    }

    @Test func whatIDidMyselfIsNoNewsToMe() throws {
        var ws = T.make()
        try ws.follow(T.alice, by: T.ada, now: T.now)
        try ws.addNote(T.alice, text: "by Rita", by: T.rita, now: T.now)
        try ws.addNote(T.alice, text: "by Ada", by: T.ada, now: T.now)
        let news = ws.work(of: T.ada).news.map(\.entry.text)
        #expect(news.first == "by Rita" && !news.contains("by Ada") && !news.contains("Started following"))
    }

    @Test func aTaskIsLeftBehindWhenItsCandidateMovesOnOrIsDisqualified() throws {
        var (ws, task) = try withScreenTask()
        #expect(ws.leftBehind(task) == nil)
        try ws.moveTo(T.interview, T.alice, now: T.now.addingTimeInterval(60))
        #expect(ws.leftBehind(try #require(ws.tasks[task.id])) == "candidate moved on")
        #expect(ws.tasks[task.id]?.done == false, "moving on leaves the task open")
        var other = try withScreenTask().0
        try other.disqualify(T.alice, from: T.backend, reason: T.withdrew, by: T.rita, now: T.now)
        #expect(other.leftBehind(try #require(other.tasks[task.id])) == "candidate disqualified")
    }
}
