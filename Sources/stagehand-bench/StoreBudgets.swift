/// The budgets, in milliseconds and megabytes, by store. The database's come from
/// issue 17; a figure it sets no budget for is reported without a verdict.
struct StoreBudgets {
    var load: Double?
    var durableMove: Double
    var bulkMove: Double
    var peakMemory: Double?
    var firstFrame: Double
    var moveSeenOnOtherBoards: Double

    static let file = StoreBudgets(load: 150, durableMove: 30, bulkMove: 500, peakMemory: 80, firstFrame: 200, moveSeenOnOtherBoards: 1000)
    static let database = StoreBudgets(load: nil, durableMove: 10, bulkMove: 1000, peakMemory: nil, firstFrame: 250, moveSeenOnOtherBoards: 250)
}
