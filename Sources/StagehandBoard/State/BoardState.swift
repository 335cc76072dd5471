import Foundation
import StagehandCore

/// Everything the board shows, as a value. `update` changes it; `render` draws it.
public struct BoardState: Sendable {
    public var workspace: Workspace {
        didSet {
            // The board stays on its job when jobs are reordered, here or elsewhere.
            if let shown = oldValue.setup.jobs.indices.contains(jobIndex) ? oldValue.setup.jobs[jobIndex].id : nil,
                let index = workspace.jobIndex(shown), index != jobIndex
            {
                jobIndex = index
            } else {
                sortCards(after: oldValue)
            }
        }
    }
    /// The member using the board; `nil` for someone who is not on the team (read-only).
    public var me: MemberID?
    public var now: Date
    public var width: Int
    public var height: Int
    public var symbols: Symbols
    public var theme: Theme
    /// The themes `t` cycles through.
    public var themes: [Theme] = []

    public var jobIndex = 0 {
        didSet { if jobIndex != oldValue { sortCards() } }
    }
    public var stageIndex = 0
    /// The focused card, by candidate, so focus survives reloads and others' moves.
    public var focused: CandidateID?
    public var selection: Set<CandidateID> = []
    public var filter = "" {
        didSet { if filter != oldValue { sortCards() } }
    }
    /// Where typing goes in the filter; nil: at its end.
    public var filterCursor: Int?
    /// Columns shown by age in stage (`A`) rather than in the order their cards came.
    public var ageOrdered: Set<StageKey> = [] {
        didSet { if ageOrdered != oldValue { sortCards() } }
    }
    /// The current job's cards by stage after the filter (see `BoardColumns`).
    private var columns = BoardColumns()
    public var mode: Mode = .board
    /// What this board started, newest last; the progress pane shows one of them.
    public var batches: [RunBatch] = []
    /// The batch the pane showed last (see `shownBatch`).
    public var paneBatch: ActionRunID?
    /// Why the store cannot be read now (a database gone away): the board shows the
    /// last state it read, and says this in its bar until the store is back.
    public var storeProblem: String?
    /// Why mail cannot go out from this board (no password here…), as its sender last found.
    public var mailProblem: String?
    /// When the finished pane closes by itself.
    public var paneClosesAt: Date?
    public var bulkProgress: BulkProgress?
    public var undoStack: [Undo] = []
    /// A one-line message for the bottom bar ("Moved Ana to Interview", an error…).
    public var status: StatusLine?
    /// The first column shown, for boards wider than the terminal.
    public var firstVisibleStage = 0
    public var quitting = false
    /// The current carry started with a mouse press and ends at its release.
    public var mouseCarry = false
    /// Every candidate's fields folded for the finder: made when it opens and when
    /// the workspace changes while it is open, not at each key.
    public var candidateIndex: CandidateIndex?

    public init(
        workspace: Workspace, me: MemberID?, now: Date, width: Int, height: Int, symbols: Symbols = .unicode,
        theme: Theme = .defaultDark
    ) {
        self.workspace = workspace
        self.me = me
        self.now = now
        self.width = width
        self.height = height
        self.symbols = symbols
        self.theme = theme
        sortCards()
        focusFirstCard()
    }

    // MARK: What is on screen

    public var job: Job? {
        let jobs = workspace.setup.jobs
        return jobs.indices.contains(jobIndex) ? jobs[jobIndex] : nil
    }

    public var stage: Stage? {
        guard let job, job.pipeline.indices.contains(stageIndex) else { return nil }
        return job.pipeline[stageIndex]
    }

    /// The cards of one stage of the current job, after the filter, in the order they entered it.
    public func cards(inStage index: Int) -> ColumnCards {
        guard let job, job.pipeline.indices.contains(index) else { return ColumnCards(ids: [], table: workspace.candidates) }
        return ColumnCards(ids: columns.ids[job.pipeline[index].id] ?? [], table: workspace.candidates)
    }

    /// The entry times of a stage's waiting cards, oldest first; empty for a stage without an expected time.
    public func waitingEntries(inStage stage: StageID) -> [Date] {
        columns.waitingSince[stage] ?? []
    }

    /// Makes the columns anew, or after a change of the workspace alone follows the
    /// candidates that changed (a filter or an age order is applied anew each time).
    private mutating func sortCards(after old: Workspace? = nil) {
        guard let job else {
            columns = BoardColumns()
            return
        }
        if let old, filter.isEmpty, !ageOrdered.contains(where: { $0.job == job.id }), columns.job == job.id,
            columns.follow(from: old, to: workspace)
        {
            return
        }
        let filter = CardFilter(self.filter)
        columns = BoardColumns(job, columns: ordered(workspace.columns(of: job.id) { $0.matches(filter) }, of: job.id), in: workspace)
    }

    public var focusedCardIndex: Int? {
        focused.flatMap { row(of: $0, inStage: stageIndex) }
    }

    /// Where a candidate's card stands in a stage's column; nil when it is not shown there.
    func row(of candidate: CandidateID, inStage index: Int) -> Int? {
        guard let row = columns.rows[candidate] else { return nil }
        let ids = cards(inStage: index).ids
        return ids.indices.contains(row) && ids[row] == candidate ? row : nil
    }

    public var canMove: Bool { me.map { workspace.allows($0, .moveCandidates) } ?? false }

    /// Keeps focus on a card that exists: the same candidate if still in this
    /// stage, else the nearest card.
    mutating func focusFirstCard() {
        if focusedCardIndex != nil { return }
        focused = cards(inStage: stageIndex).first?.id
    }

    mutating func clampIndices() {
        let jobs = workspace.setup.jobs
        jobIndex = jobs.isEmpty ? 0 : min(max(jobIndex, 0), jobs.count - 1)
        let stages = job?.pipeline.count ?? 0
        stageIndex = stages == 0 ? 0 : min(max(stageIndex, 0), stages - 1)
    }
}

public struct BulkProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
}

public struct StatusLine: Sendable, Equatable {
    public enum Kind: Sendable { case info, error }
    public var kind: Kind
    public var text: String
}
