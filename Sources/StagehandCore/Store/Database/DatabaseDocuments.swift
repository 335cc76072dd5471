import CPostgres
import Foundation

/// The documents a query returned, one a row, read in place from libpq's result:
/// no copy into a Swift string, and two threads may read it at once (the result
/// is not changed once made).
final class DatabaseDocuments: @unchecked Sendable {
    private let result: OpaquePointer?

    init(_ result: OpaquePointer?) { self.result = result }

    deinit { PQclear(result) }

    var count: Int { Int(PQntuples(result)) }

    /// The first column of row `index`, as bytes.
    subscript(index: Int) -> UnsafeRawBufferPointer {
        let row = Int32(index)
        return UnsafeRawBufferPointer(start: PQgetvalue(result, row, 0), count: Int(PQgetlength(result, row, 0)))
    }

    /// Every row read as an entity, by `JSONReader`, or by JSONDecoder when the
    /// reader does not know a row's shape. A long result is read half on another
    /// thread, as the state file's snapshot is: two cores read it in about half the time.
    func entities<Entity: Decodable & JSONReadable & Sendable>(decoder: @escaping @Sendable () -> JSONDecoder) throws -> [Entity] {
        guard count >= 2_000 else { return try read(0..<count, decoder: decoder()) }
        let middle = count / 2
        let head = Head<Entity>()
        Thread { [self] in
            head.outcome = Result { () throws -> [Entity] in try read(0..<middle, decoder: decoder()) }
            head.finished.signal()
        }.start()
        let rest = Result { () throws -> [Entity] in try read(middle..<count, decoder: decoder()) }
        head.finished.wait()
        return try head.outcome.get() + rest.get()
    }

    private func read<Entity: Decodable & JSONReadable>(_ rows: Range<Int>, decoder: JSONDecoder) throws -> [Entity] {
        var entities: [Entity] = []
        entities.reserveCapacity(rows.count)
        for index in rows {
            let bytes = self[index]
            var json = JSONReader(bytes, decoder: decoder, keysUnique: true)
            if let entity = try? Entity(json: &json), json.isAtEnd() {
                entities.append(entity)
            } else {
                entities.append(try decoder.decode(Entity.self, from: Data(bytes)))
            }
        }
        return entities
    }

    /// The first half's outcome, written by its thread before `finished` is signalled.
    private final class Head<Entity>: @unchecked Sendable {
        var outcome: Result<[Entity], any Error> = .success([])
        let finished = DispatchSemaphore(value: 0)
    }
}
