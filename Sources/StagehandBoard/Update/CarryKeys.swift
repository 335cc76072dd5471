import StagehandCore

extension Board {
    static func carryKey(_ key: Key, _ carry: Carry, _ state: inout BoardState) -> [Effect] {
        guard let command = KeyMap.command(for: key, in: state.mode) else { return [] }
        var carry = carry
        switch command {
        case .carryLeft, .carryRight:
            let next = carry.targetStage + (command == .carryRight ? 1 : -1)
            guard let job = state.job, job.pipeline.indices.contains(next) else { return [] }
            carry.targetStage = next
            state.mode = .carrying(carry)
        case .drop:
            return drop(carry.candidates, on: carry.targetStage, &state)
        case .putBack:
            state.mode = .board
        case .quit:
            state.quitting = true
            return [.quit]
        default:
            break
        }
        return []
    }

    static func dialogKey(_ key: Key, _ dialog: Dialog, _ state: inout BoardState) -> [Effect] {
        guard let command = KeyMap.command(for: key, in: state.mode) else { return [] }
        var dialog = dialog
        switch command {
        case .runActions: return confirm(dialog, .runActions, &state)
        case .withoutActions: return confirm(dialog, .withoutActions, &state)
        case .choiceUp, .choiceDown:
            dialog.highlighted = (dialog.highlighted + (command == .choiceDown ? 1 : 2)) % 3
            state.mode = .dialog(dialog)
        case .choose:
            switch dialog.highlighted {
            case 0: return confirm(dialog, .runActions, &state)
            case 1: return confirm(dialog, .withoutActions, &state)
            default: state.mode = .board
            }
        case .back:
            state.mode = .board
            state.status = StatusLine(kind: .info, text: "Move cancelled; nothing changed")
        default:
            break
        }
        return []
    }

    static func confirm(_ dialog: Dialog, _ choice: MoveChoice, _ state: inout BoardState) -> [Effect] {
        state.mode = .board
        let plan = dialog.plan
        let request = MoveRequest(candidates: plan.moves.map(\.candidate), job: plan.job, target: plan.target, mover: plan.mover)
        if let target = state.job?.stageIndex(plan.target) { follow(plan.moves.first?.candidate, to: target, &state) }
        if dialog.kind == .bulk {
            state.bulkProgress = BulkProgress(done: 0, total: plan.moves.count)
            return [.bulkMove(request, choice)]
        }
        return [.move(request, choice, grace: state.workspace.setup.settings.gracePeriodSeconds)]
    }

    static func readingKey(_ key: Key, _ state: inout BoardState) -> [Effect] {
        guard let command = KeyMap.command(for: key, in: state.mode) else { return [] }
        switch (command, state.mode) {
        case (.back, _):
            state.mode = .board
        case (.scrollUp, .profile(let id, let scroll)):
            state.mode = .profile(id, scroll: max(0, scroll - 1))
        case (.scrollDown, .profile(let id, let scroll)):
            state.mode = .profile(id, scroll: scroll + 1)
        case (.scrollUp, .help(let scroll)):
            state.mode = .help(scroll: max(0, scroll - 1))
        case (.scrollDown, .help(let scroll)):
            state.mode = .help(scroll: scroll + 1)
        case (.scrollUp, .myWork(let scroll)):
            state.mode = .myWork(scroll: max(0, scroll - 1))
        case (.scrollDown, .myWork(let scroll)):
            state.mode = .myWork(scroll: scroll + 1)
        case (.moveRight, .profile(let id, let scroll)), (.moveLeft, .profile(let id, let scroll)):
            guard requireMovePermission(&state), let job = state.job,
                let stage = state.workspace.candidates[id]?.placement(in: job.id)?.stage,
                let index = job.stageIndex(stage)
            else { break }
            let target = index + (command == .moveRight ? 1 : -1)
            guard job.pipeline.indices.contains(target) else { break }
            let effects = drop([id], on: target, &state)
            // Without a question to answer, the profile stays open on the moved candidate.
            if state.mode == .board { state.mode = .profile(id, scroll: scroll) }
            return effects
        case (.retryEmail, .profile(let id, _)):
            let failed = state.workspace.emailsToRetry.filter { $0.candidate == id }
            guard !failed.isEmpty else {
                state.status = StatusLine(kind: .info, text: "No failed email to retry for this candidate")
                break
            }
            guard requireMovePermission(&state) else { break }
            return failed.map { .retryEmail($0.id) }
        case (.disqualify, .profile(let id, _)):
            guard requireMovePermission(&state) else { break }
            state.mode = .disqualifying(id, selected: 0)
        default:
            break
        }
        return []
    }

    static func scheduledKey(_ key: Key, _ selected: Int, _ state: inout BoardState) -> [Effect] {
        guard let command = KeyMap.command(for: key, in: state.mode) else { return [] }
        let emails = state.scheduledList
        switch command {
        case .scrollUp: state.mode = .scheduled(selected: max(0, selected - 1))
        case .scrollDown: state.mode = .scheduled(selected: min(max(0, emails.count - 1), selected + 1))
        case .sendNow, .cancelEmail, .retryEmail:
            guard emails.indices.contains(selected) else { break }
            guard requireMovePermission(&state) else { break }
            let email = emails[selected]
            switch (command, email.status) {
            case (.retryEmail, .failed), (.retryEmail, .unknown): return [.retryEmail(email.id)]
            case (.retryEmail, _): state.status = StatusLine(kind: .info, text: "Only a failed email can be retried")
            case (_, .failed), (_, .unknown): state.status = StatusLine(kind: .info, text: "That email did not go out: r retries it")
            case (_, .sending): state.status = StatusLine(kind: .info, text: "That email is being sent right now")
            case (.sendNow, _): return [.sendNow(email.id)]
            default: return [.cancelEmail(email.id)]
            }
        case .back: state.mode = .board
        default: break
        }
        return []
    }

    static func reasonKey(_ key: Key, _ candidate: CandidateID, _ selected: Int, _ state: inout BoardState) -> [Effect] {
        guard let command = KeyMap.command(for: key, in: state.mode) else { return [] }
        let reasons = state.workspace.setup.disqualificationReasons
        switch command {
        case .choiceUp: state.mode = .disqualifying(candidate, selected: max(0, selected - 1))
        case .choiceDown: state.mode = .disqualifying(candidate, selected: min(max(0, reasons.count - 1), selected + 1))
        case .choose:
            state.mode = .board
            guard reasons.indices.contains(selected), let job = state.job else { break }
            return [.disqualify(candidate, job.id, reasons[selected].id)]
        case .back: state.mode = .board
        default: break
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
