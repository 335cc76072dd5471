import ArgumentParser
import Foundation
import StagehandCore

/// `stagehand migrate`: sets up, or brings up to date, Stagehand's tables in a database.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Create or upgrade Stagehand's tables in the PostgreSQL database --state names.",
        discussion: "Safe to run again: it applies only what the database lacks, and refuses a database set up by a newer Stagehand (exit 65).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let location = StoreLocation.from(option: global.state, environment: ProcessInfo.processInfo.environment)
        guard case .database(let database) = location else {
            throw ValidationError("migrate sets up a database: give --state postgresql://… (a state file needs no setting up).")
        }
        let applied = try DatabaseStore(database, requiringSchema: false).migrate()
        TextOutput.print(
            applied.isEmpty
                ? "\(database.shown) is up to date."
                : "\(database.shown): applied schema \(applied.map(String.init).joined(separator: ", ")); it is up to date.")
    }
}
