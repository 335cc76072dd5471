import StagehandCore

extension Board {
    static func scheduledCommand(_ command: ScheduledCommand, _ selected: Int, _ state: inout BoardState) -> [Effect] {
        let items = state.scheduledList
        switch command {
        case .select(let step):
            state.mode = .scheduled(selected: step.apply(to: selected, count: items.count, page: pageRoom(state)))
        case .sendNow, .cancelEmail, .retryEmail:
            guard items.indices.contains(selected) else {
                state.status = StatusLine(kind: .info, text: "Nothing is listed here")
                break
            }
            let asked: (change: CandidateChange, question: String?)?
            switch items[selected] {
            case .email(let email): asked = emailChange(command, email, state)
            case .timed(let run): asked = timedChange(command, run, &state)
            }
            guard let asked else { break }
            guard allowed(asked.change, &state) else { break }
            guard let question = asked.question else { return [.change(asked.change, grace: nil)] }
            state.mode = .question(Confirmation(question: question, effect: .change(asked.change, grace: nil)), over: state.mode)
        case .close:
            state.mode = .board
        }
        return []
    }

    /// Sending and cancelling cannot be taken back: they ask first, naming the email and the person.
    private static func emailChange(_ command: ScheduledCommand, _ email: OutgoingEmail, _ state: BoardState) -> (CandidateChange, String?) {
        let about = "'\(email.subject)' to \(state.workspace.candidates[email.candidate]?.name ?? "the candidate")"
        switch command {
        case .sendNow: return (.sendEmailsNow([email.id]), "Send \(about) now? It cannot be called back.")
        case .cancelEmail: return (.cancelEmails([email.id]), "Cancel \(about)? It will not be sent, and cannot be scheduled again.")
        default: return (.retryEmails([email.id]), nil)
        }
    }

    /// A timed action runs now or is cancelled after a question; there is nothing to retry.
    private static func timedChange(_ command: ScheduledCommand, _ run: ActionRun, _ state: inout BoardState) -> (CandidateChange, String?)? {
        let about = state.workspace.timedList([run.id])
        switch command {
        case .sendNow: return (.runTimedNow([run.id]), "Run \(about) now, before its time?")
        case .cancelEmail: return (.cancelTimed([run.id]), "Cancel \(about)? It will not run for this stay in the stage.")
        default:
            state.status = StatusLine(kind: .info, text: "Only a failed or unknown email can be retried")
            return nil
        }
    }
}
