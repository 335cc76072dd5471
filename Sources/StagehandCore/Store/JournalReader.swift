import Foundation

/// Reads journal records out of the bytes that follow what was already read.
/// Only records of the snapshot's generation count: others were left by a
/// compaction that died before removing the journal, and the snapshot holds them.
struct JournalReader {
    let path: String
    let schema: SchemaMigrator
    let decoder: JSONDecoder

    struct Lines {
        /// The records of the snapshot's generation.
        var records: [JournalRecord] = []
        /// Up to the end of the last complete line: where the next read starts.
        var bytes = 0
        var count = 0
    }

    /// The complete lines of `data`. A last line without its newline is an append
    /// cut short by a writer that died; it was never committed, so it is left out
    /// (and the next writer cuts it off).
    func records(
        in data: Data, firstLine: Int, of snapshot: (generation: String, schemaVersion: Int)
    ) throws -> Lines {
        var lines = Lines()
        try data.withUnsafeBytes { buffer in
            var start = 0
            while start < buffer.count,
                let found = memchr(buffer.baseAddress! + start, Int32(UInt8(ascii: "\n")), buffer.count - start)
            {
                let end = buffer.baseAddress!.distance(to: UnsafeRawPointer(found))
                let line = UnsafeRawBufferPointer(rebasing: buffer[start..<end])
                if let record = try record(line, number: firstLine + lines.count, of: snapshot) {
                    lines.records.append(record)
                }
                lines.count += 1
                start = end + 1
            }
            lines.bytes = start
        }
        return lines
    }

    private func record(
        _ line: UnsafeRawBufferPointer, number: Int, of snapshot: (generation: String, schemaVersion: Int)
    ) throws -> JournalRecord? {
        var json = JSONReader(line, decoder: decoder)
        if snapshot.schemaVersion == schema.current, let record = try? json.read(JournalRecord.self), json.isAtEnd() {
            return record.generation == snapshot.generation ? record : nil
        }
        return try record(Data(line), number: number, of: snapshot)
    }

    private func record(
        _ line: Data, number: Int, of snapshot: (generation: String, schemaVersion: Int)
    ) throws -> JournalRecord? {
        let current = snapshot.schemaVersion == schema.current
        do {
            let record = try decoder.decode(
                JournalRecord.self, from: current ? line : upgraded(line, from: snapshot.schemaVersion))
            return record.generation == snapshot.generation ? record : nil
        } catch {
            // A stale record may be in an older schema (an upgrade that died midway): skip it, unread.
            if let stale = try? decoder.decode(RecordGeneration.self, from: line), stale.generation != snapshot.generation {
                return nil
            }
            let diagnosis = DecodingDiagnosis(error, text: current ? line : nil)
            throw StateFileError.damagedJournal(
                path: path, line: number, codingPath: diagnosis.codingPath, problem: diagnosis.problem)
        }
    }

    private struct RecordGeneration: Decodable {
        var generation: String
    }

    /// A record written under an older schema: its setup and entities go through
    /// the upgrade steps as a partial workspace.
    private func upgraded(_ line: Data, from version: Int) throws -> Data {
        guard var record = try JSONSerialization.jsonObject(with: line) as? [String: Any] else {
            throw DecodingError.typeMismatch(
                [String: Any].self, DecodingError.Context(codingPath: [], debugDescription: "not an object"))
        }
        var partial: [String: Any] = [:]
        partial["counter"] = record["counter"]
        partial["setup"] = record["setup"]
        for key in JournalRecord.tableKeys {
            partial[key] = (record[key] as? [String: Any])?["changed"]
        }
        try schema.upgrade(&partial, from: version)
        record["counter"] = partial["counter"]
        record["setup"] = partial["setup"]
        for key in JournalRecord.tableKeys {
            guard var change = record[key] as? [String: Any] else { continue }
            change["changed"] = partial[key]
            record[key] = change
        }
        return try JSONSerialization.data(withJSONObject: record)
    }
}
