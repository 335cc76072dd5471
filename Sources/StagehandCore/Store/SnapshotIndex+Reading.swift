import Foundation

extension SnapshotIndex {
    /// The ids the journal's `records` leave each text naming, when each names
    /// exactly one candidate as `Workspace.findCandidate` would find them; nil
    /// otherwise, so the whole workspace is read and the command says what is wrong.
    func candidates(named texts: [String], after records: [JournalRecord]) -> Set<CandidateID>? {
        var names = Dictionary(candidates.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        guard names.count == candidates.count else { return nil }
        for change in records.compactMap(\.candidates) {
            for id in change.removed { names[id] = nil }
            for candidate in change.changed { names[candidate.id] = candidate.name }
        }
        var wanted = Set<CandidateID>()
        for text in texts {
            let id = CandidateID(text.trimmingCharacters(in: .whitespaces))
            if names[id] != nil {
                wanted.insert(id)
                continue
            }
            // A unique match among everyone is the same match among any of them that
            // hold it, so finding again in the part read gives the same candidate.
            guard let found = try? NameLookup.find(text, kind: "candidate", in: Array(names), id: \.key.rawValue, name: \.value)
            else { return nil }
            wanted.insert(found.key)
        }
        return wanted
    }

    /// The setup, counter, and the `wanted` candidates with what belongs to them,
    /// read from `text`, the snapshot this index names; nil when anything there
    /// is not what the index says.
    func workspace(
        of wanted: Set<CandidateID>, in text: MappedFile, decoder: JSONDecoder, storedTimelines: StoredTimelines
    ) -> Workspace? {
        var people: [Candidate] = []
        var entries = Array(repeating: [Range<Int>](), count: Table.allCases.count)
        for candidate in candidates where wanted.contains(candidate.id) {
            guard let entry = entry(at: candidate.line),
                let person: Candidate = read(entry.candidate, in: text, decoder: decoder, storedTimelines: storedTimelines),
                person.id == candidate.id
            else { return nil }
            people.append(person)
            for table in Table.allCases { entries[table.rawValue] += entry.tables[table.rawValue] }
        }
        var setupReader = JSONReader(text.bytes, from: setup.lowerBound, decoder: decoder)
        guard setup.upperBound <= text.bytes.count, let setup = try? setupReader.decode(WorkspaceSetup.self),
            setupReader.offset == self.setup.upperBound,
            let tasks: [CandidateTask] = read(entries[Table.tasks.rawValue], of: wanted, in: text, decoder: decoder),
            let evaluations: [EvaluationRequest] = read(
                entries[Table.evaluationRequests.rawValue], of: wanted, in: text, decoder: decoder),
            let emails: [OutgoingEmail] = read(entries[Table.emails.rawValue], of: wanted, in: text, decoder: decoder),
            let runs: [ActionRun] = read(entries[Table.actionRuns.rawValue], of: wanted, in: text, decoder: decoder)
        else { return nil }
        return Workspace(
            setup: setup, counter: counter, candidates: people, tasks: tasks, evaluationRequests: evaluations,
            emails: emails, actionRuns: runs)
    }

    /// The entries at `ranges`, in the snapshot's order, each about one of the `wanted`.
    private func read<Entity: JSONReadable & CandidateRecord>(
        _ ranges: [Range<Int>], of wanted: Set<CandidateID>, in text: MappedFile, decoder: JSONDecoder
    ) -> [Entity]? {
        var entities: [Entity] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            guard let entity: Entity = read(range, in: text, decoder: decoder, storedTimelines: nil),
                wanted.contains(entity.candidate)
            else { return nil }
            entities.append(entity)
        }
        return entities
    }

    private func read<Entity: JSONReadable>(
        _ range: Range<Int>, in text: MappedFile, decoder: JSONDecoder, storedTimelines: StoredTimelines?
    ) -> Entity? {
        guard range.upperBound <= text.bytes.count else { return nil }
        var json = JSONReader(text.bytes, from: range.lowerBound, decoder: decoder)
        json.storedTimelines = storedTimelines
        guard let entity = try? json.read(Entity.self), json.offset == range.upperBound else { return nil }
        return entity
    }
}
