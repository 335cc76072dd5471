/// What one change did to one table: the entities it added or changed, in full,
/// and the ids it removed. Replaying it — remove, then upsert in order — gives
/// the writer's table back exactly, order included.
struct TableChange<Entity: Identifiable & Codable & Sendable & Equatable>: Codable
where Entity.ID: Codable & Sendable & Hashable {
    var changed: [Entity]
    var removed: [Entity.ID]

    /// nil when the change left the table alone. `before` must have no recorded changes.
    init?(from before: EntityTable<Entity>, to after: EntityTable<Entity>) {
        guard after.hasChanges else { return nil }
        var removed = after.removedIDs
        var appended: ArraySlice<Entity.ID> = []
        // Equal arrays share storage when untouched, so this is free for the common
        // change that only edits entities in place.
        if after.ids != before.ids {
            // Entities that stayed keep their relative order; every other id now
            // sits at the end. One removed and added again within the change moved
            // there: journal it as removed too, so replay moves it the same way.
            var next = after.ids.startIndex
            for id in before.ids where after[id] != nil {
                if next < after.ids.endIndex && after.ids[next] == id {
                    next += 1
                } else {
                    removed.insert(id)
                }
            }
            appended = after.ids[next...]
        }
        let appendedIDs = Set(appended)
        changed = after.changedIDs.filter { !appendedIDs.contains($0) }.compactMap { after[$0] }
        changed += appended.compactMap { after[$0] }
        self.removed = Array(removed)
    }

    func apply(to table: inout EntityTable<Entity>) {
        for id in removed { table.remove(id) }
        for entity in changed { table.upsert(entity) }
    }
}
