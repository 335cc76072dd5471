extension Workspace {
    /// Reads every timeline still left in the snapshot, all at once, for work
    /// about to read them all (see `StoredTimelines.keep`).
    func readEveryTimeline() {
        var stored: [ObjectIdentifier: (timelines: StoredTimelines, ranges: [Range<Int>])] = [:]
        for candidate in candidates {
            guard let (timelines, range) = candidate.storedTimeline.stored else { continue }
            stored[ObjectIdentifier(timelines), default: (timelines, [])].ranges.append(range)
        }
        for (timelines, ranges) in stored.values { timelines.keep(ranges) }
    }
}
