import Foundation
import StagehandCore

/// Everything the board shows, as a value. `update` changes it; `render` draws it.
public struct BoardState: Sendable {
    public var workspace: Workspace {
        didSet { sortCards() }
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
        didSet { sortCards() }
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
    /// The current job's cards by stage after the filter, worked out once per change
    /// rather than on every frame: a key must render in a few milliseconds even with
    /// ten thousand candidates.
    private var columns: [StageID: [CandidateID]] = [:]
    /// Each shown card's row in its column, so finding the focused card is one look-up.
    private var rows: [CandidateID: Int] = [:]
    /// Per stage with an expected time: its waiting (not disqualified) cards' entry
    /// times, oldest first, so the overdue count under its title is a few look-ups
    /// per frame however long the column is.
    private var waitingSince: [StageID: [Date]] = [:]
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
        return ColumnCards(ids: columns[job.pipeline[index].id] ?? [], table: workspace.candidates)
    }

    /// The entry times of a stage's waiting cards, oldest first; empty for a stage without an expected time.
    public func waitingEntries(inStage stage: StageID) -> [Date] {
        waitingSince[stage] ?? []
    }

    private mutating func sortCards() {
        guard let job else {
            columns = [:]
            rows = [:]
            waitingSince = [:]
            return
        }
        let filter = CardFilter(self.filter)
        columns = ordered(workspace.columns(of: job.id) { $0.matches(filter) }, of: job.id)
        rows = [:]
        rows.reserveCapacity(columns.values.reduce(0) { $0 + $1.count })
        for ids in columns.values {
            for (row, id) in ids.enumerated() { rows[id] = row }
        }
        waitingSince = [:]
        for stage in job.pipeline where stage.expected != nil {
            // The columns are in entry order, and by age puts the waiting first in that order: oldest first either way.
            waitingSince[stage.id] = (columns[stage.id] ?? []).compactMap { id in
                workspace.candidates[id]?.placement(in: job.id).flatMap { $0.disqualification == nil ? $0.enteredAt : nil }
            }
        }
    }

    public var focusedCardIndex: Int? {
        guard let focused, let row = rows[focused] else { return nil }
        let ids = cards(inStage: stageIndex).ids
        return ids.indices.contains(row) && ids[row] == focused ? row : nil
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
