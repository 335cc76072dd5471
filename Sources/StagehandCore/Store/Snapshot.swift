import Foundation

/// The snapshot file: the whole workspace in an envelope that says which schema
/// wrote it and which generation it is. Journal records name the generation
/// they extend, so records left behind by an interrupted compaction are known
/// to be stale.
struct Snapshot: Codable {
    var schemaVersion: Int
    var generation: String
    var workspace: Workspace

    init(schemaVersion: Int, generation: String, workspace: Workspace) {
        self.schemaVersion = schemaVersion
        self.generation = generation
        self.workspace = workspace
    }

    /// Reads the version first, so a newer file is refused as newer rather than
    /// reported as damaged, and no time is spent decoding it.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        if let readable = decoder.userInfo[.readableSchemaVersion] as? Int, schemaVersion != readable {
            throw SchemaMismatch(found: schemaVersion)
        }
        generation = try container.decode(String.self, forKey: .generation)
        workspace = try container.decode(Workspace.self, forKey: .workspace)
    }

    /// Decodes a snapshot file, upgrading an older schema in memory.
    /// With `storedTimelines`, the timelines are left in the file for it to read when needed.
    static func read(
        _ text: MappedFile, path: String, schema: SchemaMigrator, decoder: JSONDecoder,
        storedTimelines: StoredTimelines? = nil, arrays: SnapshotIndex.LargeArrays? = nil
    ) throws -> Snapshot {
        if let snapshot = SnapshotReader.snapshot(
            in: text, schemaVersion: schema.current, decoder: decoder, storedTimelines: storedTimelines,
            arrays: arrays)
        {
            return snapshot
        }
        let data = text.data
        do {
            return try decoder.decode(Snapshot.self, from: data)
        } catch let mismatch as SchemaMismatch {
            return try upgrade(data, from: mismatch.found, path: path, schema: schema, decoder: decoder)
        } catch {
            throw StateFileError.damaged(path: path, diagnosis: DecodingDiagnosis(error, text: data))
        }
    }

    private static func upgrade(
        _ data: Data, from version: Int, path: String, schema: SchemaMigrator, decoder: JSONDecoder
    ) throws -> Snapshot {
        guard version <= schema.current else {
            throw StateFileError.newerVersion(path: path, found: version, supported: schema.current)
        }
        guard schema.canUpgrade(from: version) else {
            throw StateFileError.unsupportedVersion(path: path, found: version, supported: schema.current)
        }
        do {
            guard var document = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                var workspace = document["workspace"] as? [String: Any]
            else {
                throw DecodingError.typeMismatch(
                    [String: Any].self,
                    DecodingError.Context(codingPath: [CodingKeys.workspace], debugDescription: "not an object"))
            }
            try schema.upgrade(&workspace, from: version)
            document["workspace"] = workspace
            document["schemaVersion"] = schema.current
            var snapshot = try decoder.decode(Snapshot.self, from: JSONSerialization.data(withJSONObject: document))
            // Remember what the file holds, so the next writer rewrites it.
            snapshot.schemaVersion = version
            return snapshot
        } catch {
            throw StateFileError.damaged(path: path, diagnosis: DecodingDiagnosis(error, text: nil))
        }
    }
}

/// Thrown while decoding a snapshot whose version is not the one this Stagehand writes.
struct SchemaMismatch: Error {
    let found: Int
}

extension CodingUserInfoKey {
    /// The schema version a decoder reads without upgrading; set on the store's decoder.
    static let readableSchemaVersion = CodingUserInfoKey(rawValue: "stagehand.readableSchemaVersion")!
}

extension StateFileError {
    static func damaged(path: String, diagnosis: DecodingDiagnosis) -> StateFileError {
        .damaged(path: path, location: diagnosis.location, codingPath: diagnosis.codingPath, problem: diagnosis.problem)
    }
}
