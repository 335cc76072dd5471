import Foundation
import StagehandCore
import Testing
@testable import StagehandBoard

/// The sample workspace on a fixed day, seen by Ana (an admin) at 120×35.
enum BoardFixture {
    static let now = Date(timeIntervalSince1970: 1_795_597_200)  // 2026-11-25 09:00 UTC, a Wednesday

    static func workspace() -> Workspace {
        SampleWorkspace.make(now: now, currentLogin: "ana")
    }

    static func state(width: Int = 120, height: Int = 35, login: String = "ana", unicode: Bool = true) -> BoardState {
        let workspace = workspace()
        let me = workspace.setup.members.first { $0.login == login }?.id
        return BoardState(
            workspace: workspace, me: me, now: now, width: width, height: height, symbols: unicode ? .unicode : .ascii)
    }

    /// Feeds keys through `update`, collecting the effects.
    @discardableResult
    static func press(_ keys: [Key], _ state: inout BoardState) -> [Effect] {
        keys.flatMap { Board.update(&state, .input(.key($0))) }
    }

    static func keys(_ text: String) -> [Key] { text.map { .character($0) } }

    /// Index of the first stage of the current job whose actions are not empty.
    static func firstStageWithActions(after index: Int = 0, in state: BoardState) -> Int? {
        state.job?.pipeline.indices.first { $0 > index && state.job!.pipeline[$0].hasActions }
    }
}

// MARK: Changes to candidates

extension BoardFixture {
    /// The one change to candidates among `effects`, and its grace period; fails the test otherwise.
    static func candidateChange(in effects: [Effect], sourceLocation: SourceLocation = #_sourceLocation) throws -> (CandidateChange, Double?) {
        let changes = effects.compactMap { effect -> (CandidateChange, Double?)? in
            if case .change(let change, let grace) = effect { return (change, grace) }
            return nil
        }
        return try #require(changes.count == 1 ? changes.first : nil, "one change expected: \(effects)", sourceLocation: sourceLocation)
    }

    /// The one move among `effects`: its request, the choice it was made with, and its grace period.
    static func move(in effects: [Effect], sourceLocation: SourceLocation = #_sourceLocation) throws -> (request: MoveRequest, choice: MoveChoice?, grace: Double?) {
        let (change, grace) = try candidateChange(in: effects, sourceLocation: sourceLocation)
        guard case .move(let request, let choice) = change else {
            Issue.record("a move expected, got \(change)", sourceLocation: sourceLocation)
            throw MismatchedEffect()
        }
        return (request, choice, grace)
    }

    /// The move dialog on screen; fails the test when there is none.
    static func moveDialog(_ state: BoardState, sourceLocation: SourceLocation = #_sourceLocation) throws -> MoveDialog {
        guard case .moveDialog(let dialog, _) = state.mode else {
            Issue.record("a move dialog expected, the mode is \(state.mode)", sourceLocation: sourceLocation)
            throw MismatchedEffect()
        }
        return dialog
    }

    struct MismatchedEffect: Error {}

    /// What the program hears when the core made a move: the outcome, as `Engine` returns it.
    static func moved(_ request: MoveRequest, choice: MoveChoice? = nil, in state: inout BoardState, grace: Double? = 3) throws -> CandidateChangeOutcome {
        var workspace = state.workspace
        let outcome = try workspace.apply(.move(request, choice: choice), by: request.mover, now: now, grace: grace)
        _ = Board.update(&state, .workspaceChanged(workspace))
        _ = Board.update(&state, .changed(.move(request, choice: choice), outcome))
        return outcome
    }
}

// MARK: Setup editors

extension BoardFixture {
    /// The editor screens open, the shown one last; empty on the board.
    static func screens(_ state: BoardState) -> [EditorScreen] {
        if case .editing(let screens) = state.mode { return screens }
        return []
    }

    /// The form on top, if a form is shown: in the editors, or over a screen.
    static func form(_ state: BoardState) -> Form? {
        if case .form(let form, _) = state.mode { return form }
        if case .form(let form) = screens(state).last { return form }
        return nil
    }

    /// The one setup change among `effects`, failing the test when there is none or several.
    static func change(in effects: [Effect], sourceLocation: SourceLocation = #_sourceLocation) throws -> SetupChange {
        let changes = effects.compactMap { effect -> SetupChange? in
            if case .changeSetup(let change) = effect { return change }
            return nil
        }
        #expect(changes.count == effects.count, "only setup changes expected: \(effects)", sourceLocation: sourceLocation)
        return try #require(changes.count == 1 ? changes.first : nil, "one setup change expected: \(effects)", sourceLocation: sourceLocation)
    }

    /// Carries out the setup change through the program's own loop (`Board.carryOut`)
    /// and a real `EffectRunner` on a state file holding the board's workspace: the
    /// core applies it for me and the board hears what the program would. Returns the
    /// sentence the status line shows; a refusal fails the test.
    @MainActor @discardableResult
    static func perform(_ effects: [Effect], _ state: inout BoardState, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        _ = try change(in: effects, sourceLocation: sourceLocation)
        try withRunner(on: state.workspace, as: state.me) { runner in
            _ = Board.carryOut(effects, on: &state, runner: runner)
        }
        let status = try #require(state.status, "the change said nothing", sourceLocation: sourceLocation)
        #expect(status.kind == .info, "refused: \(status.text)", sourceLocation: sourceLocation)
        return status.text
    }

    /// A state file holding `workspace`, and the board's effect runner on it, with
    /// mail going to an outbox; the folder is gone once `body` returns.
    @MainActor
    static func withRunner<Result>(on workspace: Workspace, as me: MemberID?, _ body: (EffectRunner) throws -> Result) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("board-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = StateFile(path: folder.appendingPathComponent("state.json"))
        try store.create(workspace, replacing: false)
        _ = try store.load()
        let clock = Clock.fixed(now)
        let dispatcher = Dispatcher(store: store, transport: OutboxTransport(folder: folder.appendingPathComponent("outbox")), clock: clock)
        return try body(EffectRunner(store: store, dispatcher: dispatcher, clock: clock, me: me))
    }

    /// Types text into the focused field, a key per character.
    static func type(_ text: String, _ state: inout BoardState) {
        press(keys(text), &state)
    }

    /// Screen lines, for checking what shows next to what.
    static func lines(_ state: BoardState) -> [String] {
        Board.render(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
