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

    /// - Parameter job: the job to open on; the first one without it (or when it is gone).
    /// - Parameter workspace: what to show until `open(_:)` has the rest; without
    ///   it, the store's workspace.
    public init(
        screen: any Screen, runner: EffectRunner, clock: Clock, me: MemberID?, theme: Theme, themes: [Theme] = [],
        status: String? = nil, job: JobID? = nil, workspace: Workspace? = nil
    ) {
        self.screen = screen
        self.runner = runner
        self.clock = clock
        let size = screen.size
        state = BoardState(
            workspace: workspace ?? runner.store.workspace, me: me, now: clock.now, width: size.width, height: size.height,
            symbols: screen.supportsUnicode ? .unicode : .ascii, theme: theme)
        state.themes = themes
        if let job, let index = state.workspace.jobIndex(job) { Board.switchJob(by: index - state.jobIndex, &state) }
        state.status = status.map { StatusLine(kind: .error, text: $0) }
    }

    /// Draws the first frame from the part of the workspace `staged` read first,
    /// then reads the rest before any key is handled: a key pressed meanwhile
    /// waits in the terminal, and is handled on the whole workspace.
    public func open(_ staged: StagedLoad) throws {
        screen.draw(Board.render(state))
        send(.workspaceChanged(try staged.finish()))
    }

    /// Runs until the user quits or the terminal goes away. A frame is drawn only
    /// after something happened (a key, a reload that found a change, a tick): an
    /// untouched board sleeps in the terminal's wait instead of redrawing.
    public func run() {
        var lastReload = Date.distantPast
        var lastTick = Date()
        var lastInput = Date()
        var lastCompaction = Date()
        screen.draw(Board.render(state))
        scheduleSending()
        while !state.quitting {
            needsDrawing = false
            // A store that announces changes (a database's LISTEN) wakes the wait; a lost one is retried on the reload's pace.
            let changeSignal = state.storeProblem == nil ? runner.store.changeSignal : nil
            let timeout = Self.wait(until: min(nextTick(after: lastTick), lastReload + Self.reloadInterval), now: Date())
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
            if wall >= nextTick(after: lastTick) {
                lastTick = wall
                send(.tick(clock.now))
            }
            let problem = runner.sender?.setupProblem
            if problem != state.mailProblem { send(.mailProblem(problem)) }
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
            if needsDrawing { screen.draw(Board.render(state)) }
        }
        finishRuns()
    }

    /// Runs the immediate actions of the runs this board started and nobody
    /// cancelled, and ends the mail thread: what must happen before the process
    /// ends — at the end of `run`, or on a signal that ends the process instead.
    public func finishRuns() {
        runner.finish(state.startedRuns)
    }

    /// The job the board shows (at the end of `run`, the one to open on next time).
    public var jobOnScreen: JobID? { state.job?.id }

    /// Set by every message: the state may look different now.
    private var needsDrawing = false

    /// While runs are under way or the progress pane is open, the clock moves them
    /// on five times a second; otherwise only a card's age can change with time, and
    /// it is shown in whole minutes at the finest, so the next tick is the next minute.
    func nextTick(after last: Date) -> Date {
        if state.hasWorkInFlight { return last + Self.tickInterval }
        let minutes = (last.timeIntervalSinceReferenceDate / 60).rounded(.down) + 1
        return Date(timeIntervalSinceReferenceDate: minutes * 60)
    }

    /// How long to wait for a key: until the next tick or reload, whichever comes
    /// first, so that reloads keep their own pace (a wait that only ended at ticks
    /// once made other processes' changes show up to 400 ms late).
    static func wait(until due: Date, now: Date) -> TimeInterval {
        max(0, due.timeIntervalSince(now))
    }

    /// Tells the mail thread when this workspace next has something due, so that it
    /// opens its own store (a second copy of the workspace) only when there is mail to send.
    private func scheduleSending() {
        guard let sender = runner.sender else { return }
        let workspace = runner.store.workspace
        let due = Dispatcher.nextDueDate(in: workspace).map { $0.timeIntervalSince(clock.now) }
        let underWay = Dispatcher.hasSendsUnderWay(in: workspace) ? sender.interval : nil
        sender.nextPass(in: [due, underWay].compactMap { $0 }.min())
    }

    func send(_ msg: Msg) {
        needsDrawing = true
        let performed = Board.dispatch(msg, to: &state, runner: runner) { screen.draw(Board.render($0)) }
        // Effects change the workspace (a move makes emails due); so does another process's change.
        let reloaded = if case .workspaceChanged = msg { true } else { false }
        if reloaded || performed > 0 { scheduleSending() }
    }
}
