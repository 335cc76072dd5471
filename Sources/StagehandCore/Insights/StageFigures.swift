import Foundation

/// One stage's figures for a period: how many are there, came, went on, and how long they stayed.
public struct StageFigures: Sendable, Equatable {
    public var stage: StageID
    public var name: String
    public var expected: RelativeDuration?
    /// Candidates in the stage now, not disqualified.
    public var now = 0
    /// Stays that began in the period.
    public var entered = 0
    /// Stays that ended in the period: by a move either way, or a disqualification.
    public var left = 0
    /// Of those, moved to a stage later in the pipeline.
    public var movedOn = 0
    /// Of those, moved back to an earlier stage.
    public var movedBack = 0
    /// Of those, disqualified while in the stage.
    public var disqualified = 0
    /// Days each ended stay lasted (those whose entry the timeline knows), smallest first.
    public var stayDays: [Double] = []
    /// Candidates in the stage now past its expected time.
    public var overdue = 0

    public init(stage: Stage) {
        self.stage = stage.id
        name = stage.name
        expected = stage.expected
    }

    /// The share of the stays that ended which moved on to a later stage; nil when none ended.
    public var movedOnShare: Double? { left == 0 ? nil : Double(movedOn) / Double(left) }

    /// The middle stay (the mean of the two middle ones for an even count).
    public var medianDays: Double? {
        guard !stayDays.isEmpty else { return nil }
        let middle = stayDays.count / 2
        return stayDays.count.isMultiple(of: 2) ? (stayDays[middle - 1] + stayDays[middle]) / 2 : stayDays[middle]
    }

    /// The 90th percentile by nearest rank: the shortest stay that at least 90% of
    /// the stays are no longer than.
    public var p90Days: Double? {
        guard !stayDays.isEmpty else { return nil }
        let rank = Int((0.9 * Double(stayDays.count)).rounded(.up))
        return stayDays[max(0, rank - 1)]
    }
}
