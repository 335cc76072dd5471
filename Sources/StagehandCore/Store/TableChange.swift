/// What one change did to one table: the entities it added or changed, in full,
/// and the ids it removed. Replaying it — remove, then upsert in order — gives
/// the writer's table back exactly, order included.
struct TableChange<Entity: TableEntity>: Codable {
    var changed: [Entity]
    var removed: [Entity.ID]

    init(changed: [Entity], removed: [Entity.ID]) {
        self.changed = changed
        self.removed = removed
    }

    /// What `table` recorded since its last `forgetChanges()`; nil when that is nothing.
    init?(of table: EntityTable<Entity>) {
        guard table.hasChanges else { return nil }
        // Entities that stayed keep their relative order; every added one sits at
        // the end. One removed and added again within the change moved there:
        // journal it as removed too, so replay moves it the same way.
        let appended = table.appended
        removed = Array(table.removedIDs.union(appended.moved))
        let appendedIDs = Set(appended.entities.map(\.id))
        changed = table.changedIDs.filter { !appendedIDs.contains($0) }.compactMap { table[$0] }
        changed += appended.entities
    }

    func apply(to table: inout EntityTable<Entity>) {
        for id in removed { table.remove(id) }
        for entity in changed { table.upsert(entity) }
    }
}
