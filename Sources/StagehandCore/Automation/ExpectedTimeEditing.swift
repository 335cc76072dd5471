import Foundation

/// Setting how long candidates are expected to stay in a stage: past it, their
/// cards are overdue. A setup change like renaming a stage, with the same permissions.
extension Workspace {
    public mutating func setExpectedTime(_ expected: RelativeDuration?, of id: StageID, in ref: PipelineRef, by member: MemberID) throws {
        try require(Self.automationPermissions, of: member, toDo: "change pipelines")
        try editPipeline(ref) { pipeline, title in
            guard let index = pipeline.firstIndex(where: { $0.id == id }) else {
                throw StagehandError.notFound(kind: "stage of \(title)", name: id.rawValue)
            }
            pipeline[index].expected = expected
        }
    }

    /// "Candidates are expected to stay in Interview for 5 business days (Senior iOS
    /// Engineer)", or that they no longer are.
    func expectedTimeSentence(of id: StageID, in ref: PipelineRef) -> String {
        let stage = pipeline(ref)?.first { $0.id == id }
        let name = stage?.name ?? id.rawValue
        guard let expected = stage?.expected else { return "\(name) has no expected time any more (\(pipelineName(ref)))" }
        return "Candidates are expected to stay in \(name) for \(expected.spelledOut) (\(pipelineName(ref)))"
    }
}
