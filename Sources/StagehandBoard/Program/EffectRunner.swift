import Foundation
import StagehandCore

/// Performs the board's effects against the core, through the same door the
/// command line uses (`Engine`), and answers with the messages that report what happened.
@MainActor
public final class EffectRunner {
    public let engine: Engine
    let me: MemberID?
    /// Emails go out on its thread; the board hears how it went from the state file.
    let sender: BackgroundSender?
    /// Sends what a quitting board finishes, once the sender's thread has stopped.
    let dispatcher: Dispatcher

    public var store: any WorkspaceStore { engine.store }

    /// - Parameter sender: sends the board's emails on a thread of its own; without
    ///   one (tests, the board fuzzer) they are sent here, before the effect returns.
    public init(store: any WorkspaceStore, dispatcher: Dispatcher, sender: BackgroundSender? = nil, clock: Clock, me: MemberID?) {
        let delivery: DueEmailDelivery = sender.map { sender in .wake { sender.wake() } } ?? .sendHere(dispatcher)
        engine = Engine(store: store, clock: clock, delivery: delivery)
        self.sender = sender
        self.dispatcher = dispatcher
        self.me = me
    }

    /// - Parameter progress: called between the batches of a bulk move, so the board can redraw.
    public func perform(_ effect: Effect, progress: (Msg) -> Void = { _ in }) -> [Msg] {
        do {
            var messages = try run(effect, progress: progress)
            messages.append(.workspaceChanged(store.workspace))
            return messages
        } catch {
            let sentence = (error as? any UserFacingError)?.sentence ?? String(describing: error)
            return [.failed(sentence), .workspaceChanged(store.workspace)]
        }
    }

    private func run(_ effect: Effect, progress: (Msg) -> Void) throws -> [Msg] {
        switch effect {
        case .change(let change, let grace):
            let member = try requireMember()
            let outcome = try engine.perform(change, by: member, grace: grace, batchSize: Board.bulkBatch) { done, total in
                progress(.bulkProgressed(done: done, total: total))
            }
            return [.changed(change, outcome)]
        case .advance(let runs):
            try engine.advance(runs, maxSteps: 1)
            return []
        case .changeSetup(let change):
            let member = try requireMember()
            let now = engine.clock.now
            let said = try store.update { try $0.apply(change, by: member, now: now) }
            // The board takes the new workspace first, so it can show what was just made.
            return [.workspaceChanged(store.workspace), .setupChanged(said)]
        case .reload:
            _ = try store.load()
            return [.info("Reloaded")]
        case .quit:
            return []
        }
    }

    /// Finishes what this board started and was not cancelled: the immediate actions
    /// run now; delayed emails stay scheduled in the state file.
    public func finish(_ runs: [ActionRunID]) {
        sender?.stop()
        try? Engine(store: store, clock: engine.clock, delivery: .sendHere(dispatcher)).advance(runs, ignoringGrace: true)
    }

    private func requireMember() throws -> MemberID {
        guard let me else { throw StagehandError.invalidAction(Board.guestRefusal) }
        return me
    }
}
