/// An ordered collection of entities addressed by id that remembers what changed
/// since the last `forgetChanges()`: which ids were changed or removed, so the
/// store can journal only what a change touched, and what each step overwrote,
/// so a change that fails can be rolled back without anyone having kept a copy
/// of the whole table (which would make its first change copy all of it).
public struct EntityTable<Entity: Identifiable & Codable & Sendable & Equatable>: Sendable, Equatable,
    Codable, RandomAccessCollection
where Entity.ID: Codable & Sendable & Hashable {
    private var storage: [Entity.ID: Entity] = [:]
    public private(set) var ids: [Entity.ID] = []
    public private(set) var changedIDs: Set<Entity.ID> = []
    public private(set) var removedIDs: Set<Entity.ID> = []
    /// For records about a candidate (emails, runs, tasks, evaluation requests): their
    /// ids by candidate, so the rules never scan every email to answer for one person.
    private var byCandidate: [CandidateID: [Entity.ID]] = [:]
    /// The steps since `forgetChanges()`; `rollBack()` undoes them, last first.
    private var undoLog: [UndoStep] = []
    /// The state the recorded changes start from: see `TableOrigin`.
    private(set) var origin = TableOrigin()

    private enum UndoStep {
        /// A new id, appended to `ids`.
        case added(Entity.ID)
        /// An entity's value before its first change since `forgetChanges()`.
        case changed(Entity)
        /// A removed entity, its place in `ids` and in its candidate's records.
        case removed(Entity, place: Int, recordPlace: Int?)
    }

    public init() {}

    public init(_ entities: [Entity]) {
        for entity in entities { insertUnrecorded(entity) }
    }

    public subscript(id: Entity.ID) -> Entity? {
        get { storage[id] }
        set {
            if let newValue { upsert(newValue) } else { remove(id) }
        }
    }

    public mutating func upsert(_ entity: Entity) {
        if let old = storage.updateValue(entity, forKey: entity.id) {
            recordChange(from: old)
        } else {
            ids.append(entity.id)
            index(entity)
            undoLog.append(.added(entity.id))
        }
        changedIDs.insert(entity.id)
        removedIDs.remove(entity.id)
    }

    public mutating func remove(_ id: Entity.ID) {
        guard let removed = storage.removeValue(forKey: id), let place = ids.firstIndex(of: id) else { return }
        ids.remove(at: place)
        var recordPlace: Int?
        if let candidate = (removed as? any CandidateRecord)?.candidate,
            let found = byCandidate[candidate]?.firstIndex(of: id)
        {
            byCandidate[candidate]?.remove(at: found)
            recordPlace = found
        }
        undoLog.append(.removed(removed, place: place, recordPlace: recordPlace))
        changedIDs.remove(id)
        removedIDs.insert(id)
    }

    /// Changes one entity in place; does nothing when the id is unknown.
    public mutating func modify(_ id: Entity.ID, _ change: (inout Entity) throws -> Void) rethrows {
        guard var entity = storage[id] else { return }
        try change(&entity)
        if let old = storage.updateValue(entity, forKey: id) { recordChange(from: old) }
        changedIDs.insert(id)
    }

    /// Only an entity's first change needs undoing: later ones are undone with it.
    private mutating func recordChange(from old: Entity) {
        if !changedIDs.contains(old.id) { undoLog.append(.changed(old)) }
    }

    /// The records about one candidate, oldest first (empty for tables of other things).
    public func records(of candidate: CandidateID) -> [Entity] {
        (byCandidate[candidate] ?? []).compactMap { storage[$0] }
    }

    private mutating func insertUnrecorded(_ entity: Entity) {
        if storage.updateValue(entity, forKey: entity.id) == nil {
            ids.append(entity.id)
            index(entity)
        }
    }

    private mutating func index(_ entity: Entity) {
        if let candidate = (entity as? any CandidateRecord)?.candidate { byCandidate[candidate, default: []].append(entity.id) }
    }

    // MARK: Changes

    public var hasChanges: Bool { !changedIDs.isEmpty || !removedIDs.isEmpty }

    public var changedEntities: [Entity] { changedIDs.compactMap { storage[$0] } }

    /// The ids added since `forgetChanges()` that are still here — they are the
    /// last ones, in this order — and those of them that were here before: removed
    /// and added again, which moved them to the end.
    var appendedIDs: (ids: ArraySlice<Entity.ID>, moved: Set<Entity.ID>) {
        var added: Set<Entity.ID> = []
        var existed: Set<Entity.ID> = []
        for step in undoLog {
            switch step {
            case .added(let id): added.insert(id)
            case .changed(let entity), .removed(let entity, _, _):
                if !added.contains(entity.id) { existed.insert(entity.id) }
            }
        }
        let appended = ids.suffix(added.count(where: { storage[$0] != nil }))
        return (appended, existed.intersection(appended))
    }

    /// Makes the current contents the starting point of the next changes.
    public mutating func forgetChanges() {
        changedIDs.removeAll(keepingCapacity: true)
        removedIDs.removeAll(keepingCapacity: true)
        undoLog.removeAll(keepingCapacity: true)
        origin = TableOrigin()
    }

    /// Undoes every change since `forgetChanges()`, leaving the table exactly as it
    /// was then, order and candidate index included.
    public mutating func rollBack() {
        while let step = undoLog.popLast() {
            switch step {
            case .added(let id):
                if let entity = storage.removeValue(forKey: id), let candidate = (entity as? any CandidateRecord)?.candidate {
                    byCandidate[candidate]?.removeLast()
                }
                ids.removeLast()
            case .changed(let entity):
                storage[entity.id] = entity
            case .removed(let entity, let place, let recordPlace):
                storage[entity.id] = entity
                ids.insert(entity.id, at: place)
                if let recordPlace, let candidate = (entity as? any CandidateRecord)?.candidate {
                    byCandidate[candidate, default: []].insert(entity.id, at: recordPlace)
                }
            }
        }
        changedIDs.removeAll(keepingCapacity: true)
        removedIDs.removeAll(keepingCapacity: true)
    }

    // MARK: RandomAccessCollection, in insertion order

    public var startIndex: Int { ids.startIndex }
    public var endIndex: Int { ids.endIndex }
    public subscript(position: Int) -> Entity { storage[ids[position]]! }

    // MARK: Codable as a plain JSON array

    public init(from decoder: Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var entities: [Entity] = []
        if let count = container.count { entities.reserveCapacity(count) }
        while !container.isAtEnd { entities.append(try container.decode(Entity.self)) }
        storage.reserveCapacity(entities.count)
        ids.reserveCapacity(entities.count)
        for entity in entities { insertUnrecorded(entity) }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.unkeyedContainer()
        for id in ids { try container.encode(storage[id]!) }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.ids == rhs.ids && lhs.storage == rhs.storage
    }
}

/// Names the state a table's recorded changes start from. A new table gets a new
/// origin, and so does every `forgetChanges()`; copies share it. So the store can
/// tell a table changed entity by entity — its origin is the one the change
/// started from, and its record of changes is complete — from one swapped for
/// another wholesale, without keeping the old table to compare with.
final class TableOrigin: Sendable {}

/// Something recorded about one candidate; tables of these are indexed by candidate.
public protocol CandidateRecord {
    var candidate: CandidateID { get }
}

extension OutgoingEmail: CandidateRecord {}
extension ActionRun: CandidateRecord {}
extension CandidateTask: CandidateRecord {}
extension EvaluationRequest: CandidateRecord {}
