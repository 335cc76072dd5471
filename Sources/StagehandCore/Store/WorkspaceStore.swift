/// Where a workspace is kept, and the one way changes reach it. The JSON state
/// file (`StateFile`) is the embedded default; every rule lives in the core and
/// reaches a store only through `update`, so a store holds data, never rules.
///
/// An instance caches the workspace and has one owner: give each thread its own;
/// instances coordinate through the store itself, as separate processes do.
public protocol WorkspaceStore: AnyObject {
    /// Whether there is a workspace there yet.
    var exists: Bool { get }
    /// The latest state this instance has read or written.
    var workspace: Workspace { get }
    /// Reads the whole workspace; a state file leaves candidates' timelines to be read when needed.
    func load() throws -> Workspace
    /// Reads the setup and at least the candidates `texts` name (as `findCandidate`
    /// finds them), with what belongs to them: for a command about a few people,
    /// which need not read everyone. Anything it cannot narrow down is read whole.
    func load(candidatesNamed texts: [String]) throws -> Workspace
    /// Reads the whole workspace in two steps, the emails last (see `StagedLoad`).
    func loadInStages() throws -> StagedLoad
    /// Reads the whole workspace, every timeline included, for a caller that will
    /// read them all (a report): at once they are read on both cores, one by one
    /// on one.
    func loadEveryTimeline() throws -> Workspace
    /// Makes one change to the latest state, durably, with every other writer's
    /// changes already in; if `change` throws, nothing is written. Returns what
    /// `change` returned.
    @discardableResult
    func update<Result>(_ change: (inout Workspace) throws -> Result) throws -> Result
    /// Picks up other writers' changes; cheap when there are none. True when the workspace changed.
    func refreshIfChanged() throws -> Bool
    /// A descriptor that turns readable when another writer may have changed the
    /// workspace, for a loop to wait on beside its input and call `refreshIfChanged`
    /// at once; nil where changes are found by looking now and then (the state file).
    var changeSignal: Int32? { get }
    /// Writes `workspace` as the whole state; refuses to replace one unless `replacing`,
    /// and then keeps the one it replaces at `keptWhenReplaced`.
    func create(_ workspace: Workspace, replacing: Bool) throws
    /// Where `create(_:replacing:)` keeps the workspace it replaces, as a person is shown it.
    var keptWhenReplaced: String { get }
    /// Reads everything and reports counts and the inconsistencies found.
    func check() throws -> StateCheckReport
    /// Tidies what grew while nobody waits (a journal folded into a snapshot); true when it did.
    @discardableResult
    func compactIfLarge() throws -> Bool
}

extension WorkspaceStore {
    public func loadEveryTimeline() throws -> Workspace { try load() }
    public func load(candidatesNamed texts: [String]) throws -> Workspace { try load() }
    public func loadInStages() throws -> StagedLoad { StagedLoad(whole: try load()) }
}

extension StateFile: WorkspaceStore {
    public var changeSignal: Int32? { nil }
}
