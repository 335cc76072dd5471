import Foundation
import StagehandCore

/// The board's loop: input and timers in, `update`, effects out to the core,
/// `render` to the screen. The only place the pieces meet.
@MainActor
public final class BoardProgram {
    let screen: any Screen
    let runner: EffectRunner
    let clock: Clock
    var state: BoardState
    /// Seconds between checks of the state file for others' changes (a database's notices wake the board sooner).
    static let reloadInterval = 0.25
    static let tickInterval = 0.2
    /// A board left alone this long folds a large journal into the snapshot, so
    /// that nobody's keystroke waits for it.
    static let idleBeforeCompacting = 10.0

    public init(
        screen: any Screen, runner: EffectRunner, clock: Clock, me: MemberID?, theme: Theme, themes: [Theme] = [],
        status: String? = nil
    ) {
        self.screen = screen
        self.runner = runner
        self.clock = clock
        let size = screen.size
        state = BoardState(
            workspace: runner.store.workspace, me: me, now: clock.now, width: size.width, height: size.height,
            symbols: screen.supportsUnicode ? .unicode : .ascii, theme: theme)
        state.themes = themes
        state.status = status.map { StatusLine(kind: .error, text: $0) }
    }

    /// Runs until the user quits or the terminal goes away.
    public func run() {
        var lastReload = Date.distantPast
        var lastTick = Date.distantPast
        var lastInput = Date()
        var lastCompaction = Date()
        screen.draw(Board.render(state))
        while !state.quitting {
            // A store that announces changes (a database's LISTEN) wakes the wait; a lost one is retried on the reload's pace.
            let changeSignal = state.storeProblem == nil ? runner.store.changeSignal : nil
            let timeout = Self.wait(lastTick: lastTick, lastReload: lastReload, now: Date())
            if let event = screen.nextEvent(timeout: timeout, wakingOn: changeSignal) {
                if event == .hangup {
                    state.quitting = true
                    break
                }
                send(.input(event))
                lastInput = Date()
            } else if changeSignal != nil {
                lastReload = .distantPast
            }
            let wall = Date()
            if wall.timeIntervalSince(lastTick) >= Self.tickInterval {
                lastTick = wall
                send(.tick(clock.now))
                let problem = runner.sender?.setupProblem
                if problem != state.mailProblem { send(.mailProblem(problem)) }
            }
            if wall.timeIntervalSince(lastReload) >= Self.reloadInterval {
                lastReload = wall
                // A store that cannot be read (a database gone away) is said in the bar; the last state stays on screen.
                do {
                    let changed = try runner.store.refreshIfChanged()
                    if state.storeProblem != nil { send(.storeProblem(nil)) }
                    if changed { send(.workspaceChanged(runner.store.workspace)) }
                } catch {
                    let sentence = (error as? any UserFacingError)?.sentence ?? "\(error)"
                    if state.storeProblem != sentence { send(.storeProblem(sentence)) }
                }
            }
            if wall.timeIntervalSince(lastInput) >= Self.idleBeforeCompacting,
                wall.timeIntervalSince(lastCompaction) >= Self.idleBeforeCompacting
            {
                lastCompaction = wall
                _ = try? runner.store.compactIfLarge()
            }
            screen.draw(Board.render(state))
        }
        runner.finish(state.startedRuns)
    }

    /// How long to wait for a key: until the tick or the reload is due, whichever
    /// comes first, so that reloads keep their own pace instead of waiting for the
    /// next tick (which once made other processes' changes show up to 400 ms late).
    static func wait(lastTick: Date, lastReload: Date, now: Date) -> TimeInterval {
        let due = min(lastTick + tickInterval, lastReload + reloadInterval)
        return min(tickInterval, max(0, due.timeIntervalSince(now)))
    }

    func send(_ msg: Msg) {
        Board.dispatch(msg, to: &state, runner: runner) { screen.draw(Board.render($0)) }
    }
}
