import StagehandCore

extension Board {
    /// The board's message loop — the one the terminal runs, and the tests and the
    /// board fuzzer with it: a message goes through `update`, then its effects are
    /// carried out (`carryOut`).
    /// - Returns: how many effects were performed.
    @MainActor @discardableResult
    public static func dispatch(
        _ msg: Msg, to state: inout BoardState, runner: EffectRunner, redraw: (BoardState) -> Void = { _ in }
    ) -> Int {
        carryOut(update(&state, msg), on: &state, runner: runner, redraw: redraw)
    }

    /// Has `runner` perform each effect and sends the messages that answer it through
    /// `update` in turn, until nothing is left. `redraw` shows a long bulk move's progress.
    /// - Returns: how many effects were performed.
    @MainActor @discardableResult
    public static func carryOut(
        _ effects: [Effect], on state: inout BoardState, runner: EffectRunner, redraw: (BoardState) -> Void = { _ in }
    ) -> Int {
        var pending = effects.filter { $0 != .quit }
        var performed = 0
        while !pending.isEmpty {
            performed += 1
            let answers = runner.perform(pending.removeFirst()) { progress in
                _ = update(&state, progress)
                redraw(state)
            }
            for answer in answers { pending += update(&state, answer).filter { $0 != .quit } }
        }
        return performed
    }
}
