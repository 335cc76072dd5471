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
/// `{"candidates":[start,end],"counter":N,"emails":[start,end],"generation":G,"schemaVersion":V,"setup":[start,end],"snapshot":SEAL}`,
/// SEAL being the seal's line (`SnapshotSeal`) without its newline, and
/// `candidates` and `emails` where those arrays stand (`LargeArrays`), so that
/// a whole read can share them out between threads, or leave the emails for later. Then one
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

    /// Where a snapshot's candidates' and emails' arrays stand, each from its
    /// opening bracket to just after its closing one; nil in an index written
    /// before these were recorded.
    struct LargeArrays {
        var candidates: Range<Int>?
        var emails: Range<Int>?
    }

    /// What one candidate's line says.
    struct Entry {
        var candidate: Range<Int>
        var tables: [[Range<Int>]]
    }

    static func path(of snapshotPath: String) -> String { snapshotPath + ".index" }

    /// The index at `snapshotPath`, when it names the snapshot `stamp` describes
    /// and the seal names both as Stagehand wrote them.
    init?(at snapshotPath: String, for stamp: FileStamp) {
        guard let text = Self.open(at: snapshotPath, for: stamp), let header = Self.header(in: text, for: stamp) else {
            return nil
        }
        self.text = text
        counter = header.counter
        generation = header.generation
        schemaVersion = header.schemaVersion
        setup = header.setup
        candidates = []
        var line = header.end
        do {
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

    /// Where the snapshot `stamp` describes has its two large arrays, read from
    /// the index's first line only; nil as for the whole index.
    static func largeArrays(at snapshotPath: String, for stamp: FileStamp) -> LargeArrays? {
        open(at: snapshotPath, for: stamp).flatMap { header(in: $0, for: stamp)?.largeArrays }
    }

    private static func open(at snapshotPath: String, for stamp: FileStamp) -> MappedFile? {
        guard let file = try? OpenFile(ifPresent: path(of: snapshotPath), flags: O_RDONLY),
            let indexStamp = try? file.stamp(), SnapshotSeal.matches(stamp, index: indexStamp, at: snapshotPath)
        else { return nil }
        return try? MappedFile(file)
    }

    /// What the first line says, and where the line after it starts.
    private struct Header {
        var counter: Int
        var generation: String
        var schemaVersion: Int
        var setup: Range<Int>
        var largeArrays: LargeArrays
        var end: Int
    }

    private static func header(in text: MappedFile, for stamp: FileStamp) -> Header? {
        var json = JSONReader(text.bytes)
        var candidates: [Int]?, counter: Int?, emails: [Int]?, generation: String?, version: Int?, setup: [Int]?
        var seal: String?
        do {
            try json.readObject { key, json in
                switch key {
                case "candidates": candidates = try json.read()
                case "counter": counter = try json.read()
                case "emails": emails = try json.read()
                case "generation": generation = try json.read()
                case "schemaVersion": version = try json.read()
                case "setup": setup = try json.read()
                case "snapshot": seal = try json.read()
                default: throw JSONReader.Unreadable()
                }
            }
        } catch {
            return nil
        }
        guard let counter, let generation, let version, let setup = setup.flatMap(range),
            seal.map({ $0 + "\n" }) == SnapshotSeal.line(for: stamp),
            json.offset < text.bytes.count, text.bytes[json.offset] == UInt8(ascii: "\n")
        else { return nil }
        return Header(
            counter: counter, generation: generation, schemaVersion: version, setup: setup,
            largeArrays: LargeArrays(candidates: candidates.flatMap(range), emails: emails.flatMap(range)),
            end: json.offset + 1)
    }

    private static func range(_ pair: [Int]) -> Range<Int>? {
        pair.count == 2 && 0 <= pair[0] && pair[0] <= pair[1] ? pair[0]..<pair[1] : nil
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
