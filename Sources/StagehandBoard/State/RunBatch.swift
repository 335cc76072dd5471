import StagehandCore

/// The runs one change started from this board: one for a card, one per candidate
/// for a bulk move. The progress pane shows one batch, and `c` cancels all of it.
public struct RunBatch: Sendable, Equatable {
    public var runs: [ActionRunID]

    public init(_ runs: [ActionRunID]) {
        self.runs = runs
    }

    public var id: ActionRunID? { runs.first }
}

extension BoardState {
    /// Every run this board started and still shows.
    public var startedRuns: [ActionRunID] { batches.flatMap(\.runs) }

    /// Runs of this board under way, its progress pane open, or a bulk move going:
    /// what the clock has to move on.
    public var hasWorkInFlight: Bool { !batches.isEmpty || bulkProgress != nil || paneClosesAt != nil }

    /// The runs of a batch the workspace knows, in the order they started.
    public func runs(of batch: RunBatch) -> [ActionRun] {
        batch.runs.compactMap { workspace.actionRuns[$0] }
    }

    public func isInFlight(_ batch: RunBatch) -> Bool {
        runs(of: batch).contains { !$0.isFinished }
    }

    /// The batch the progress pane shows: the newest one still running, so that `c`
    /// always reaches what can still be cancelled; once none is, the one it showed
    /// last, so that a run finishing never hands the pane back to an older one.
    public var shownBatch: RunBatch? {
        batches.last { isInFlight($0) } ?? batches.first { $0.id == paneBatch } ?? batches.last
    }

    /// Something in it failed, or an email of it is not sent yet after a failed attempt.
    public func needsReading(_ batch: RunBatch) -> Bool {
        runs(of: batch).contains { run in
            run.hasFailures || run.steps.contains { workspace.retryReason(of: $0) != nil }
        }
    }

    /// Batches in flight besides the shown one.
    public var otherBatchesInFlight: Int {
        let shown = shownBatch
        return batches.filter { $0 != shown && isInFlight($0) }.count
    }

    /// Remembers what the pane shows, so that it stays when its runs finish.
    mutating func pinShownBatch() {
        paneBatch = shownBatch?.id
    }
}
