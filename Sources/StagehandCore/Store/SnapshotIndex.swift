#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Where each candidate, and what belongs to them, stands in a snapshot the
/// store wrote: `state.json.index` beside it. A command that names a few
/// candidates (`show`, `move`) reads the setup and their bytes only, instead of
/// every candidate of a large workspace (`StateFile.load(candidatesNamed:)`).
///
/// JSON Lines. The first line says which snapshot it indexes:
/// `{"counter":N,"generation":G,"schemaVersion":V,"setup":[start,end],"snapshot":SEAL}`,
/// SEAL being the seal's line (`SnapshotSeal`) without its newline. Then one
/// line per candidate, in the snapshot's order:
/// `[ID,NAME,[start,end],TASKS,EVALUATION_REQUESTS,EMAILS,ACTION_RUNS]`, each
/// table's entries of that candidate as a flat `[start,end,start,end,…]`.
/// Offsets are bytes into the snapshot, the end excluded.
///
/// Like the seal, it only ever lets a reader read less: one that does not name
/// the snapshot as it is now, or that changed since Stagehand wrote it (the
/// seal's second line says when that was), is ignored, and the snapshot is read whole.
struct SnapshotIndex {
    var counter: Int
    var generation: String
    var schemaVersion: Int
    var setup: Range<Int>
    /// Each candidate's id, name, and where the rest of their line starts.
    var candidates: [(id: CandidateID, name: String, line: Int)]
    private let text: MappedFile

    /// What one candidate's line says.
    struct Entry {
        var candidate: Range<Int>
        var tables: [[Range<Int>]]
    }

    static func path(of snapshotPath: String) -> String { snapshotPath + ".index" }

    /// The index at `snapshotPath`, when it names the snapshot `stamp` describes
    /// and the seal names both as Stagehand wrote them.
    init?(at snapshotPath: String, for stamp: FileStamp) {
        guard let file = try? OpenFile(ifPresent: Self.path(of: snapshotPath), flags: O_RDONLY),
            let indexStamp = try? file.stamp(), SnapshotSeal.matches(stamp, index: indexStamp, at: snapshotPath),
            let text = try? MappedFile(file)
        else { return nil }
        self.text = text
        var json = JSONReader(text.bytes)
        var counter: Int?, generation: String?, version: Int?, setup: [Int]?, seal: String?
        do {
            try json.readObject { key, json in
                switch key {
                case "counter": counter = try json.read()
                case "generation": generation = try json.read()
                case "schemaVersion": version = try json.read()
                case "setup": setup = try json.read()
                case "snapshot": seal = try json.read()
                default: throw JSONReader.Unreadable()
                }
            }
            guard let counter, let generation, let version, let setup, setup.count == 2, setup[0] <= setup[1],
                seal.map({ $0 + "\n" }) == SnapshotSeal.line(for: stamp)
            else { return nil }
            self.counter = counter
            self.generation = generation
            schemaVersion = version
            self.setup = setup[0]..<setup[1]
            candidates = []
            guard json.offset < text.bytes.count, text.bytes[json.offset] == UInt8(ascii: "\n") else { return nil }
            var line = json.offset + 1
            while line < text.bytes.count {
                guard let newline = memchr(text.bytes.baseAddress! + line, Int32(UInt8(ascii: "\n")), text.bytes.count - line)
                else { return nil }
                var entry = JSONReader(text.bytes, from: line)
                try entry.openArray()
                let id: CandidateID = try entry.read()
                try entry.consume(JSONReader.comma)
                let name: String = try entry.read()
                try entry.consume(JSONReader.comma)
                candidates.append((id, name, entry.offset))
                line = text.bytes.baseAddress!.distance(to: UnsafeRawPointer(newline)) + 1
            }
        } catch {
            return nil
        }
    }

    /// The rest of the line of the candidate whose line continues at `line`.
    func entry(at line: Int) -> Entry? {
        var json = JSONReader(text.bytes, from: line)
        var tables: [[Range<Int>]] = []
        do {
            for table in 0..<5 {
                if table > 0 { try json.consume(JSONReader.comma) }
                guard let ranges = Self.pairs(try json.read([Int].self)) else { return nil }
                tables.append(ranges)
            }
            try json.consume(UInt8(ascii: "]"))
        } catch {
            return nil
        }
        guard tables[0].count == 1 else { return nil }
        return Entry(candidate: tables[0][0], tables: Array(tables.dropFirst()))
    }

    private static func pairs(_ offsets: [Int]) -> [Range<Int>]? {
        guard offsets.count % 2 == 0 else { return nil }
        var ranges: [Range<Int>] = []
        for start in stride(from: 0, to: offsets.count, by: 2) {
            guard offsets[start] >= 0, offsets[start] <= offsets[start + 1] else { return nil }
            ranges.append(offsets[start]..<offsets[start + 1])
        }
        return ranges
    }
}
