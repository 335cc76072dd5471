import Foundation
import StagehandCore
import Testing
@testable import StagehandBoard

/// The board on a real state file, driven through the program's own loop
/// (`Board.dispatch` and a real `EffectRunner`): keys go in, the core makes the
/// changes, and the screen and the file show them.
@MainActor
final class LiveBoard {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("live-board-\(UUID().uuidString)")
    let runner: EffectRunner
    var state: BoardState

    init(login: String = "ana", width: Int = 120, height: Int = 35, workspace: Workspace = BoardFixture.workspace()) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = StateFile(path: folder.appendingPathComponent("state.json"))
        try store.create(workspace, replacing: false)
        _ = try store.load()
        let clock = Clock.fixed(BoardFixture.now)
        let dispatcher = Dispatcher(store: store, transport: OutboxTransport(folder: folder.appendingPathComponent("outbox")), clock: clock)
        let me = workspace.setup.members.first { $0.login == login }?.id
        runner = EffectRunner(store: store, dispatcher: dispatcher, clock: clock, me: me)
        state = BoardState(workspace: workspace, me: me, now: BoardFixture.now, width: width, height: height)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func press(_ keys: Key...) { press(keys) }

    func press(_ keys: [Key]) {
        for key in keys { Board.dispatch(.input(.key(key)), to: &state, runner: runner) }
    }

    func type(_ text: String) { press(text.map { .character($0) }) }

    /// The state file as the core has it now.
    var saved: Workspace { runner.store.workspace }

    var lines: [String] { Board.render(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    var text: String { Board.render(state).text }
    var status: String? { state.status?.text }
}
