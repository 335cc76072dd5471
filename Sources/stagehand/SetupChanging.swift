import StagehandCore

extension Session {
    /// Makes one change to the workspace's setup as the acting member and returns
    /// the sentences saying what was done.
    ///
    /// `plan` turns the names a person typed into the change, on a loaded copy of the
    /// state; the change is then applied under the lock to the latest state, where the
    /// core checks permissions and rules again. `then` may work out a second change
    /// from the state after the first (such as moving the stage just added, or
    /// giving it an expected time), made under the same lock so that all happen or none does.
    func changeSetup(
        _ plan: (Workspace, Member) throws -> SetupChange, then followUp: (Workspace) -> [SetupChange] = { _ in [] }
    ) throws -> String {
        let (member, change) = try planned(plan)
        let now = clock.now
        return try store.update { workspace in
            var said = [try workspace.apply(change, by: member, now: now)]
            for next in followUp(workspace) { said.append(try workspace.apply(next, by: member, now: now)) }
            return said.joined(separator: "\n")
        }
    }

    /// Planned in a function of its own so that the loaded copy is gone before the
    /// update: a change to a table nobody else holds edits it in place instead of copying it.
    private func planned(_ plan: (Workspace, Member) throws -> SetupChange) throws -> (MemberID, SetupChange) {
        let workspace = try store.load()
        let member = try member(in: workspace)
        return (member.id, try plan(workspace, member))
    }
}
