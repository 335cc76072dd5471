public enum JobStatus: String, Codable, Sendable {
    case open, closed
}

/// A job opening with its own pipeline, copied from the workspace's default
/// template when the job was created and edited independently afterwards.
public struct Job: Codable, Sendable, Equatable, Identifiable {
    public var id: JobID
    public var title: String
    public var status: JobStatus
    public var pipeline: [Stage]

    public init(id: JobID, title: String, status: JobStatus = .open, pipeline: [Stage]) {
        self.id = id
        self.title = title
        self.status = status
        self.pipeline = pipeline
    }

    public func stage(_ id: StageID) -> Stage? { pipeline.first { $0.id == id } }
    public func stageIndex(_ id: StageID) -> Int? { pipeline.firstIndex { $0.id == id } }
    public var firstStage: Stage? { pipeline.first }
}
