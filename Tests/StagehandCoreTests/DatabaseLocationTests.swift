import Testing
@testable import StagehandCore

/// `--state` as a PostgreSQL URI: which workspace, and how it is named in sentences.
@Suite struct DatabaseLocationTests {
    @Test func aURIIsADatabaseAndAnythingElseAFile() {
        #expect(StoreLocation.from(option: "postgresql://db/hiring", environment: [:]) == .database(DatabaseLocation("postgresql://db/hiring")!))
        #expect(StoreLocation.from(option: nil, environment: ["STAGEHAND_STATE": "postgres://db/hiring"]) == .database(DatabaseLocation("postgres://db/hiring")!))
        guard case .file = StoreLocation.from(option: "/srv/hiring/state.json", environment: [:]) else {
            Issue.record("a path is a file")
            return
        }
    }

    @Test func thePasswordNeverShowsAndTheWorkspaceIsStagehandsOwnParameter() throws {
        let location = try #require(DatabaseLocation("postgresql://ana:s3cret@db.example.com:5432/hiring?sslmode=verify-full&workspace=office-b&password=other"))
        #expect(location.workspace == "office-b")
        #expect(!location.connectionURI.contains("workspace="), "libpq would refuse a parameter it does not know")
        #expect(location.connectionURI.contains("sslmode=verify-full"))
        #expect(!location.shown.contains("s3cret") && !location.shown.contains("other"))
        #expect(location.shown.contains("db.example.com:5432/hiring") && location.shown.contains("workspace=office-b"))
        #expect(DatabaseLocation("postgresql://db/hiring")?.workspace == DatabaseLocation.defaultWorkspace)
    }
}
