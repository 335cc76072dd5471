import StagehandCore

/// The insights page of the board: the current job's figures, worked out when it
/// opens and when the workspace changes (never per frame), and the first row shown.
public struct InsightsPage: Sendable, Equatable {
    public var insights: JobInsights
    public var period: InsightPeriod
    public var top: Int
}

/// A column of one job, for the columns shown by age.
public struct StageKey: Hashable, Sendable {
    public var job: JobID
    public var stage: StageID
}
