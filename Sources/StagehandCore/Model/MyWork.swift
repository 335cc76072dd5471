import Foundation

/// What a team member has to do and to read: their open tasks, the evaluations
/// asked of them, and news about the candidates they follow.
public struct MyWork: Sendable, Equatable {
    public struct News: Sendable, Equatable {
        public var candidate: CandidateID
        public var entry: Activity
    }

    /// Open, soonest due first — so overdue ones lead.
    public var tasks: [CandidateTask]
    /// Still waiting for an answer, oldest request first.
    public var evaluations: [EvaluationRequest]
    /// Newest first, in the order the profile's timeline shows them; nothing the
    /// member did themselves.
    public var news: [News]
}

extension Workspace {
    /// - Parameter newsPerCandidate: the latest entries of each followed candidate that count as news.
    public func work(of member: MemberID, newsPerCandidate: Int = 3, newsLimit: Int = 30) -> MyWork {
        let tasks = tasks.filter { $0.assignee == member && !$0.done }
            .sorted { ($0.due, $0.title, $0.id) < ($1.due, $1.title, $1.id) }
        let evaluations = evaluationRequests.filter { $0.member == member && $0.status == .requested }
            .sorted { ($0.requestedAt, $0.id) < ($1.requestedAt, $1.id) }
        var news: [(at: Date, order: Int, item: MyWork.News)] = []
        for candidate in candidates where candidate.followers.contains(member) {
            // What I did myself is no news to me.
            let latest = candidate.timeline.indices.reversed().lazy.filter { candidate.timeline[$0].author != member }.prefix(newsPerCandidate)
            for index in latest {
                news.append((candidate.timeline[index].at, index, MyWork.News(candidate: candidate.id, entry: candidate.timeline[index])))
            }
        }
        // Entries of the same moment keep the timeline's order, newest last there and first here.
        news.sort { ($0.at, $0.order) > ($1.at, $1.order) }
        return MyWork(tasks: tasks, evaluations: evaluations, news: news.prefix(newsLimit).map(\.item))
    }
}
