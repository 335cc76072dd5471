#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

extension SnapshotIndex {
    /// The tables whose entries belong to one candidate, in the order an index line lists them.
    enum Table: Int, CaseIterable {
        case tasks, evaluationRequests, emails, actionRuns
    }

    /// Where a snapshot being written put each candidate and what belongs to them.
    struct Recorder {
        var setup: Range<Int>?
        var candidatesArray: Range<Int>?
        var emailsArray: Range<Int>?
        private var candidates: [(id: CandidateID, name: String, range: Range<Int>)] = []
        private var owned: [CandidateID: [[Range<Int>]]] = [:]

        init() {}

        mutating func candidate(_ candidate: Candidate, at range: Range<Int>) {
            candidates.append((candidate.id, candidate.name, range))
        }

        mutating func entry(of candidate: CandidateID, in table: Table, at range: Range<Int>) {
            owned[candidate, default: Array(repeating: [], count: Table.allCases.count)][table.rawValue].append(range)
        }

        /// The index's text for the snapshot `stamp` describes.
        func text(of snapshot: Snapshot, stamp: FileStamp) -> [UInt8]? {
            guard let setup, let candidatesArray, let emailsArray else { return nil }
            var json = JSONWriter(fallback: JSONEncoder(), capacity: candidates.count * 96 + 256)
            json.object { json in
                json.member("candidates", [candidatesArray.lowerBound, candidatesArray.upperBound]) {
                    $0.array($1) { $0.integer($1) }
                }
                json.member("counter", snapshot.workspace.counter) { $0.integer($1) }
                json.member("emails", [emailsArray.lowerBound, emailsArray.upperBound]) { $0.array($1) { $0.integer($1) } }
                json.member("generation", snapshot.generation) { $0.string($1) }
                json.member("schemaVersion", snapshot.schemaVersion) { $0.integer($1) }
                json.member("setup", [setup.lowerBound, setup.upperBound]) { $0.array($1) { $0.integer($1) } }
                json.member("snapshot", String(SnapshotSeal.line(for: stamp).dropLast())) { $0.string($1) }
            }
            json.verbatim(Data("\n".utf8))
            let none = Array(repeating: [Range<Int>](), count: Table.allCases.count)
            for (id, name, range) in candidates {
                json.array { json in
                    json.element { $0.string(id) }
                    json.element { $0.string(name) }
                    json.element { $0.array([range.lowerBound, range.upperBound]) { $0.integer($1) } }
                    for ranges in owned[id] ?? none {
                        json.element { $0.array(ranges.flatMap { [$0.lowerBound, $0.upperBound] }) { $0.integer($1) } }
                    }
                }
                json.verbatim(Data("\n".utf8))
            }
            return json.bytes
        }
    }

    /// Writes the index of the snapshot just written, replacing any other whole,
    /// and answers its stamp, for the seal; on any failure no index is left, and
    /// commands read the snapshot whole.
    static func write(_ text: [UInt8]?, beside snapshotPath: String, permissions: mode_t) -> FileStamp? {
        let index = path(of: snapshotPath)
        guard let text else {
            try? FileSystem.removeIfPresent(index)
            return nil
        }
        return FileSystem.replaceWhole(index, with: Data(text), permissions: permissions)
    }
}
