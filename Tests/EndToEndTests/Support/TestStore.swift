#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import Testing

/// Where a behaviour test keeps its workspace: issue 17 asks that every test about
/// behaviour pass on the state file and on PostgreSQL alike, so those tests take
/// a store as their argument and run once for each.
enum TestStore: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case file
    case database

    var testDescription: String { rawValue }
}

/// One PostgreSQL cluster for the whole test run, started when a test first needs a
/// database (each test gets a database of its own on it) and stopped when the run ends.
/// A cluster for each test would spend seconds on `initdb` every time.
enum SharedCluster {
    private static let started: Result<PostgresCluster, any Error> = Result {
        let cluster = try PostgresCluster()
        atexit { SharedCluster.stop() }
        return cluster
    }

    /// A new, migrated-to-nothing database and its name and URI.
    static func newDatabase() throws -> (name: String, uri: String, cluster: PostgresCluster) {
        let cluster = try started.get()
        let name = "test_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        return (name, try cluster.database(name), cluster)
    }

    private static func stop() {
        if case .success(let cluster) = started { cluster.remove() }
    }
}
