import Foundation

/// Medians, never single runs: machines here are noisy.
enum Timing {
    /// Runs `work` `runs` times and describes the median and the slowest run.
    static func measure(_ runs: Int, _ work: () throws -> Void) rethrows -> Summary {
        let clock = ContinuousClock()
        var durations: [Duration] = []
        for _ in 0..<max(1, runs) { durations.append(try clock.measure(work)) }
        durations.sort()
        return Summary(median: milliseconds(durations[durations.count / 2]), max: milliseconds(durations.last!), runs: durations.count)
    }

    struct Summary: CustomStringConvertible {
        var median: Double
        var max: Double
        var runs: Int

        var description: String { String(format: "median %9.3f ms, max %9.3f ms (%d runs)", median, max, runs) }

        func verdict(budget: Double?) -> String { Timing.verdict(median, budget: budget) }
    }

    /// Whether a median kept its budget, if it has one.
    static func verdict(_ median: Double, budget: Double?, unit: String = "ms") -> String {
        guard let budget else { return "(no budget)" }
        return median <= budget ? String(format: "within %.0f %@", budget, unit) : String(format: "OVER the %.0f %@ budget", budget, unit)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
    }
}
