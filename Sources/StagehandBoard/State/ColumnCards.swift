import StagehandCore

/// One stage's cards on the board, in their order after the filter. The order is
/// worked out once per change; a card is read from the workspace only when it is
/// asked for, so drawing the thirty that fit costs thirty look-ups, not a copy of
/// a column of ten thousand.
public struct ColumnCards: RandomAccessCollection, Sendable {
    public let ids: [CandidateID]
    let table: EntityTable<Candidate>

    public var startIndex: Int { ids.startIndex }
    public var endIndex: Int { ids.endIndex }

    /// The ids come from this same table whenever the workspace changes (`BoardState.sortCards`), so each one is there.
    public subscript(position: Int) -> Candidate { table[ids[position]]! }
}
