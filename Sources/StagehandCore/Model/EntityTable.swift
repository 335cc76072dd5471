/// An ordered collection of entities addressed by id that remembers what changed
/// since the last `forgetChanges()`: which ids were changed or removed, so the
/// store can journal only what a change touched, and what each step overwrote,
/// so a change that fails can be rolled back without anyone having kept a copy
/// of the whole table (which would make its first change copy all of it).
public struct EntityTable<Entity: TableEntity>: Sendable, Equatable, Codable, RandomAccessCollection {
    /// In insertion order. An array and a small index rather than a dictionary of
    /// entities: a third less memory for wide entities, and walking the table in
    /// order needs no look-ups. In chunks, so a change to one copy of the table
    /// copies one chunk of it (see `ChunkedArray`).
    private var entities = ChunkedArray<Entity>()
    private var positions: [Entity.ID: Int] = [:]
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
        /// A new entity, appended.
        case added(Entity.ID)
        /// An entity's value before its first change since `forgetChanges()`.
        case changed(Entity)
        /// A removed entity, its position, and its place in its candidate's records.
        case removed(Entity, position: Int, recordPlace: Int?)
    }

    public init() {}

    /// Keeps the last of entities with the same id, where the first one stood.
    public init(_ entities: [Entity]) {
        self.init(ChunkedArray(entities))
    }

    /// Takes the chunks as they are: a table read from a file is not copied again.
    init(_ entities: ChunkedArray<Entity>) {
        positions.reserveCapacity(entities.count)
        var unique = true
        entities.forEachInPlace { position, entity in
            if unique, positions.updateValue(position, forKey: entity.id) != nil { unique = false }
        }
        guard unique else {
            self = EntityTable(merging: entities)
            return
        }
        self.entities = entities
        entities.forEachInPlace { _, entity in index(entity) }
    }

    private init(merging entities: some Sequence<Entity>) {
        for entity in entities {
            if let position = positions[entity.id] {
                // The last one may be about someone else: listed under them, not the first one's candidate.
                if let first = self.entities[position].recordCandidate, first != entity.recordCandidate {
                    byCandidate[first]?.removeAll { $0 == entity.id }
                    index(entity)
                }
                self.entities[position] = entity
            } else {
                positions[entity.id] = self.entities.count
                self.entities.append(entity)
                index(entity)
            }
        }
    }

    /// In order; made afresh on each call.
    public var ids: [Entity.ID] { entities.map(\.id) }

    public subscript(id: Entity.ID) -> Entity? {
        get { positions[id].map { entities[$0] } }
        set {
            if let newValue { upsert(newValue) } else { remove(id) }
        }
    }

    public mutating func upsert(_ entity: Entity) {
        if let position = positions[entity.id] {
            recordChange(from: entities[position])
            entities[position] = entity
        } else {
            positions[entity.id] = entities.count
            entities.append(entity)
            index(entity)
            undoLog.append(.added(entity.id))
        }
        changedIDs.insert(entity.id)
        removedIDs.remove(entity.id)
    }

    public mutating func remove(_ id: Entity.ID) {
        guard let position = positions.removeValue(forKey: id) else { return }
        let removed = entities.remove(at: position)
        for later in position..<entities.count { positions[entities[later].id] = later }
        var recordPlace: Int?
        if let candidate = removed.recordCandidate,
            let found = byCandidate[candidate]?.firstIndex(of: id)
        {
            byCandidate[candidate]?.remove(at: found)
            recordPlace = found
        }
        undoLog.append(.removed(removed, position: position, recordPlace: recordPlace))
        changedIDs.remove(id)
        removedIDs.insert(id)
    }

    /// Changes one entity in place; does nothing when the id is unknown.
    public mutating func modify(_ id: Entity.ID, _ change: (inout Entity) throws -> Void) rethrows {
        guard let position = positions[id] else { return }
        var entity = entities[position]
        try change(&entity)
        recordChange(from: entities[position])
        entities[position] = entity
        changedIDs.insert(id)
    }

    /// Only an entity's first change needs undoing: later ones are undone with it.
    private mutating func recordChange(from old: Entity) {
        if !changedIDs.contains(old.id) { undoLog.append(.changed(old)) }
    }

    /// The records about one candidate, oldest first (empty for tables of other things).
    public func records(of candidate: CandidateID) -> [Entity] {
        (byCandidate[candidate] ?? []).compactMap { self[$0] }
    }

    private mutating func index(_ entity: Entity) {
        if let candidate = entity.recordCandidate { byCandidate[candidate, default: []].append(entity.id) }
    }

    // MARK: Changes

    public var hasChanges: Bool { !changedIDs.isEmpty || !removedIDs.isEmpty }

    public var changedEntities: [Entity] { changedIDs.compactMap { self[$0] } }

    /// The entities added since `forgetChanges()` that are still here — they are
    /// the last ones, in this order — and the ids of those that were here before:
    /// removed and added again, which moved them to the end.
    var appended: (entities: [Entity], moved: Set<Entity.ID>) {
        var added: Set<Entity.ID> = []
        var existed: Set<Entity.ID> = []
        for step in undoLog {
            switch step {
            case .added(let id): added.insert(id)
            case .changed(let entity), .removed(let entity, _, _):
                if !added.contains(entity.id) { existed.insert(entity.id) }
            }
        }
        let appended = Array(entities.suffix(added.count(where: { positions[$0] != nil })))
        return (appended, existed.intersection(appended.lazy.map(\.id)))
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
                positions[id] = nil
                let entity = entities.removeLast()
                if let candidate = entity.recordCandidate { byCandidate[candidate]?.removeLast() }
            case .changed(let entity):
                if let position = positions[entity.id] { entities[position] = entity }
            case .removed(let entity, let position, let recordPlace):
                entities.insert(entity, at: position)
                for later in position..<entities.count { positions[entities[later].id] = later }
                if let recordPlace, let candidate = entity.recordCandidate {
                    byCandidate[candidate, default: []].insert(entity.id, at: recordPlace)
                }
            }
        }
        changedIDs.removeAll(keepingCapacity: true)
        removedIDs.removeAll(keepingCapacity: true)
    }

    /// The positions that may differ from `earlier`, a copy this table was made from
    /// or that was made from it: the chunks the two no longer share (see
    /// `ChunkedArray`), which hold every change and every row added since. Nil when
    /// `earlier` is longer: rows were removed, and positions moved. A board asks this
    /// after every change, to compare the few rows that can differ, not 100,000.
    public func positionsNotShared(with earlier: EntityTable) -> [Range<Int>]? {
        guard earlier.entities.count <= entities.count else { return nil }
        return entities.positionsNotShared(with: earlier.entities)
    }

    // MARK: RandomAccessCollection, in insertion order

    public var startIndex: Int { entities.startIndex }
    public var endIndex: Int { entities.endIndex }
    public subscript(position: Int) -> Entity { entities[position] }

    // MARK: Codable as a plain JSON array

    public init(from decoder: Decoder) throws {
        self.init(try [Entity](from: decoder))
    }

    public func encode(to encoder: Encoder) throws {
        var array = encoder.unkeyedContainer()
        for entity in entities { try array.encode(entity) }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.entities == rhs.entities
    }
}

