import StagehandCore

extension Board {
    /// The board's message loop — the one the terminal runs, and the tests and the
    /// board fuzzer with it: a message goes through `update`, each effect it asks for
    /// is performed by `runner`, and the messages that answer go through `update` in
    /// turn, until nothing is left. `redraw` shows a long bulk move's progress.
    /// - Returns: how many effects were performed.
    @MainActor @discardableResult
    public static func dispatch(
        _ msg: Msg, to state: inout BoardState, runner: EffectRunner, redraw: (BoardState) -> Void = { _ in }
    ) -> Int {
        var queue = [msg]
        var performed = 0
        while !queue.isEmpty {
            for effect in update(&state, queue.removeFirst()) where effect != .quit {
                performed += 1
                queue += runner.perform(effect) { progress in
                    _ = update(&state, progress)
                    redraw(state)
                }
            }
        }
        return performed
    }
}
