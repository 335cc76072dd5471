/// A workspace read in two steps, for a board: first everything its first frame
/// shows, then the emails, which no card shows and which are at 100,000
/// candidates a third of what there is to read.
///
/// Until `finish()` returns, the store has read nothing: its `workspace` is what
/// it held before, and a change must not be made through it.
public struct StagedLoad {
    /// Everything but the emails (a store that reads all at once has them too):
    /// enough to draw the board, never to change anything with.
    public let withoutEmails: Workspace
    private let finishing: () throws -> Workspace

    init(withoutEmails: Workspace, finishing: @escaping () throws -> Workspace) {
        self.withoutEmails = withoutEmails
        self.finishing = finishing
    }

    /// Everything, read at once.
    init(whole workspace: Workspace) {
        self.init(withoutEmails: workspace) { workspace }
    }

    /// Reads the rest; the store's `workspace` is then the whole workspace, as after `load()`.
    public func finish() throws -> Workspace {
        try finishing()
    }
}
