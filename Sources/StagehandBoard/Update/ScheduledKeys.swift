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
            let email = emails[selected]
            let id = [email.id]
            let change: CandidateChange =
                switch command {
                case .sendNow: .sendEmailsNow(id)
                case .cancelEmail: .cancelEmails(id)
                default: .retryEmails(id)
                }
            guard allowed(change, &state) else { break }
            // Sending and cancelling cannot be taken back: ask first, naming the email and the person.
            let about = "'\(email.subject)' to \(state.workspace.candidates[email.candidate]?.name ?? "the candidate")"
            let question: String? =
                switch command {
                case .sendNow: "Send \(about) now? It cannot be called back."
                case .cancelEmail: "Cancel \(about)? It will not be sent, and cannot be scheduled again."
                default: nil
                }
            guard let question else { return [.change(change, grace: nil)] }
            state.mode = .question(Confirmation(question: question, effect: .change(change, grace: nil)), over: state.mode)
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
