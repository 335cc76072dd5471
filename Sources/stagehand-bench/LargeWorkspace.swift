import Foundation
import StagehandCore

/// A generated workspace the size of a busy agency's, for timing.
enum LargeWorkspace {
    static func make(candidates: Int, timeline: Int) -> Workspace {
        let stages = ["Applied", "Phone screen", "Interview", "Offer", "Hired"].enumerated().map { index, name in
            Stage(id: StageID("stage-\(index + 1)"), name: name)
        }
        let jobs = (1...5).map { Job(id: JobID("job-\($0)"), title: "Opening \($0)", pipeline: stages) }
        let setup = WorkspaceSetup(
            companyName: "Bench Agency",
            members: [Member(id: "ana", login: "ana", name: "Ana Lima", email: "ana@example.com", role: "recruiter")],
            defaultPipeline: stages, jobs: jobs)
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        var workspace = Workspace(setup: setup)
        for number in 1...max(1, candidates) {
            let job = jobs[number % jobs.count]
            let entries = (1...max(1, timeline)).map { entry in
                Activity(
                    id: ActivityID("act-\(number)-\(entry)"), at: start.addingTimeInterval(Double(entry * 3600)),
                    kind: .note, author: "ana", automatic: false,
                    text: "Note \(entry): strong on systems design.")
            }
            workspace.candidates.upsert(
                Candidate(
                    id: CandidateID("cand-\(number)"), name: "Candidate \(number)", email: "c\(number)@example.com",
                    source: "LinkedIn", tags: ["swift"], followers: ["ana"],
                    placements: [Placement(job: job.id, stage: stages[number % 3].id, enteredAt: start)],
                    timeline: entries))
        }
        workspace.counter = candidates * timeline
        return workspace
    }

    /// What a board move does to the candidate: a new stage and a timeline entry.
    static func move(_ id: CandidateID, in job: Job, workspace: inout Workspace) {
        let activity: ActivityID = workspace.makeID("act")
        workspace.candidates.modify(id) { candidate in
            guard let index = candidate.placements.indices.first else { return }
            let current = job.stageIndex(candidate.placements[index].stage) ?? 0
            let next = job.pipeline[(current + 1) % job.pipeline.count]
            candidate.placements[index].stage = next.id
            candidate.timeline.append(
                Activity(
                    id: activity, at: Date(timeIntervalSince1970: 1_700_100_000), kind: .moved, author: "ana",
                    automatic: false, text: "Moved to \(next.name)"))
        }
    }
}
