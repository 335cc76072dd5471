/// Where things go on screen, worked out from the state alone so that drawing
/// and mouse hit-testing agree.
public struct Layout: Equatable, Sendable {
    public static let minimumWidth = 60
    public static let minimumHeight = 16
    static let minimumColumnWidth = 22
    static let cardHeight = 3

    public let width: Int
    public let height: Int
    public let stageCount: Int
    public let visibleStages: Range<Int>
    public let columnWidth: Int
    /// First row of cards and the row after the last.
    public let cardsTop = 3
    public let cardsBottom: Int

    public init(width: Int, height: Int, stageCount: Int, focusedStage: Int) {
        self.width = width
        self.height = height
        self.stageCount = stageCount
        let fit = max(1, width / Self.minimumColumnWidth)
        let visible = max(1, min(stageCount, fit))
        let page = stageCount == 0 ? 0 : max(0, focusedStage) / visible
        let first = min(page * visible, max(0, stageCount - visible))
        visibleStages = first..<min(stageCount, first + visible)
        columnWidth = width / visible
        cardsBottom = height - 1
    }

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// How many cards fit in a column, leaving a row for the "↓ n more" hint.
    public var cardCapacity: Int { max(1, (cardsBottom - cardsTop - 1) / Self.cardHeight) }

    public func columnX(_ stage: Int) -> Int? {
        guard visibleStages.contains(stage) else { return nil }
        return (stage - visibleStages.lowerBound) * columnWidth
    }

    /// The width of a stage's column (the last one takes the remainder).
    public func width(ofColumn stage: Int) -> Int {
        stage == visibleStages.upperBound - 1 ? width - (columnX(stage) ?? 0) : columnWidth
    }

    /// The first card shown in a column, so that the focused card is always visible.
    public func firstCard(focusedIndex: Int?, count: Int) -> Int {
        guard let focusedIndex, count > cardCapacity else { return 0 }
        return min(max(0, focusedIndex - cardCapacity + 1), count - cardCapacity)
    }

    /// The stage and card row under a screen position.
    public func hit(x: Int, y: Int) -> (stage: Int, row: Int?)? {
        guard x >= 0, x < width, y >= 1, y < cardsBottom else { return nil }
        let stage = visibleStages.lowerBound + min(x / max(columnWidth, 1), visibleStages.count - 1)
        guard visibleStages.contains(stage) else { return nil }
        guard y >= cardsTop else { return (stage, nil) }
        return (stage, (y - cardsTop) / Self.cardHeight)
    }
}

extension BoardState {
    public var layout: Layout {
        let focus: Int
        if case .carrying(let carry) = mode { focus = carry.targetStage } else { focus = stageIndex }
        return Layout(width: width, height: height, stageCount: job?.pipeline.count ?? 0, focusedStage: focus)
    }
}