/// Names the state a table's recorded changes start from. A new table gets a new
/// origin, and so does every `forgetChanges()`; copies share it. So the store can
/// tell a table changed entity by entity — its origin is the one the change
/// started from, and its record of changes is complete — from one swapped for
/// another wholesale, without keeping the old table to compare with.
final class TableOrigin: Sendable {}

/// What a table holds: candidates, or records about one candidate, which the
/// table indexes by candidate. Asked of each entity as it is indexed: a cast to
/// `CandidateRecord` there copied every email into a box of its own.
public protocol TableEntity: Identifiable, Codable, Sendable, Equatable where ID: Codable & Sendable & Hashable {
    /// The candidate a record is about; nil for a candidate.
    var recordCandidate: CandidateID? { get }
}

/// Something recorded about one candidate; tables of these are indexed by candidate.
public protocol CandidateRecord {
    var candidate: CandidateID { get }
}

extension TableEntity where Self: CandidateRecord {
    public var recordCandidate: CandidateID? { candidate }
}

extension Candidate: TableEntity {
    public var recordCandidate: CandidateID? { nil }
}

extension OutgoingEmail: CandidateRecord, TableEntity {}
extension ActionRun: CandidateRecord, TableEntity {}
extension CandidateTask: CandidateRecord, TableEntity {}
extension EvaluationRequest: CandidateRecord, TableEntity {}
