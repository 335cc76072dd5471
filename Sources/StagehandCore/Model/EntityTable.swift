/// An ordered collection of entities addressed by id that remembers which ids
/// were changed or removed since the last `forgetChanges()`, so the store can
/// journal only what a change touched instead of rewriting the whole state.
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

    public init() {}

    public init(_ entities: [Entity]) {
        for entity in entities { upsert(entity) }
        forgetChanges()
    }

    public subscript(id: Entity.ID) -> Entity? {
        get { storage[id] }
        set {
            if let newValue { upsert(newValue) } else { remove(id) }
        }
    }

    public mutating func upsert(_ entity: Entity) {
        if storage.updateValue(entity, forKey: entity.id) == nil {
            ids.append(entity.id)
            index(entity)
        }
        changedIDs.insert(entity.id)
        removedIDs.remove(entity.id)
    }

    public mutating func remove(_ id: Entity.ID) {
        guard let removed = storage.removeValue(forKey: id) else { return }
        ids.removeAll { $0 == id }
        if let candidate = (removed as? any CandidateRecord)?.candidate { byCandidate[candidate]?.removeAll { $0 == id } }
        changedIDs.remove(id)
        removedIDs.insert(id)
    }

    /// Changes one entity in place; does nothing when the id is unknown.
    public mutating func modify(_ id: Entity.ID, _ change: (inout Entity) throws -> Void) rethrows {
        guard var entity = storage[id] else { return }
        try change(&entity)
        storage[id] = entity
        changedIDs.insert(id)
    }

    /// The records about one candidate, oldest first (empty for tables of other things).
    public func records(of candidate: CandidateID) -> [Entity] {
        (byCandidate[candidate] ?? []).compactMap { storage[$0] }
    }

    private mutating func index(_ entity: Entity) {
        if let candidate = (entity as? any CandidateRecord)?.candidate { byCandidate[candidate, default: []].append(entity.id) }
    }

    public var hasChanges: Bool { !changedIDs.isEmpty || !removedIDs.isEmpty }

    public var changedEntities: [Entity] { changedIDs.compactMap { storage[$0] } }

    public mutating func forgetChanges() {
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
        for entity in entities {
            if storage.updateValue(entity, forKey: entity.id) == nil {
                ids.append(entity.id)
                index(entity)
            }
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.unkeyedContainer()
        for id in ids { try container.encode(storage[id]!) }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.ids == rhs.ids && lhs.storage == rhs.storage
    }
}

/// Something recorded about one candidate; tables of these are indexed by candidate.
public protocol CandidateRecord {
    var candidate: CandidateID { get }
}

extension OutgoingEmail: CandidateRecord {}
extension ActionRun: CandidateRecord {}
extension CandidateTask: CandidateRecord {}
extension EvaluationRequest: CandidateRecord {}
