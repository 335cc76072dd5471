import CPostgres
import Foundation

/// One libpq connection, used synchronously as the core uses the state file: a
/// statement with text parameters in, rows of text out. Parameters always travel
/// apart from the statement, so no value is ever spliced into SQL.
final class DatabaseConnection {
    let location: DatabaseLocation
    private let connection: OpaquePointer
    /// Channels to LISTEN on again after a reconnection.
    private var listening: Set<String> = []
    private var lastReconnect = Date.distantPast

    init(_ location: DatabaseLocation) throws {
        self.location = location
        if let missing = stagehand_pq_unavailable() {
            throw DatabaseError.libpqMissing(shown: location.shown, detail: String(cString: missing))
        }
        guard let connection = PQconnectdb(location.connectionURI) else {
            throw DatabaseError.unreachable(shown: location.shown, detail: "libpq could not start a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let detail = Self.firstLine(of: PQerrorMessage(connection))
            // libpq gives no SQLSTATE before a connection exists: a missing password it
            // reports by itself, a wrong one only in the server's words.
            let refused = PQconnectionNeedsPassword(connection) == 1 || detail.contains("authentication failed")
                || (detail.contains("role \"") && detail.contains("does not exist"))
            let noDatabase = detail.contains("database \"") && detail.contains("does not exist")
            PQfinish(connection)
            if refused { throw DatabaseError.loginRefused(shown: location.shown, detail: detail) }
            // The server answered: sending the person to look for one that is down would mislead.
            if noDatabase { throw DatabaseError.missingDatabase(shown: location.shown, detail: detail) }
            throw DatabaseError.unreachable(shown: location.shown, detail: detail)
        }
        self.connection = connection
        // libpq prints the server's notices to stderr by default, which would write
        // over a board's screen (a restart's "terminating connection" among them):
        // what matters reaches the user as a sentence instead.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
    }

    deinit { PQfinish(connection) }

    /// The rows a statement returned, each value as text (nil for NULL).
    struct Rows {
        var values: [[String?]]
        var first: [String?]? { values.first }
    }

    /// LISTENs on `channel`, again after every reconnection.
    func listen(_ channel: String) throws {
        try execute("LISTEN \(channel)")
        listening.insert(channel)
    }

    /// After the server went away (a restart, a network cut): one try to connect
    /// again, at most once a second, so that a board polling it never stalls.
    /// True when the connection is back.
    func reconnectIfLost() -> Bool {
        guard PQstatus(connection) != CONNECTION_OK else { return false }
        guard Date().timeIntervalSince(lastReconnect) >= 1 else { return false }
        lastReconnect = Date()
        PQreset(connection)
        guard PQstatus(connection) == CONNECTION_OK else { return false }
        for channel in listening { _ = try? execute("LISTEN \(channel)") }
        return true
    }

    @discardableResult
    func execute(_ sql: String, _ parameters: [String?] = []) throws -> Rows {
        if PQstatus(connection) != CONNECTION_OK, !reconnectIfLost() {
            throw DatabaseError.unreachable(shown: location.shown, detail: "the connection is lost; trying again")
        }
        let copies = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer<CChar>($0) }
        // Without parameters a text may hold several statements (a migration); with
        // them, one statement whose values travel apart from it.
        let result =
            parameters.isEmpty
            ? PQexec(connection, sql)
            : pointers.withUnsafeBufferPointer { buffer in
                PQexecParams(connection, sql, Int32(parameters.count), nil, buffer.baseAddress, nil, nil, 0)
            }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
            var rows: [[String?]] = []
            for row in 0..<PQntuples(result) {
                rows.append((0..<PQnfields(result)).map { column in
                    PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
                })
            }
            return Rows(values: rows)
        default:
            throw failure(result)
        }
    }

    /// Sends a query whose rows `receiveRows` then takes one at a time.
    func sendForRows(_ sql: String, _ parameters: [String]) throws {
        if PQstatus(connection) != CONNECTION_OK, !reconnectIfLost() {
            throw DatabaseError.unreachable(shown: location.shown, detail: "the connection is lost; trying again")
        }
        let copies = parameters.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer<CChar>($0) }
        let sent = pointers.withUnsafeBufferPointer { buffer in
            PQsendQueryParams(connection, sql, Int32(parameters.count), nil, buffer.baseAddress, nil, nil, 0)
        }
        guard sent == 1, PQsetSingleRowMode(connection) == 1 else {
            throw DatabaseError.unreachable(shown: location.shown, detail: Self.firstLine(of: PQerrorMessage(connection)))
        }
    }

    enum ArrivingRow {
        /// A result holding one row, which the receiver must `PQclear`.
        case row(OpaquePointer)
        case failed(DatabaseError)
    }

    /// Every row of the query `sendForRows` sent, as it arrives, then the end.
    func receiveRows(_ each: (ArrivingRow) -> Void) {
        while let result = PQgetResult(connection) {
            switch PQresultStatus(result) {
            case PGRES_SINGLE_TUPLE: each(.row(result))
            case PGRES_TUPLES_OK: PQclear(result)
            default:
                each(.failed(failure(result)))
                PQclear(result)
            }
        }
    }

    /// The descriptor to poll for notices.
    var socket: Int32 { PQsocket(connection) }

    var isOpen: Bool { PQstatus(connection) == CONNECTION_OK }

    /// The payloads of the notices that arrived, read without waiting.
    func notices() -> [String] {
        guard PQconsumeInput(connection) == 1 else { return [] }
        var payloads: [String] = []
        while let notice = PQnotifies(connection) {
            payloads.append(String(cString: notice.pointee.extra))
            PQfreemem(notice)
        }
        return payloads
    }

    /// The first value of the first row, if any.
    func value(_ sql: String, _ parameters: [String?] = []) throws -> String? {
        try execute(sql, parameters).first?.first ?? nil
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it
    /// throws. `readingOnly` sees one snapshot of every table, however many
    /// statements it takes, while writers go on.
    func transaction<Result>(readingOnly: Bool = false, _ body: () throws -> Result) throws -> Result {
        try execute(readingOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    /// The server's refusal as a sentence: by its SQLSTATE class where it matters.
    func failure(_ result: OpaquePointer?) -> DatabaseError {
        let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
        let message = Self.firstLine(of: PQresultErrorField(result, Int32(UInt8(ascii: "M"))) ?? PQerrorMessage(connection))
        if PQstatus(connection) != CONNECTION_OK {
            return .unreachable(shown: location.shown, detail: "the connection dropped: \(message)")
        }
        switch state {
        case "42501": return .permission(shown: location.shown, detail: message)
        case "42P01": return .noSchema(shown: location.shown)
        default: return .failed(shown: location.shown, detail: message.isEmpty ? "SQLSTATE \(state)" : message)
        }
    }

    static func firstLine(of text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "" }
        return String(cString: text).split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }
}
