import Foundation
import StagehandCore

/// Everything that can happen to the board.
public enum Msg: Sendable {
    case input(InputEvent)
    case tick(Date)
    /// The state file changed (another process, or our own effect).
    case workspaceChanged(Workspace)
    /// The core made a change to candidates the board asked for.
    case changed(CandidateChange, CandidateChangeOutcome)
    /// Whether the store can be read: why not (a database gone away), or nil once it can again.
    case storeProblem(String?)
    /// Whether mail can go out from this board: why not, or nil when it can.
    case mailProblem(String?)
    /// A bulk move committed another batch.
    case bulkProgressed(done: Int, total: Int)
    case info(String)
    case failed(String)
    /// A setup change was saved; the sentence says what it did.
    case setupChanged(String)
}

/// Work `update` asks for; the program performs it against the core and reports back with a `Msg`.
public enum Effect: Sendable, Equatable {
    /// A change to candidates, through the core's one door. With `grace` the runs it
    /// starts wait that long, so the person can still cancel them, then go step by
    /// step on the board's ticks; without, they run at once. A move of several
    /// candidates goes in batches, reporting progress, and cannot be cancelled.
    case change(CandidateChange, grace: Double?)
    /// Runs the next waiting step of these runs, if their grace period is over.
    case advance([ActionRunID])
    case changeSetup(SetupChange)
    case reload
    case quit
}
