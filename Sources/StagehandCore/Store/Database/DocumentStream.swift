import CPostgres
import Foundation

/// The documents of a one-column query, read as they arrive: libpq hands the rows
/// over one at a time (single-row mode), and a thread of its own reads batches of
/// them with `JSONReader` while the server is still sending the rest, so the
/// server's work and the reading overlap; once all have come, this thread reads
/// what is left too. Each row is read in place, never copied into a Swift string.
final class DocumentStream<Entity: Decodable & JSONReadable & Sendable>: @unchecked Sendable {
    /// Rows handed to the reader at a time: small enough to start early, large enough to keep locking rare.
    static var batchSize: Int { 256 }

    private let lock = NSLock()
    private var waiting: [(index: Int, rows: [OpaquePointer])] = []
    private var read: [Int: Result<[Entity], any Error>] = [:]
    private var allArrived = false
    private let arrived = DispatchSemaphore(value: 0)
    private let helperDone = DispatchSemaphore(value: 0)
    private let makeDecoder: @Sendable () -> JSONDecoder

    private init(makeDecoder: @escaping @Sendable () -> JSONDecoder) {
        self.makeDecoder = makeDecoder
    }

    deinit { waiting.forEach { $0.rows.forEach { PQclear($0) } } }

    /// Runs the query on `connection` and returns its rows as entities, in order.
    static func entities(
        _ sql: String, _ parameters: [String], on connection: DatabaseConnection, makeDecoder: @escaping @Sendable () -> JSONDecoder
    ) throws -> [Entity] {
        let stream = DocumentStream(makeDecoder: makeDecoder)
        try connection.sendForRows(sql, parameters)
        Thread { [stream] in
            stream.readBatches()
            stream.helperDone.signal()
        }.start()
        var failure: (any Error)?
        var batch: [OpaquePointer] = []
        var count = 0
        connection.receiveRows { row in
            switch row {
            case .row(let result):
                batch.append(result)
                if batch.count == batchSize {
                    stream.hand(batch, index: count)
                    count += 1
                    batch = []
                }
            case .failed(let error):
                failure = failure ?? error
            }
        }
        if !batch.isEmpty {
            stream.hand(batch, index: count)
            count += 1
        }
        stream.finishArriving()
        stream.readBatches()
        stream.helperDone.wait()
        if let failure { throw failure }
        return try (0..<count).flatMap { try stream.read[$0]?.get() ?? [] }
    }

    private func hand(_ rows: [OpaquePointer], index: Int) {
        lock.withLock { waiting.append((index, rows)) }
        arrived.signal()
    }

    private func finishArriving() {
        lock.withLock { allArrived = true }
        arrived.signal()
    }

    /// Reads waiting batches until every row has arrived and none waits.
    private func readBatches() {
        let decoder = makeDecoder()
        while true {
            let next: (index: Int, rows: [OpaquePointer])? = lock.withLock {
                waiting.isEmpty ? nil : waiting.removeFirst()
            }
            if let next {
                let outcome = Result { () throws -> [Entity] in try next.rows.map { try Self.entity(in: $0, decoder: decoder) } }
                next.rows.forEach { PQclear($0) }
                lock.withLock { read[next.index] = outcome }
                continue
            }
            if lock.withLock({ allArrived }) { return }
            arrived.wait()
        }
    }

    private static func entity(in result: OpaquePointer, decoder: JSONDecoder) throws -> Entity {
        let bytes = UnsafeRawBufferPointer(start: PQgetvalue(result, 0, 0), count: Int(PQgetlength(result, 0, 0)))
        var json = JSONReader(bytes, decoder: decoder, keysUnique: true)
        if let entity = try? Entity(json: &json), json.isAtEnd() { return entity }
        return try decoder.decode(Entity.self, from: Data(bytes))
    }
}
