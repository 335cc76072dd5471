import Foundation

/// One stretch of time a candidate spent in one stage of a job, as the timeline
/// tells it: from an arrival or a move in, to a move out or a disqualification.
public struct StageStay: Sendable, Equatable {
    public enum Ending: Sendable, Equatable {
        /// Moved to another stage; `forward` when it comes later in the pipeline.
        case moved(to: StageID, forward: Bool)
        case disqualified
    }

    public var stage: StageID
    /// When they came in; nil when the timeline does not say (an entry it lacks).
    public var enteredAt: Date?
    /// When and how the stay ended; nil while it lasts (or when the timeline lost track of it).
    public var leftAt: Date?
    public var ending: Ending?

    public init(stage: StageID, enteredAt: Date?, leftAt: Date? = nil, ending: Ending? = nil) {
        self.stage = stage
        self.enteredAt = enteredAt
        self.leftAt = leftAt
        self.ending = ending
    }

    /// How long it lasted, when both ends are known.
    public var duration: TimeInterval? {
        guard let enteredAt, let leftAt else { return nil }
        return leftAt.timeIntervalSince(enteredAt)
    }
}

/// Reads a candidate's stays in the stages of one job from their timeline and placement.
///
/// - An arrival in the job (applied, imported, CV forwarded, assigned) enters the
///   pipeline's first stage.
/// - "Moved from A to B" leaves A and enters B; the move is *forward* when B comes
///   after A in the pipeline's order. Stage names are matched against the pipeline
///   as it is now (the longest name that fits), so a move naming a stage since
///   renamed or removed counts for neither end.
/// - A disqualification ends the stay it happens in; reinstating (or undoing it)
///   opens that stay again, as if it had never ended.
/// - Undoing a move takes it back whole: the stay it began is dropped and the one it
///   ended goes on.
/// - The placement has the last word on the current stay: its stage and entry time
///   (and its disqualification) replace what the timeline suggested.
struct StageHistory {
    let pipeline: [Stage]
    private let order: [StageID: Int]
    /// Stage names longest first, so that "Interview" never wins over "Interview 2".
    private let byLength: [Stage]
    /// What each move's text named: a job has few distinct ones, and ten thousand
    /// candidates repeat them.
    private var named: [String: (from: StageID?, to: StageID?)] = [:]

    init(pipeline: [Stage]) {
        self.pipeline = pipeline
        order = Dictionary(pipeline.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        byLength = pipeline.sorted { $0.name.count > $1.name.count }
    }

    mutating func stays(of candidate: Candidate, placement: Placement) -> [StageStay] {
        var closed: [StageStay] = []
        var open: StageStay?
        for entry in candidate.timeline where entry.job == placement.job {
            switch entry.kind {
            case .applied, .imported, .forwarded, .assigned:
                // "Already in" the job is an assignment that changed nothing.
                guard open == nil, closed.isEmpty, let first = pipeline.first else { continue }
                open = StageStay(stage: first.id, enteredAt: entry.at)
            case .moved:
                let (from, to) = known(entry.text)
                if let from {
                    let ending = to.map { StageStay.Ending.moved(to: $0, forward: isForward(from, $0)) }
                    var left = open?.stage == from ? open! : StageStay(stage: from, enteredAt: nil)
                    left.leftAt = entry.at
                    left.ending = ending
                    closed.append(left)
                }
                open = to.map { StageStay(stage: $0, enteredAt: entry.at) }
            case .disqualified:
                guard var stay = open else { continue }
                stay.leftAt = entry.at
                stay.ending = .disqualified
                closed.append(stay)
                open = nil
            case .reinstated:
                reopenDisqualified(&closed, &open)
            case .undone:
                if entry.text.hasPrefix("Undid the disqualification") {
                    reopenDisqualified(&closed, &open)
                } else if let last = closed.popLast() {
                    open = StageStay(stage: last.stage, enteredAt: last.enteredAt)
                }
            default:
                continue
            }
        }
        if let open, open.stage != placement.stage {
            // A stay the timeline opened in another stage ended by a move it does not
            // record: it was entered, but when it ended is unknown.
            closed.append(open)
        } else if open == nil, placement.disqualification != nil, closed.last?.ending == .disqualified,
            closed.last?.stage == placement.stage
        {
            // The disqualification the placement still carries: it is the current stay, told below.
            closed.removeLast()
        }
        return closed + [current(placement)]
    }

    /// The stay the placement is in now, with its entry time and disqualification.
    private func current(_ placement: Placement) -> StageStay {
        var stay = StageStay(stage: placement.stage, enteredAt: placement.enteredAt)
        if let disqualification = placement.disqualification {
            stay.leftAt = disqualification.at
            stay.ending = .disqualified
        }
        return stay
    }

    private func reopenDisqualified(_ closed: inout [StageStay], _ open: inout StageStay?) {
        guard open == nil, let last = closed.last, last.ending == .disqualified else { return }
        closed.removeLast()
        open = StageStay(stage: last.stage, enteredAt: last.enteredAt)
    }

    func isForward(_ from: StageID, _ to: StageID) -> Bool {
        guard let a = order[from], let b = order[to] else { return false }
        return b > a
    }

    private mutating func known(_ text: String) -> (from: StageID?, to: StageID?) {
        if let found = named[text] { return found }
        let found = stages(named: text)
        named[text] = found
        return found
    }

    /// The stages a move's text names: "Moved from A to B", perhaps followed by " (…)".
    func stages(named text: String) -> (from: StageID?, to: StageID?) {
        let prefix = "Moved from "
        guard text.hasPrefix(prefix) else { return (nil, nil) }
        let rest = text.dropFirst(prefix.count)
        for from in byLength where rest.hasPrefix(from.name + " to ") {
            let target = rest.dropFirst(from.name.count + 4)
            if let to = byLength.first(where: { target == $0.name || target.hasPrefix($0.name + " (") }) {
                return (from.id, to.id)
            }
        }
        // The stage it left was renamed or removed since: the stage it entered may still be known.
        let to = byLength.first { rest.hasSuffix(" to " + $0.name) || rest.contains(" to \($0.name) (") }
        return (nil, to?.id)
    }
}
