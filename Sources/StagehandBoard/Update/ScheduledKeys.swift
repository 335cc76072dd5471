import StagehandCore

extension Board {
    static func scheduledCommand(_ command: ScheduledCommand, _ selected: Int, _ state: inout BoardState) -> [Effect] {
        let emails = state.scheduledList
        switch command {
        case .select(let step):
            state.mode = .scheduled(selected: step.apply(to: selected, count: emails.count, page: pageRoom(state)))
        case .sendNow, .cancelEmail, .retryEmail:
            guard emails.indices.contains(selected) else {
                state.status = StatusLine(kind: .info, text: "No email is listed here")
                break
            }
            let id = [emails[selected].id]
            let change: CandidateChange =
                switch command {
                case .sendNow: .sendEmailsNow(id)
                case .cancelEmail: .cancelEmails(id)
                default: .retryEmails(id)
                }
            guard allowed(change, &state) else { break }
            return [.change(change, grace: nil)]
        case .close:
            state.mode = .board
        }
        return []
    }
}

extension BoardState {
    /// The Scheduled view's rows: every email still waiting, soonest first, then the
    /// failed and unknown ones to retry.
    public var scheduledList: [OutgoingEmail] {
        workspace.waitingEmails + workspace.emailsToRetry
    }
}
