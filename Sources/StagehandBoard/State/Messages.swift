import Foundation
import StagehandCore

/// Everything that can happen to the board.
public enum Msg: Sendable {
    case input(InputEvent)
    case tick(Date)
    /// The state file changed (another process, or our own effect).
    case workspaceChanged(Workspace)
    case moved(MoveOutcome, undo: UndoableMove)
    case bulkProgressed(done: Int, total: Int)
    case disqualified(CandidateID, DisqualifyOutcome)
    case info(String)
    case failed(String)
    /// A setup change was saved; the sentence says what it did.
    case setupChanged(String)
}

/// Work `update` asks for; the program performs it against the core and reports back with a `Msg`.
public enum Effect: Sendable, Equatable {
    case move(MoveRequest, MoveChoice?, grace: Double)
    /// Moves in batches, reporting progress; cannot be cancelled once started.
    case bulkMove(MoveRequest, MoveChoice)
    /// Runs the next waiting step of these runs, if their grace period is over.
    case advance([ActionRunID])
    case cancelRun(ActionRunID)
    case disqualify(CandidateID, JobID, ReasonID)
    case undo(UndoableMove)
    case sendNow(EmailID)
    case cancelEmail(EmailID)
    case retryEmail(EmailID)
    case changeSetup(SetupChange)
    case reload
    case quit
}
