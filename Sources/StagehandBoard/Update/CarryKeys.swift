import StagehandCore

extension Board {
    static func carryCommand(_ command: CarryCommand, _ carry: Carry, _ state: inout BoardState) -> [Effect] {
        var carry = carry
        switch command {
        case .left, .right:
            let next = carry.targetStage + (command == .right ? 1 : -1)
            guard let job = state.job, job.pipeline.indices.contains(next) else { return [] }
            carry.targetStage = next
            state.mode = .carrying(carry)
        case .drop:
            guard carry.targetStage != carry.fromStage else {
                state.mode = .board
                state.status = StatusLine(kind: .info, text: "Put back where it was; nothing moved")
                return []
            }
            return drop(carry.candidates, staying: carry.staying, on: carry.targetStage, &state)
        case .putBack:
            state.mode = .board
        }
        return []
    }
}
