import Foundation
import StagehandCore
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
